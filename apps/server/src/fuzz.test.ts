import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startHarness, login, submitSigned, type Harness } from './test/harness';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';

/**
 * Bad input, generated: every route of the server's own OpenAPI document, and the BankID simulator's API,
 * gets bodies, path parameters and content types that break its schema. Each must answer 4xx in the
 * documented shape, never 5xx, and change nothing. FUZZ_RUNS sets the number of cases (CI ≥ 2 000;
 * `npm run fuzz` 10 000).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface JsonSchema {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
}
interface Operation {
  method: string;
  path: string; // OpenAPI form: /api/x/{id}
  params: string[];
  body?: JsonSchema;
}
interface Target extends Operation {
  /** A valid request body, mutated into invalid ones. */
  base?: Json;
  /** Valid path parameters. */
  validParams: Record<string, string>;
  /** Which error shape this API speaks. */
  shape: 'lovisa' | 'bankid';
}

/** Walks a JSON schema alongside a value, listing every place a mutation can go. */
function placesIn(schema: JsonSchema | undefined, value: Json, path: (string | number)[] = []): { path: (string | number)[]; schema: JsonSchema; required: boolean }[] {
  if (!schema) return [];
  const out: { path: (string | number)[]; schema: JsonSchema; required: boolean }[] = [];
  if (schema.properties && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, sub] of Object.entries(schema.properties)) {
      if (!(key in value)) continue;
      out.push({ path: [...path, key], schema: sub, required: schema.required?.includes(key) ?? false });
      out.push(...placesIn(sub, value[key] as Json, [...path, key]));
    }
  }
  if (schema.items && Array.isArray(value)) {
    value.forEach((v, i) => {
      // Dropping one element can leave a valid value (a ring one vertex shorter): only retype items.
      out.push({ path: [...path, i], schema: schema.items!, required: false });
      out.push(...placesIn(schema.items, v, [...path, i]));
    });
  }
  return out;
}

function setAt(value: Json, path: (string | number)[], replacement: Json | undefined): Json {
  if (path.length === 0) return replacement ?? null;
  const [head, ...rest] = path;
  const copy: Json = Array.isArray(value) ? [...value] : { ...(value as Record<string, Json>) };
  const child = (copy as Record<string | number, Json>)[head!]!;
  if (rest.length === 0 && replacement === undefined) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete (copy as Record<string, Json>)[head as string];
  } else {
    (copy as Record<string | number, Json>)[head!] = setAt(child, rest, replacement);
  }
  return copy;
}

/** A value that is surely not of the schema's type. */
const wrongTypeFor = (schema: JsonSchema): fc.Arbitrary<Json> => {
  if (schema.enum) return fc.constantFrom<Json>('okänt-värde', 42, null, ['qr']);
  switch (schema.type) {
    case 'string':
      return fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant<Json>({}), fc.constant<Json>([]));
    case 'number':
    case 'integer':
      return fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.constant<Json>([1]), fc.constant<Json>('NaN'));
    case 'array':
      return fc.oneof(fc.string(), fc.integer(), fc.constant<Json>({}), fc.constant(null));
    case 'object':
      return fc.oneof(fc.string(), fc.integer(), fc.constant<Json>([]), fc.constant(null));
    default:
      return fc.constant<Json>(Symbol.for('unknown') as unknown as Json).map(() => null);
  }
};

const deep = (n: number): Json => (n === 0 ? [] : [deep(n - 1)]);

/** Broken footprints: what a confused or hostile client draws. */
const badRings: fc.Arbitrary<Json> = fc.constantFrom<Json>(
  [[[620_070, 6_650_020], [620_076, 6_650_026], [620_076, 6_650_020], [620_070, 6_650_026], [620_070, 6_650_020]]], // bow tie
  [[[16, 59], [16.001, 59], [16.001, 59.001], [16, 59]]], // degrees, outside SWEREF
  [[[null, 6_650_020], [620_076, null], [620_076, 6_650_024], [null, 6_650_020]]] as unknown as Json, // NaN becomes null in JSON
  [[[620_070, 6_650_020], [620_076, 6_650_020], [620_076, 6_650_024]]], // open, too few
  [Array.from({ length: 10_000 }, (_, i) => [620_070 + Math.cos(i) * 3, 6_650_022 + Math.sin(i) * 3])], // 10 000 vertices
  [[[1e308, 1e308], [-1e308, 1e308], [0, -1e308], [1e308, 1e308]]],
);

