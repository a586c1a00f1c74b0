import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { dbKinds, type DbKind } from './test/databases';
import { startHarness, login, multipartFile, submitSigned, testPdf, type Harness } from './test/harness';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';

/**
 * Bad input, generated: every route of the server's own OpenAPI document, and the BankID simulator's API,
 * gets bodies, path parameters and content types that break its schema. Each must answer 4xx in the
 * documented shape, never 5xx, and change nothing. Then every route of `app.routeTable` gets odd input of
 * any kind (NUL and lone surrogates anywhere, oversized strings, broken multipart bodies, odd query strings),
 * as applicant, as officer and anonymous: never 5xx. FUZZ_RUNS sets the number of cases of each property (CI
 * ≥ 2 000; `npm run fuzz` 10 000); FUZZ_DB=pglite|postgres picks one database (default: each available).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const KINDS: DbKind[] = process.env.FUZZ_DB ? [process.env.FUZZ_DB as DbKind] : dbKinds;

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
function placesIn(
  schema: JsonSchema | undefined,
  value: Json,
  path: (string | number)[] = [],
): { path: (string | number)[]; schema: JsonSchema; required: boolean }[] {
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

/** The paths of every string in a JSON value. */
function stringPathsOf(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPathsOf(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringPathsOf(v, [...path, k]));
  return [];
}

const deep = (n: number): Json => (n === 0 ? [] : [deep(n - 1)]);

/** Broken footprints: what a confused or hostile client draws. */
const badRings: fc.Arbitrary<Json> = fc.constantFrom<Json>(
  [
    [
      [620_070, 6_650_020],
      [620_076, 6_650_026],
      [620_076, 6_650_020],
      [620_070, 6_650_026],
      [620_070, 6_650_020],
    ],
  ], // bow tie
  [
    [
      [16, 59],
      [16.001, 59],
      [16.001, 59.001],
      [16, 59],
    ],
  ], // degrees, outside SWEREF
  [
    [
      [null, 6_650_020],
      [620_076, null],
      [620_076, 6_650_024],
      [null, 6_650_020],
    ],
  ] as unknown as Json, // NaN becomes null in JSON
  [
    [
      [620_070, 6_650_020],
      [620_076, 6_650_020],
      [620_076, 6_650_024],
    ],
  ], // open, too few
  [Array.from({ length: 10_000 }, (_, i) => [620_070 + Math.cos(i) * 3, 6_650_022 + Math.sin(i) * 3])], // 10 000 vertices
  [
    [
      [1e308, 1e308],
      [-1e308, 1e308],
      [0, -1e308],
      [1e308, 1e308],
    ],
  ],
);

/** Text the database cannot keep, and text too long for any field. */
const poisons = ['\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '🏠'.slice(0, 1), `${'🏠'.slice(0, 1)}${'x'.repeat(50)}`];
const oversized = ['x'.repeat(70_000), 'å'.repeat(300_000)];

/** Query strings a confused client, a scanner or a hand-edited address produces. */
const oddQueries: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '?q=%00',
    '?q=a%00b',
    '?q=%ED%A0%80', // a surrogate's UTF-8 form: not valid UTF-8
    '?q=%C0%80',
    '?q=%FF%FE',
    '?q=%',
    '?q=%zz',
    '?q=%E2%82',
    '?&&&==&',
    '?=',
    '?q',
    '?__proto__[x]=1',
    '?constructor=1&prototype=2',
    '?q[]=1&q[]=2',
    '?a[b][c]=1',
    '?status=received&status=decided',
    '?limit=-1&offset=1e309',
    '?page=NaN&limit=Infinity',
    "?q=' or 1=1--",
    '?q=19580713-3052',
    `?q=${'x'.repeat(10_000)}`,
    `?${'k'.repeat(5_000)}=1`,
    `?${Array.from({ length: 500 }, (_, i) => `k${i}=${i}`).join('&')}`,
    '?type=SITU&type=PLA',
    '?type=%00',
    '?neighbourPropertyId=%00&type=GRAM',
  ),
  fc
    .record({
      key: fc.constantFrom(
        'q',
        'status',
        'limit',
        'offset',
        'type',
        'team',
        'sort',
        'assigned',
        'neighbourPropertyId',
        'x',
      ),
      value: fc.oneof(fc.string({ maxLength: 200, unit: 'binary' }), fc.constantFrom(...poisons)),
    })
    // Percent-encoded byte by byte: a lone surrogate arrives as the replacement character's bytes, as a
    // browser would send it; the raw invalid sequences are in the constants above.
    .map(
      ({ key, value }) =>
        `?${key}=${[...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')}`,
    ),
);

