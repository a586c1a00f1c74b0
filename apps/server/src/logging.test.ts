import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { RegisterUnavailableError, defaultFixturesDir, loadFixtureRegisters, type Registers } from '@lovisa/registry';
import { dbKinds } from './test/databases';
import { login, multipartFile, startHarness, type Harness } from './test/harness';
import { fixtureFacts } from './test/fixtureFacts';
import { redactLogLine, serializeError, serializeRequest } from './logging';

/** Every way a personnummer is written: 12 digits, 10 digits, with a dash, with a plus (100 years or older). */
const formsOf = (pnr: string) => [
  pnr,
  pnr.slice(2),
  `${pnr.slice(0, 8)}-${pnr.slice(8)}`,
  `${pnr.slice(2, 8)}-${pnr.slice(8)}`,
  `${pnr.slice(2, 8)}+${pnr.slice(8)}`,
];
/** Any 10- or 12-digit personnummer-looking run, not part of a longer number. */
const anyPersonnummer = /(?<!\d)(\d{8}|\d{6})[-+]?\d{4}(?!\d)/;
const uuids = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
// From /work/shared/data/test-personnummer.txt: a searched-for person who owns nothing here.
const searched = '195807133052';
const secretText = 'Hemlig-beskrivning-7f3a';

describe('redaction, unit', () => {
  it('replaces every personnummer form in strings, keys and integers, and leaves other numbers', () => {
    const line = JSON.stringify({
      msg: `search 19580713-3052 and 5807133052 and 580713+3052`,
      n: 195807133052,
      [searched]: 1,
      time: 1795000000000,
      responseTime: 1.25,
    });
    const out = redactLogLine(`${line}\n`);
    expect(out.endsWith('\n')).toBe(true);
    for (const form of formsOf(searched)) expect(out).not.toContain(form);
    expect(JSON.parse(out)).toMatchObject({ time: 1795000000000, responseTime: 1.25 });
    expect(out.match(/\[personnummer\]/g)).toHaveLength(5);
  });

  it('keeps a database error to its SQLSTATE, constraint and table', () => {
    const driver = Object.assign(new Error(`duplicate key: Key (owner)=(${searched}) already exists`), {
      code: '23505',
      severity: 'ERROR',
      constraint: 'drafts_pkey',
      table: 'drafts',
      detail: `Key (owner)=(${searched})`,
    });
    const wrapped = Object.assign(new Error(`Failed query: update drafts\nparams: ${searched},{"a":1}`), {
      name: 'DrizzleQueryError',
      query: 'update drafts',
      params: [searched],
      cause: driver,
    });
    const out = serializeError(wrapped) as Record<string, unknown>;
    expect(out).toMatchObject({ type: 'DatabaseError', code: '23505', constraint: 'drafts_pkey', table: 'drafts' });
    expect(JSON.stringify(out)).not.toContain(searched);
    expect(JSON.stringify(out)).not.toContain('params');
  });

  it('logs a request path without its query string', () => {
    expect(serializeRequest({ method: 'GET', url: `/api/officer/queue?q=${searched}`, ip: '127.0.0.1' })).toEqual({
      method: 'GET',
      url: '/api/officer/queue',
      query: '[redacted]',
      host: undefined,
      remoteAddress: '127.0.0.1',
    });
  });

  it("keeps a remiss link's key out of the path, for the API and the page", () => {
    const key = 'j9KCBrC0aZ_-5x7Qw2Lm8nPq4RsT6uVw';
    for (const url of [
      `/api/consultations/${key}`,
      `/api/consultations/${key}/answer`,
      `/remiss/${key}`,
      // A co-owner's signing link, a neighbour's consent link, a hearing letter's code: the same.
      `/api/signatures/${key}/sign/collect`,
      `/underskrift/${key}`,
      `/api/consents/${key}/sign`,
      `/medgivande/${key}`,
      '/api/hearings/K7M2-Q9X4/answer',
      '/underrattelse/K7M2-Q9X4',
    ]) {
      const logged = serializeRequest({ method: 'GET', url }).url;
      expect(logged).not.toContain(key);
      expect(logged).not.toContain('K7M2');
      expect(logged).toMatch(/\[redacted\]/);
    }
    // Other paths are logged as they are.
    expect(serializeRequest({ method: 'GET', url: '/api/officer/queue' }).url).toBe('/api/officer/queue');
  });
});

