import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTECTED_SENTINEL } from '@lovisa/registry';
import { startHarness, login, submitSigned, type Harness } from './test/harness';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';

/**
 * A person with protected identity: the service must never show, send or log their address. The fixtures
 * hold a sentinel address for them; it must appear in no answer and no log line of a whole case's life.
 */
describe('protected identity', () => {
  let h: Harness;
  const logLines: string[] = [];
  const bodies: string[] = [];
  beforeAll(async () => {
    h = await startHarness('pglite', {}, { logLines });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('never leaks the address, to the person, the officer or the log', async () => {
    const facts = await fixtureFacts(h.registers);
    const karin = '197908109288';
    const person = await h.registers.population.personByPersonnummer(karin);
    expect(person?.protectedIdentity).toBe(true);
    const cookie = await login(h, karin);
    const get = async (url: string, c: string) => {
      const res = await h.app.inject({ method: 'GET', url, headers: { cookie: c } });
      bodies.push(res.body);
      return res;
    };
    const me = await get('/api/me', cookie);
    expect(me.json()).toMatchObject({ protectedIdentity: true, address: null });
    const owned = (await get('/api/me/properties', cookie)).json() as { id: string; address: string | null }[];
    // Her plot's street address may be where she lives: it is not shown to her screen either.
    expect(owned.map((p) => p.address)).toEqual(owned.map(() => null));
    const [propertyId] = owned.map((p) => p.id);
    const property = (await get(`/api/properties/${propertyId}`, cookie)).json().property;
    // Her neighbours' lists, as her neighbours see them.
    for (const n of (await get(`/api/properties/${propertyId}/neighbours`, cookie)).json() as { id: string }[]) {
      await get(`/api/properties/${n.id}/neighbours`, await login(h, facts.officer));
    }
    const summary = await submitSigned(h, cookie, applicationFor(property));
    await get('/api/me/cases', cookie);
    await get(`/api/me/cases/${summary.id}`, cookie);
    const officer = await login(h, facts.officer);
    await get('/api/officer/queue', officer);
    await get(`/api/officer/cases/${summary.id}`, officer);
    await get('/api/session', cookie);
    bodies.push((await h.app.inject({ method: 'GET', url: '/bankid-sim/app' })).body);

    expect(bodies.length).toBeGreaterThan(8);
    for (const body of bodies) expect(body).not.toContain(PROTECTED_SENTINEL);
    expect(logLines.length).toBeGreaterThan(10);
    for (const line of logLines) {
      expect(line).not.toContain(PROTECTED_SENTINEL);
      expect(line).not.toContain(karin); // personnummer never in logs either
    }
  });
});