/** Multipart bodies that break: no boundary, cut short, wrong boundary, fields, garbage, endless headers. */
const brokenMultipart: fc.Arbitrary<{ payload: Buffer; contentType: string; note: string }> = fc
  .record({
    cut: fc.integer({ min: 0, max: 400 }),
    kind: fc.integer({ min: 0, max: 8 }),
    junk: fc.uint8Array({ maxLength: 300 }),
  })
  .map(({ cut, kind, junk }) => {
    const good = multipartFile('ritning\u0000.pdf', testPdf());
    const boundary = good.contentType.split('boundary=')[1]!;
    const part = (head: string, body: string) => Buffer.from(`--${boundary}\r\n${head}\r\n\r\n${body}\r\n`);
    const end = Buffer.from(`--${boundary}--\r\n`);
    switch (kind) {
      case 0:
        return { payload: good.payload, contentType: 'multipart/form-data', note: 'multipart without boundary' };
      case 1:
        return {
          payload: good.payload.subarray(0, Math.min(cut, good.payload.length - 1)),
          contentType: good.contentType,
          note: `multipart cut at ${cut}`,
        };
      case 2:
        return {
          payload: good.payload,
          contentType: 'multipart/form-data; boundary=other',
          note: 'multipart, wrong boundary',
        };
      case 3:
        return {
          payload: Buffer.concat([part('Content-Disposition: form-data; name="note"', 'hej'), end]),
          contentType: good.contentType,
          note: 'multipart, a field only',
        };
      case 4:
        return {
          payload: Buffer.concat([part('Content-Disposition: form-data; name="note"', '\u0000'), good.payload]),
          contentType: good.contentType,
          note: 'multipart, a field then the file',
        };
      case 5:
        return { payload: Buffer.from(junk), contentType: good.contentType, note: 'multipart, random bytes' };
      case 6:
        return {
          payload: Buffer.concat([Buffer.from(`--${boundary}\r\nX: ${'a'.repeat(100_000)}`), end]),
          contentType: good.contentType,
          note: 'multipart, endless header',
        };
      case 7:
        return {
          payload: Buffer.concat([
            part(`Content-Disposition: form-data; name="file"; filename="${'x'.repeat(5000)}.pdf"`, '%PDF-1.7'),
            end,
          ]),
          contentType: good.contentType,
          note: 'multipart, huge file name',
        };
      default:
        return {
          payload: Buffer.from(`--${boundary}--\r\n`),
          contentType: `${good.contentType}; charset=utf-16`,
          note: 'multipart, no parts',
        };
    }
  });