describe.each(dbKinds)('what reaches the log on %s', (kind) => {
  let h: Harness;
  const lines: string[] = [];
  let registersDown = false;
  let applicant: string;
  let officer: string;
  let cookieA: string;
  let cookieO: string;

  beforeAll(async () => {
    const fixtures = await loadFixtureRegisters(defaultFixturesDir());
    // The ownership register can be switched off, to log a register failure.
    const registers: Registers = {
      ...fixtures,
      ownership: {
        ...fixtures.ownership,
        propertyIdsOwnedBy: async (pnr: string) => {
          if (registersDown) throw new RegisterUnavailableError('land', 'timeout');
          return fixtures.ownership.propertyIdsOwnedBy(pnr);
        },
      },
    };
    h = await startHarness(kind, {}, { logLines: lines, registers });
    const facts = await fixtureFacts(h.registers);
    applicant = facts.applicantA;
    officer = facts.officer;
    cookieA = await login(h, applicant);
    cookieO = await login(h, officer);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('holds no personnummer, request body or query string, whatever failed', async () => {
    const inject = (o: InjectOptions) => h.app.inject(o);
    const draftId = randomUUID();
    const saved = await inject({
      method: 'PUT',
      url: `/api/drafts/${draftId}`,
      headers: { cookie: cookieA },
      payload: { data: { step: 'details', details: { description: secretText } } },
    });
    expect(saved.statusCode).toBe(200);

    // A database error whose SQL parameters (and driver message) carry the owner's personnummer and the body.
    await h.app.db.execute(
      sql.raw(
        `create function lovisa_test_fail() returns trigger language plpgsql as $$ begin raise exception 'refused for % with %', new.owner_personnummer, new.data::text; end $$`,
      ),
    );
    await h.app.db.execute(
      sql.raw(
        `create trigger lovisa_test_fail before update on drafts for each row execute function lovisa_test_fail()`,
      ),
    );
    const failed = await inject({
      method: 'PUT',
      url: `/api/drafts/${draftId}?pnr=${applicant}`,
      headers: { cookie: cookieA },
      payload: { data: { step: 'details', details: { description: `${secretText} ${applicant}` } } },
    });
    expect(failed.statusCode).toBe(500);
    await h.app.db.execute(sql.raw(`drop trigger lovisa_test_fail on drafts`));

    const statuses: number[] = [failed.statusCode];
    const record = async (o: InjectOptions) => statuses.push((await inject(o)).statusCode);
    // Searching the queue by personnummer, in every written form.
    for (const form of formsOf(searched))
      await record({
        method: 'GET',
        url: `/api/officer/queue?q=${encodeURIComponent(form)}`,
        headers: { cookie: cookieO },
      });
    // Validation: a body that fails its schema, carrying a personnummer.
    await record({
      method: 'POST',
      url: '/api/applications',
      headers: { cookie: cookieA },
      payload: { personnummer: applicant, details: { description: secretText } },
    });
    // Text the database cannot keep.
    await record({
      method: 'PUT',
      url: `/api/drafts/${draftId}`,
      headers: { cookie: cookieA },
      payload: `{"data":{"step":"a\\ud800b","note":"${applicant}"}}`,
    });
    // 404, 413, 415, a malformed body, a broken upload, an unauthenticated call.
    await record({
      method: 'GET',
      url: `/api/officer/cases/${randomUUID()}?q=${searched}`,
      headers: { cookie: cookieO },
    });
    await record({ method: 'GET', url: `/api/finns-inte/${searched}?q=${searched}` });
    await record({
      method: 'PUT',
      url: `/api/drafts/${draftId}`,
      headers: { cookie: cookieA, 'content-type': 'application/json' },
      payload: `{"data":{"x":"${applicant}","pad":"${'a'.repeat(3 * 1024 * 1024)}"}}`,
    });
    await record({
      method: 'PUT',
      url: `/api/drafts/${draftId}`,
      headers: { cookie: cookieA, 'content-type': 'text/plain' },
      payload: `${applicant} ${secretText}`,
    });
    await record({
      method: 'PUT',
      url: `/api/drafts/${draftId}`,
      headers: { cookie: cookieA, 'content-type': 'application/json' },
      payload: `{"${applicant}": "${secretText}"`,
    });
    const upload = multipartFile(`${applicant}.pdf`, new TextEncoder().encode(`%PDF-1.7 ${secretText}`));
    await record({
      method: 'POST',
      url: `/api/drafts/${draftId}/attachments?type=SITU&pnr=${applicant}`,
      headers: { cookie: cookieA, 'content-type': upload.contentType },
      payload: upload.payload.subarray(0, upload.payload.length - 20),
    });
    await record({ method: 'GET', url: `/api/me?pnr=${applicant}` });
    await record({ method: 'POST', url: '/api/auth/bankid/collect', payload: { orderRef: applicant } });
    // The registers down.
    registersDown = true;
    await record({ method: 'GET', url: `/api/me/properties?pnr=${applicant}`, headers: { cookie: cookieA } });
    registersDown = false;
    expect(statuses).toEqual(expect.arrayContaining([500, 200, 400, 401, 404, 413, 415, 503]));

    const pnrs = [applicant, officer, searched];
    // Every request logged something (incoming, completed), and the database error was logged as one.
    expect(lines.length).toBeGreaterThan(statuses.length * 2);
    for (const line of lines) {
      for (const pnr of pnrs) for (const form of formsOf(pnr)) expect(line).not.toContain(form);
      const { responseTime: _, ...rest } = JSON.parse(line) as Record<string, unknown>;
      // A UUID whose first group happens to be all digits ("66667447-4194-…") is an id, not a personnummer.
      expect(JSON.stringify(rest).replace(uuids, '<uuid>'), line).not.toMatch(anyPersonnummer);
      expect(line).not.toContain(secretText);
      expect(line).not.toMatch(/"url":"[^"]*\?/);
      expect(line).not.toMatch(/params|Failed query/);
    }
    const dbError = lines
      .map((l) => JSON.parse(l) as { err?: { type?: string; code?: string } })
      .find((l) => l.err?.type === 'DatabaseError');
    expect(dbError?.err?.code).toBe('P0001');
    process.stdout.write(`log lines scanned on ${kind}: ${lines.length}\n`);
  });
});
