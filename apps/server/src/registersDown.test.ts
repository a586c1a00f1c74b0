import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHttpRegisters,
  createRegisterSimulator,
  defaultFixturesDir,
  loadFixtureRegisters,
} from '@lovisa/registry';
import { startHarness, login, type Harness } from './test/harness';
import { fixtureFacts } from './test/fixtureFacts';

/** The registers over real HTTP, then gone: the API says so plainly (503), never 500, and keeps serving. */
describe('registers over HTTP', () => {
  let h: Harness;
  let simulator: Awaited<ReturnType<typeof createRegisterSimulator>>;
  beforeAll(async () => {
    const fixtures = await loadFixtureRegisters(defaultFixturesDir());
    simulator = createRegisterSimulator(fixtures);
    await simulator.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(simulator.server.address() as { port: number }).port}`;
    const registers = {
      ...createHttpRegisters({ baseUrl, timeoutMs: 1000, retries: 1, backoffMs: 10 }),
      testIdentities: fixtures.testIdentities!,
    };
    h = await startHarness('pglite', {}, { registers });
  });
  afterAll(async () => {
    await h?.close();
    await simulator?.close();
  });

  it('prefills from the registers over HTTP, and answers 503 in plain Swedish when they are down', async () => {
    const facts = await fixtureFacts(h.registers);
    const cookie = await login(h, facts.applicantA);
    const up = await h.app.inject({ method: 'GET', url: '/api/me/properties', headers: { cookie } });
    expect(up.statusCode).toBe(200);
    expect(up.json().map((p: { id: string }) => p.id)).toContain(facts.propertyA.id);

    await simulator.close();
    const down = await h.app.inject({ method: 'GET', url: '/api/me/properties', headers: { cookie } });
    expect(down.statusCode).toBe(503);
    expect(down.json().error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/registret/) });
    // The rest of the service still answers.
    expect((await h.app.inject({ method: 'GET', url: '/api/drafts', headers: { cookie } })).statusCode).toBe(200);
  });
});