describe.each(KINDS)('generated bad input on %s', (kind) => {
  let h: Harness;
  let cookies: string[];
  const targets: Target[] = [];
  const stats = { cases: 0, fiveHundreds: 0 };
  const wide = { cases: 0, fiveHundreds: 0, ms: 0 };
  let bases: Record<string, Json> = {};
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  let existingId = '';
  let draftId = '';

  async function counts() {
    const r = await h.app.db.execute(
      sql`select (select count(*) from cases) as c, (select count(*) from drafts) as d, (select count(*) from sign_orders) as s, (select count(*) from case_events) as e, (select count(*) from sessions) as x`,
    );
    return JSON.stringify((r as unknown as { rows: unknown[] }).rows ?? r);
  }

  beforeAll(async () => {
    h = await startHarness(kind, { bankidStartLimitPerMinute: 1_000_000 });
    facts = await fixtureFacts(h.registers);
    const cookieA = await login(h, facts.applicantA);
    const officer = await login(h, facts.officer);
    cookies = [cookieA, officer];
    const existing = await submitSigned(h, cookieA, applicationFor(facts.propertyA));
    existingId = existing.id;
    draftId = randomUUID();
    const draft = await h.app.inject({
      method: 'PUT',
      url: `/api/drafts/${draftId}`,
      headers: { cookie: cookieA },
      payload: { data: { step: 'map' } },
    });
    if (draft.statusCode !== 200) throw new Error(`draft not saved: ${draft.body}`);
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string; in: string }[];
            requestBody?: { content: Record<string, { schema: JsonSchema }> };
          }
        >
      >;
    };
    bases = {
      'POST /api/auth/bankid/start': { mode: 'qr' },
      'POST /api/auth/bankid/collect': { orderRef: 'order' },
      'POST /api/auth/bankid/cancel': { orderRef: 'order' },
      'PUT /api/drafts/{id}': {
        data: {
          step: 'map',
          propertyId: facts.propertyA.id,
          measure: 'outbuilding',
          footprints: [],
          details: { description: 'x' },
        },
      },
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
        targets.push({
          method: method.toUpperCase(),
          path,
          params,
          body,
          base: bases[key],
          validParams,
          shape: 'lovisa',
        });
      }
    }
    for (const m of ['auth', 'sign', 'collect', 'cancel']) {
      targets.push({
        method: 'POST',
        path: `/bankid-sim/rp/v6.0/${m}`,
        params: [],
        body: {
          type: 'object',
          properties: {
            endUserIp: { type: 'string' },
            orderRef: { type: 'string' },
            userVisibleData: { type: 'string' },
            requirement: { type: 'object', properties: { personalNumber: { type: 'string' } } },
          },
          required: m === 'collect' || m === 'cancel' ? ['orderRef'] : ['endUserIp'],
        },
        base:
          m === 'collect' || m === 'cancel'
            ? { orderRef: 'order' }
            : {
                endUserIp: '127.0.0.1',
                requirement: { personalNumber: facts.applicantB },
                ...(m === 'sign' ? { userVisibleData: Buffer.from('Hej').toString('base64') } : {}),
              },
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

    type Case = {
      target: Target;
      url: string;
      payload: string | Buffer;
      contentType: string;
      cookie: string;
      note: string;
    };
    const url = (t: Target, params: Record<string, string>) =>
      t.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? 'x'));
    const json = (v: Json) => JSON.stringify(v);

    const bodyMutation = (t: Target): fc.Arbitrary<{ payload: string | Buffer; contentType: string; note: string }> => {
      const places = placesIn(t.body, t.base!);
      const required = places.filter((p) => p.required);
      const options: fc.Arbitrary<{ payload: string | Buffer; contentType: string; note: string }>[] = [
        fc
          .constantFrom('{"', '{"a":}', '[1,2', 'nul', '{"mode":"qr"', '\u0000')
          .map((p) => ({ payload: p, contentType: 'application/json', note: 'malformed JSON' })),
        fc
          .constantFrom(
            'text/plain',
            'application/xml',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
          )
          .map((ct) => ({ payload: 'mode=qr', contentType: ct, note: `content type ${ct}` })),
        fc
          .oneof(fc.integer(), fc.string(), fc.constant<Json>(null), fc.constant<Json>([]), fc.constant(deep(2000)))
          .map((v) => ({ payload: json(v as Json), contentType: 'application/json', note: 'not an object' })),
        fc.constant({
          payload: Buffer.alloc(2 * 1024 * 1024, 'a'),
          contentType: 'application/json',
          note: 'over the size limit',
        }),
      ];
      if (required.length > 0) {
        options.push(
          fc.constantFrom(...required).map((p) => ({
            payload: json(setAt(t.base!, p.path, undefined)),
            contentType: 'application/json',
            note: `missing ${p.path.join('.')}`,
          })),
        );
      }
      if (places.length > 0) {
        options.push(
          fc.constantFrom(...places.filter((p) => p.schema.type || p.schema.enum)).chain((p) =>
            wrongTypeFor(p.schema).map((v) => ({
              payload: json(setAt(t.base!, p.path, v)),
              contentType: 'application/json',
              note: `wrong type at ${p.path.join('.')}`,
            })),
          ),
        );
      }
      const stringPlaces = places.filter((p) => p.schema.type === 'string');
      if (stringPlaces.length > 0) {
        options.push(
          fc
            .record({ p: fc.constantFrom(...stringPlaces), poison: fc.constantFrom(...poisons) })
            .map(({ p, poison }) => ({
              payload: json(setAt(t.base!, p.path, `ok${poison}`)),
              contentType: 'application/json',
              note: `unstorable text at ${p.path.join('.')}`,
            })),
        );
      }
      if (t.path === '/api/applications') {
        options.push(
          badRings.map((ring) => ({
            payload: json(setAt(t.base!, ['footprints', 0, 'geometry', 'coordinates'], ring)),
            contentType: 'application/json',
            note: 'broken footprint',
          })),
        );
        options.push(
          fc.constantFrom('Point', 'LineString', 'polygon').map((type) => ({
            payload: json(setAt(t.base!, ['footprints', 0, 'geometry', 'type'], type)),
            contentType: 'application/json',
            note: 'not a polygon',
          })),
        );
        options.push(
          fc.constant({
            payload: json(setAt(t.base!, ['details', 'description'], 'x'.repeat(100_000))),
            contentType: 'application/json',
            note: 'huge string',
          }),
        );
      }
      if (t.shape === 'bankid') {
        options.push(
          fc.constantFrom('19820202-9289', '8202029289', '0', 'ÅÄÖ', '').map((pnr) => ({
            payload: json(setAt(t.base!, ['requirement', 'personalNumber'], pnr)),
            contentType: 'application/json',
            note: 'invalid personnummer',
          })),
        );
      }
      return fc.oneof(...options);
    };

    const pathMutation = (t: Target): fc.Arbitrary<Case> =>
      fc
        .record({
          raw: fc.oneof(
            fc.string({ maxLength: 300 }),
            fc.constantFrom(
              '..',
              '../../etc/passwd',
              '%00',
              'x'.repeat(2000),
              '00000000-0000-4000-8000-00000000000G',
              "'; drop table cases;--",
            ),
          ),
          cookie: fc.constantFrom(...cookies, ''),
        })
        .map(({ raw, cookie }) => {
          const params = Object.fromEntries(t.params.map((p) => [p, raw || 'x']));
          return {
            target: t,
            url: url(t, params),
            payload: t.base !== undefined ? json(t.base) : '',
            contentType: 'application/json',
            cookie,
            note: `path parameter ${JSON.stringify(raw.slice(0, 40))}`,
          };
        });

    const caseArb: fc.Arbitrary<Case> = fc.oneof(
      fc
        .constantFrom(...withBody)
        .chain((t) =>
          fc
            .record({ m: bodyMutation(t), cookie: fc.constantFrom(...cookies) })
            .map(({ m, cookie }) => ({ target: t, url: url(t, t.validParams), cookie, ...m })),
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
        if (c.target.shape === 'bankid')
          expect(body, where).toMatchObject({ errorCode: expect.any(String), details: expect.any(String) });
        else expect(body.error, where).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        expect(res.body, where).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261123) },
    );
    expect(await counts()).toBe(before);
    expect(stats.fiveHundreds).toBe(0);
    expect(stats.cases).toBe(RUNS);
  }, 600_000);
  it('answers odd input to every route of the route table, as applicant, officer or anonymous, never with 5xx', async () => {
    // Logging out would end the sessions the other cases use; it takes no input to get wrong.
    const routes = [
      ...new Map(
        h.app.routeTable
          .filter((r) => r.url.startsWith('/api/') && r.url !== '/api/auth/logout')
          .map((r) => [`${r.method} ${r.url}`, r]),
      ).values(),
    ];
    expect(routes.length).toBeGreaterThan(60);
    const paramValue = (url: string, name: string) => {
      if (name === 'id' && url.startsWith('/api/drafts/')) return draftId;
      if (name === 'id' && url.startsWith('/api/properties/')) return facts.propertyA.id;
      if (name === 'id') return existingId;
      if (name === 'kind') return 'decision';
      if (name === 'orderRef') return 'order';
      return randomUUID();
    };
    const oddParam = fc.constantFrom(
      '%00',
      'a%00b',
      '%ED%A0%80',
      '%C0%80',
      '%',
      '%zz',
      encodeURIComponent('x'.repeat(5000)),
      '..%2F..%2Fetc',
      '%F0%9F',
    );
    const jsonBody = (route: {
      method: string;
      url: string;
    }): fc.Arbitrary<{ payload: string | Buffer; contentType: string; note: string }> => {
      const base = bases[`${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`] ?? {
        orderRef: 'order',
        version: 0,
        mode: 'qr',
        data: { step: 'map' },
      };
      const places = stringPathsOf(base);
      return fc.oneof(
        // Unstorable text in a field of the body, or as a key of its own.
        fc
          .record({
            at: places.length > 0 ? fc.constantFrom(...places) : fc.constant<(string | number)[]>(['x']),
            poison: fc.constantFrom(...poisons),
          })
          .map(({ at, poison }) => ({
            payload: JSON.stringify(setAt(base, at, `ok${poison}`)),
            contentType: 'application/json',
            note: `unstorable text at ${at.join('.')}`,
          })),
        fc.constantFrom(...poisons).map((poison) => ({
          payload: JSON.stringify({ ...(base as object), [`k${poison}`]: 1 }),
          contentType: 'application/json',
          note: 'unstorable key',
        })),
        // Raw escapes exactly as a browser's JSON.stringify of a cut string sends them.
        fc
          .constantFrom(
            '{"orderRef":"\\u0000"}',
            '{"data":{"step":"a\\ud800b"}}',
            '{"version":0,"reason":"\\udfff"}',
            '"\\ud800"',
          )
          .map((payload) => ({ payload, contentType: 'application/json', note: 'escaped NUL or surrogate' })),
        // Oversized strings: too long for the field, or for the body.
        fc
          .record({
            at: places.length > 0 ? fc.constantFrom(...places) : fc.constant<(string | number)[]>(['x']),
            big: fc.constantFrom(...oversized),
          })
          .map(({ at, big }) => ({
            payload: JSON.stringify(setAt(base, at, big)),
            contentType: 'application/json',
            note: `oversized string at ${at.join('.')}`,
          })),
        brokenMultipart,
      );
    };
    const caseArb = fc
      .record({
        route: fc.constantFrom(...routes),
        cookie: fc.constantFrom(...cookies, ''),
        query: fc.oneof(fc.constant(''), oddQueries),
        badParam: fc.boolean(),
        odd: oddParam,
      })
      .chain(({ route, cookie, query, badParam, odd }) => {
        const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
        const bad = badParam && names.length > 0 ? names[odd.length % names.length] : undefined;
        const url =
          route.url.replace(/:(\w+)/g, (_, name: string) =>
            name === bad ? odd : encodeURIComponent(paramValue(route.url, name)),
          ) + query;
        const hasBody = !['GET', 'HEAD'].includes(route.method);
        return (
          hasBody ? jsonBody(route) : fc.constant({ payload: '', contentType: 'application/json', note: 'no body' })
        ).map((body) => ({ route, cookie, url, hasBody, ...body }));
      });

    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        wide.cases += 1;
        const res = await h.app.inject({
          method: c.route.method as 'POST',
          url: c.url,
          headers: {
            ...(c.hasBody ? { 'content-type': c.contentType } : {}),
            ...(c.cookie ? { cookie: c.cookie } : {}),
          },
          ...(c.hasBody ? { payload: c.payload } : {}),
        });
        if (res.statusCode >= 500) wide.fiveHundreds += 1;
        const where = `${c.route.method} ${c.url.slice(0, 100)} (${c.note}) → ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect(res.statusCode, where).toBeLessThan(500);
        if (res.statusCode >= 400 && c.route.method !== 'HEAD') {
          expect(res.json().error, where).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        }
        expect(res.body, where).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261123) },
    );
    wide.ms = Date.now() - started;
    process.stdout.write(
      `fuzz on ${kind}: ${stats.cases} schema cases + ${wide.cases} route-table cases, ${stats.fiveHundreds + wide.fiveHundreds} × 5xx, route-table part ${(wide.ms / 1000).toFixed(1)} s\n`,
    );
    expect(wide.fiveHundreds).toBe(0);
    expect(wide.cases).toBe(RUNS);
  }, 600_000);
});