describe('generated bad input', () => {
  let h: Harness;
  let cookies: string[];
  const targets: Target[] = [];
  const stats = { cases: 0, fiveHundreds: 0 };

  async function counts() {
    const r = await h.app.db.execute(
      sql`select (select count(*) from cases) as c, (select count(*) from drafts) as d, (select count(*) from sign_orders) as s, (select count(*) from case_events) as e, (select count(*) from sessions) as x`,
    );
    return JSON.stringify((r as unknown as { rows: unknown[] }).rows ?? r);
  }

  beforeAll(async () => {
    h = await startHarness('pglite', { bankidStartLimitPerMinute: 1_000_000 });
    const facts = await fixtureFacts(h.registers);
    const cookieA = await login(h, facts.applicantA);
    const officer = await login(h, facts.officer);
    cookies = [cookieA, officer];
    const existing = await submitSigned(h, cookieA, applicationFor(facts.propertyA));
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
    };
    const bases: Record<string, Json> = {
      'POST /api/auth/bankid/start': { mode: 'qr' },
      'POST /api/auth/bankid/collect': { orderRef: 'order' },
      'POST /api/auth/bankid/cancel': { orderRef: 'order' },
      'PUT /api/drafts/{id}': { data: { step: 'map', propertyId: facts.propertyA.id, measure: 'outbuilding', footprints: [], details: { description: 'x' } } },
      'POST /api/applications': applicationFor(facts.propertyA) as unknown as Json,
      'POST /api/applications/sign/collect': { orderRef: 'order' },
      'POST /api/applications/sign/cancel': { orderRef: 'order' },
      'POST /api/officer/cases/{id}/decision': { version: 0, outcome: 'approved', reason: 'Följer detaljplanen.' },
    };
    const validParams: Record<string, string> = { id: existing.id, orderRef: 'order' };
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const params = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        const body = op.requestBody?.content['application/json']?.schema;
        const key = `${method.toUpperCase()} ${path}`;
        targets.push({ method: method.toUpperCase(), path, params, body, base: bases[key], validParams, shape: 'lovisa' });
      }
    }
    for (const m of ['auth', 'sign', 'collect', 'cancel']) {
      targets.push({
        method: 'POST',
        path: `/bankid-sim/rp/v6.0/${m}`,
        params: [],
        body: {
          type: 'object',
          properties: { endUserIp: { type: 'string' }, orderRef: { type: 'string' }, userVisibleData: { type: 'string' }, requirement: { type: 'object', properties: { personalNumber: { type: 'string' } } } },
          required: m === 'collect' || m === 'cancel' ? ['orderRef'] : ['endUserIp'],
        },
        base:
          m === 'collect' || m === 'cancel'
            ? { orderRef: 'order' }
            : { endUserIp: '127.0.0.1', requirement: { personalNumber: facts.applicantB }, ...(m === 'sign' ? { userVisibleData: Buffer.from('Hej').toString('base64') } : {}) },
        validParams: {},
        shape: 'bankid',
      });
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers every broken request with 4xx in the documented shape and changes nothing', async () => {
    const withBody = targets.filter((t) => t.body && t.base !== undefined);
    expect(withBody.length).toBeGreaterThanOrEqual(8);
    const before = await counts();

    type Case = { target: Target; url: string; payload: string | Buffer; contentType: string; cookie: string; note: string };
    const url = (t: Target, params: Record<string, string>) => t.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? 'x'));
    const json = (v: Json) => JSON.stringify(v);

    const bodyMutation = (t: Target): fc.Arbitrary<{ payload: string | Buffer; contentType: string; note: string }> => {
      const places = placesIn(t.body, t.base!);
      const required = places.filter((p) => p.required);
      const options: fc.Arbitrary<{ payload: string | Buffer; contentType: string; note: string }>[] = [
        fc.constantFrom('{"', '{"a":}', '[1,2', 'nul', '{"mode":"qr"', '\u0000').map((p) => ({ payload: p, contentType: 'application/json', note: 'malformed JSON' })),
        fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x').map((ct) => ({ payload: 'mode=qr', contentType: ct, note: `content type ${ct}` })),
        fc.oneof(fc.integer(), fc.string(), fc.constant<Json>(null), fc.constant<Json>([]), fc.constant(deep(2000))).map((v) => ({ payload: json(v as Json), contentType: 'application/json', note: 'not an object' })),
        fc.constant({ payload: Buffer.alloc(2 * 1024 * 1024, 'a'), contentType: 'application/json', note: 'over the size limit' }),
      ];
      if (required.length > 0) {
        options.push(fc.constantFrom(...required).map((p) => ({ payload: json(setAt(t.base!, p.path, undefined)), contentType: 'application/json', note: `missing ${p.path.join('.')}` })));
      }
      if (places.length > 0) {
        options.push(
          fc.constantFrom(...places.filter((p) => p.schema.type || p.schema.enum)).chain((p) =>
            wrongTypeFor(p.schema).map((v) => ({ payload: json(setAt(t.base!, p.path, v)), contentType: 'application/json', note: `wrong type at ${p.path.join('.')}` })),
          ),
        );
      }
      if (t.path === '/api/applications') {
        options.push(badRings.map((ring) => ({ payload: json(setAt(t.base!, ['footprints', 0, 'geometry', 'coordinates'], ring)), contentType: 'application/json', note: 'broken footprint' })));
        options.push(fc.constantFrom('Point', 'LineString', 'polygon').map((type) => ({ payload: json(setAt(t.base!, ['footprints', 0, 'geometry', 'type'], type)), contentType: 'application/json', note: 'not a polygon' })));
        options.push(fc.constant({ payload: json(setAt(t.base!, ['details', 'description'], 'x'.repeat(100_000))), contentType: 'application/json', note: 'huge string' }));
      }
      if (t.shape === 'bankid') {
        options.push(fc.constantFrom('19820202-9289', '8202029289', '0', 'ÅÄÖ', '').map((pnr) => ({ payload: json(setAt(t.base!, ['requirement', 'personalNumber'], pnr)), contentType: 'application/json', note: 'invalid personnummer' })));
      }
      return fc.oneof(...options);
    };

    const pathMutation = (t: Target): fc.Arbitrary<Case> =>
      fc.record({
        raw: fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('..', '../../etc/passwd', '%00', 'x'.repeat(2000), '00000000-0000-4000-8000-00000000000G', "'; drop table cases;--")),
        cookie: fc.constantFrom(...cookies, ''),
      }).map(({ raw, cookie }) => {
        const params = Object.fromEntries(t.params.map((p) => [p, raw || 'x']));
        return { target: t, url: url(t, params), payload: t.base !== undefined ? json(t.base) : '', contentType: 'application/json', cookie, note: `path parameter ${JSON.stringify(raw.slice(0, 40))}` };
      });

    const caseArb: fc.Arbitrary<Case> = fc.oneof(
      fc.constantFrom(...withBody).chain((t) =>
        fc.record({ m: bodyMutation(t), cookie: fc.constantFrom(...cookies) }).map(({ m, cookie }) => ({ target: t, url: url(t, t.validParams), cookie, ...m })),
      ),
      fc.constantFrom(...targets.filter((t) => t.params.length > 0)).chain(pathMutation),
    );

    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        stats.cases += 1;
        const res = await h.app.inject({
          method: c.target.method as 'POST',
          url: c.url,
          headers: { 'content-type': c.contentType, ...(c.cookie ? { cookie: c.cookie } : {}) },
          ...(c.target.method === 'GET' ? {} : { payload: c.payload }),
        });
        if (res.statusCode >= 500) stats.fiveHundreds += 1;
        const where = `${c.target.method} ${c.url.slice(0, 80)} (${c.note}) → ${res.statusCode} ${res.body.slice(0, 200)}`;
        // Path-parameter cases may hit a real resource the caller may see (a valid id by chance is
        // practically impossible); everything else must be refused.
        expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, where).toBeLessThan(500);
        const body = res.json();
        if (c.target.shape === 'bankid') expect(body, where).toMatchObject({ errorCode: expect.any(String), details: expect.any(String) });
        else expect(body.error, where).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        expect(res.body, where).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261123) },
    );
    expect(await counts()).toBe(before);
    expect(stats.fiveHundreds).toBe(0);
    expect(stats.cases).toBe(RUNS);
  }, 600_000);
});
