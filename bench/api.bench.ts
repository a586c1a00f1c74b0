// The API under load: autocannon, 50 connections, 10 s per endpoint, one run each, 127.0.0.1 only.
import autocannon, { type Result } from 'autocannon';
import { defaultFixturesDir, loadFixtureRegisters, simIdentities, type Registers } from '@lovisa/registry';
import type { ApplicationSubmission, Property } from '@lovisa/domain';
import { applicationFor, footprintIn } from '../apps/server/src/test/fixtureFacts';
import type { BenchResult } from './geometry.bench';
import {
  apiLogin,
  approveInTestApp,
  metricValue,
  draftWithDrawings,
  pool,
  putDraft,
  quantile,
  testAppApproval,
  testAppDevice,
  type BenchServer,
  type TestAppDevice,
} from './server';

export const CONNECTIONS = 50;
/** Submissions the statement count is averaged over. */
const STATEMENT_SAMPLE = 10;
/** What a submission cycle may send to the database; a new query on the path shows up as a missed budget. */
const STATEMENTS_BUDGET = 26;
export const DURATION_S = 10;

export interface Applicant {
  personnummer: string;
  cookie: string;
  property: Property;
  application: ApplicationSubmission;
}

/** Everyone in the fixtures who owns a property the test application fits on, logged in through BankID. */
export async function applicants(baseUrl: string, registers: Registers): Promise<Applicant[]> {
  const found: Omit<Applicant, 'cookie'>[] = [];
  for (const person of await simIdentities(registers)) {
    if (await registers.staff.officerByPersonnummer(person.personalNumber)) continue;
    const [propertyId] = await registers.ownership.propertyIdsOwnedBy(person.personalNumber);
    const property = propertyId ? await registers.land.propertyById(propertyId) : null;
    if (!property) continue;
    try {
      found.push({ personnummer: person.personalNumber, property, application: applicationFor(property) });
    } catch {
      // the test garage does not fit on this property
    }
  }
  return pool(found, 8, async (a) => ({ ...a, cookie: await apiLogin(baseUrl, a.personnummer) }));
}

const json = { 'content-type': 'application/json' };

/** One real submission over HTTP: POST (checked, sign order started), approve in the test BankID app, collect. */
export async function submitOnce(
  baseUrl: string,
  a: Applicant,
  draftId: string,
  device: TestAppDevice,
): Promise<{ teamId: string }> {
  const started = await fetch(`${baseUrl}/api/applications`, {
    method: 'POST',
    headers: { ...json, cookie: a.cookie },
    body: JSON.stringify({ ...a.application, draftId }),
  });
  if (started.status !== 202) throw new Error(`submission not started: ${started.status} ${await started.text()}`);
  const { orderRef } = (await started.json()) as { orderRef: string };
  await approveInTestApp(baseUrl, device, orderRef, a.personnummer);
  const collect = await fetch(`${baseUrl}/api/applications/sign/collect`, {
    method: 'POST',
    headers: { ...json, cookie: a.cookie },
    body: JSON.stringify({ orderRef }),
  });
  const body = (await collect.json()) as { status: string; case?: { teamId: string } };
  if (body.status !== 'complete' || !body.case) throw new Error(`signing did not complete: ${JSON.stringify(body)}`);
  return { teamId: body.case.teamId };
}

export interface LoadFigures {
  reqPerS: number;
  p50: number;
  p99: number;
  /** Requests answered with the expected status. */
  ok: number;
  failed: number;
  /** Of the failed: no answer within autocannon's 10 s (a queue that long, not an error answer). */
  timeouts: number;
  durationS: number;
}

const fromAutocannon = (r: Result, ok: number): LoadFigures => ({
  reqPerS: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  ok,
  // autocannon's `errors` already include its `timeouts`.
  failed: r.errors + (r.requests.total - ok),
  timeouts: r.timeouts,
  durationS: r.duration,
});

async function cannon(opts: Parameters<typeof autocannon>[0]): Promise<Result> {
  return await autocannon({ connections: CONNECTIONS, duration: DURATION_S, timeout: 10, ...opts });
}

/**
 * The submission cycle under load, with autocannon's request chain: every connection repeats POST
 * /api/applications (a fresh draft with its drawings from a pool prepared beforehand) → approve in the
 * simulator's test app → collect. A connection holds one applicant for a whole cycle (BankID allows one order
 * per person at a time). Latency is per cycle, from the POST's start to the collect's answer.
 */
async function submissionLoad(
  baseUrl: string,
  drafts: Map<Applicant, string[]>,
  device: TestAppDevice,
): Promise<LoadFigures & { cycles: number; requests: number; starved: boolean; teams: Map<string, number> }> {
  const busy = new Set<Applicant>();
  const cycleMs: number[] = [];
  const teams = new Map<string, number>();
  let failed = 0;
  let starved = false;
  let requests = 0;
  const take = (): { a: Applicant; draftId: string } | null => {
    let best: Applicant | null = null;
    for (const [a, list] of drafts)
      if (!busy.has(a) && list.length > 0 && (!best || list.length > drafts.get(best)!.length)) best = a;
    if (!best) return null;
    busy.add(best);
    return { a: best, draftId: drafts.get(best)!.shift()! };
  };
  const release = (ctx: Record<string, unknown>) => busy.delete(ctx.a as Applicant);
  const started = performance.now();
  const running: { instance?: ReturnType<typeof autocannon> } = {};
  const chain = {
    url: baseUrl,
    requests: [
      {
        method: 'POST',
        path: '/api/applications',
        setupRequest: (req: object, ctx: Record<string, unknown>) => {
          const next = take();
          if (!next) {
            // The prepared drafts ran out: stop here rather than measure something else (noted in the table).
            starved = true;
            running.instance?.stop();
            ctx.skip = true;
            return { ...req, method: 'GET', path: '/api/health', headers: {}, body: undefined };
          }
          Object.assign(ctx, next, { t0: performance.now() });
          return {
            ...req,
            headers: { ...json, cookie: next.a.cookie },
            body: JSON.stringify({ ...next.a.application, draftId: next.draftId }),
          };
        },
        onResponse: (status: number, body: string, ctx: Record<string, unknown>) => {
          if (ctx.skip) return;
          requests++;
          if (status === 202) ctx.orderRef = (JSON.parse(body) as { orderRef: string }).orderRef;
          else {
            failed++;
            release(ctx);
          }
        },
      },
      {
        method: 'POST',
        setupRequest: (req: object, ctx: Record<string, unknown>) =>
          ctx.orderRef
            ? {
                ...req,
                ...testAppApproval(device, ctx.orderRef as string, (ctx.a as Applicant).personnummer),
              }
            : null,
        onResponse: (status: number, _body: string, ctx: Record<string, unknown>) => {
          requests++;
          if (status >= 400) {
            failed++;
            ctx.orderRef = undefined;
            release(ctx);
          }
        },
      },
      {
        method: 'POST',
        path: '/api/applications/sign/collect',
        setupRequest: (req: object, ctx: Record<string, unknown>) =>
          ctx.orderRef
            ? {
                ...req,
                headers: { ...json, cookie: (ctx.a as Applicant).cookie },
                body: JSON.stringify({ orderRef: ctx.orderRef }),
              }
            : null,
        onResponse: (status: number, body: string, ctx: Record<string, unknown>) => {
          requests++;
          release(ctx);
          const answer = status === 200 ? (JSON.parse(body) as { status: string; case?: { teamId: string } }) : null;
          if (answer?.status === 'complete' && answer.case) {
            cycleMs.push(performance.now() - (ctx.t0 as number));
            teams.set(answer.case.teamId, (teams.get(answer.case.teamId) ?? 0) + 1);
          } else failed++;
        },
      },
    ],
  };
  running.instance = autocannon({ connections: CONNECTIONS, duration: DURATION_S, timeout: 10, ...chain });
  const r = await running.instance;
  const elapsedS = Math.min(r.duration, (performance.now() - started) / 1000);
  cycleMs.sort((x, y) => x - y);
  return {
    reqPerS: cycleMs.length / elapsedS,
    p50: quantile(cycleMs, 0.5),
    p99: quantile(cycleMs, 0.99),
    ok: cycleMs.length,
    failed: failed + r.errors,
    timeouts: r.timeouts,
    durationS: elapsedS,
    cycles: cycleMs.length,
    requests,
    starved,
    teams,
  };
}

const rnd = (n: number) => Math.round(n * 10) / 10;

export async function runApiBench(
  server: BenchServer,
  label: string,
): Promise<{ results: BenchResult[]; casesAfter: number; rss: Record<string, number> }> {
  const { baseUrl } = server;
  const registers = await loadFixtureRegisters(defaultFixturesDir());
  const people = await applicants(baseUrl, registers);
  const device = await testAppDevice(baseUrl);

  // One real submission each, sequentially: which applicants the test application suits (the rules decide), and
  // the time one submission takes with nothing else running, to size the pool of drafts.
  const valid: Applicant[] = [];
  const t0 = performance.now();
  let trial = 0;
  for (const a of people) {
    try {
      await submitOnce(baseUrl, a, await draftWithDrawings(baseUrl, a.cookie, a.property.id), device);
      valid.push(a);
    } catch {
      // e.g. the garage would need a plan deviation this property cannot have
    }
    trial++;
  }
  const perSubmissionMs = (performance.now() - t0) / trial;

  // Statements one submission cycle sends (POST, approve, collect; nothing else running): drafts made first.
  const counted = await pool(valid.slice(0, STATEMENT_SAMPLE), 4, async (a) => ({
    a,
    draftId: await draftWithDrawings(baseUrl, a.cookie, a.property.id),
  }));
  const statementsBefore = await metricValue(server, 'lovisa_db_statements_total');
  for (const { a, draftId } of counted) await submitOnce(baseUrl, a, draftId, device);
  const statementsPerCycle =
    ((await metricValue(server, 'lovisa_db_statements_total')) - statementsBefore) / counted.length;
  if (valid.length < CONNECTIONS)
    throw new Error(
      `only ${valid.length} applicants can submit the test application; the load test needs ${CONNECTIONS}`,
    );

  // Drafts with drawings for the submission load: enough for the whole run at a generous estimate of the rate.
  const poolSize = Math.min(8000, Math.max(1500, Math.ceil((1000 / perSubmissionMs) * 4 * DURATION_S)));
  const drafts = new Map<Applicant, string[]>(valid.map((a) => [a, []]));
  await pool(
    Array.from({ length: poolSize }, (_, i) => valid[i % valid.length]!),
    16,
    async (a) => void drafts.get(a)!.push(await draftWithDrawings(baseUrl, a.cookie, a.property.id)),
  );

  // Autosave: one open draft per connection, on the map step with one building, as the wizard sends it.
  const autosaves = await pool(valid.slice(0, CONNECTIONS), 8, async (a) => {
    const id = crypto.randomUUID();
    const data = {
      step: 'map',
      propertyId: a.property.id,
      measure: 'outbuilding',
      footprints: [{ id: 'b1', measure: 'outbuilding', geometry: footprintIn(a.property, 6, 5) }],
    };
    await putDraft(baseUrl, a.cookie, id, data);
    return { a, id, data: JSON.stringify(data) };
  });

  const rss: Record<string, number> = { prepared: server.rssMB() };
  const health = await cannon({ url: `${baseUrl}/api/health` });
  rss.health = server.rssMB();
  const healthFig = fromAutocannon(health, health['2xx']);

  const sub = await submissionLoad(baseUrl, drafts, device);
  rss.submission = server.rssMB();

  const [topTeam] = [...sub.teams.entries()].sort((x, y) => y[1] - x[1]);
  const officer = (await registers.staff.officers()).find(
    (o) => o.teamId === (topTeam?.[0] ?? 'bygglov') && o.role === 'officer',
  );
  if (!officer) throw new Error('no officer for the queue');
  const officerCookie = await apiLogin(baseUrl, officer.personnummer);
  const totalRes = await fetch(`${baseUrl}/api/officer/queue`, { headers: { cookie: officerCookie } });
  const teamCases = ((await totalRes.json()) as { total: number }).total;
  const queue = await cannon({ url: `${baseUrl}/api/officer/queue`, headers: { cookie: officerCookie } });
  const queueFig = fromAutocannon(queue, queue['2xx']);
  rss.queue = server.rssMB();

  // Each save carries a newer revision, as the wizard's do (the browser's clock in ms; here a counter past it).
  let turn = 0;
  const revisionBase = Date.now();
  const autosave = await cannon({
    url: baseUrl,
    requests: [
      {
        method: 'PUT',
        setupRequest: (req) => {
          const s = autosaves[turn % autosaves.length]!;
          const body = `{"data":${s.data},"revision":${revisionBase + turn++}}`;
          return { ...req, path: `/api/drafts/${s.id}`, headers: { ...json, cookie: s.a.cookie }, body };
        },
      },
    ],
  });
  const autosaveFig = fromAutocannon(autosave, autosave['2xx']);
  rss.autosave = server.rssMB();

  const base = healthFig.reqPerS;
  const pct = (f: LoadFigures) => (100 * f.reqPerS) / base;
  const line = (f: LoadFigures, unit = 'req/s') =>
    `${rnd(f.reqPerS)} ${unit} (${rnd(pct(f))} % of baseline), p50 ${rnd(f.p50)} ms, p99 ${rnd(f.p99)} ms; ${f.failed} failed${f.timeouts ? ` (${f.timeouts} of them timed out after 10 s)` : ''}`;
  const tag = `api [${label}]`;
  const results: BenchResult[] = [
    {
      name: `${tag} GET /api/health (baseline)`,
      value: base,
      unit: 'req/s',
      budget: Infinity,
      pass: healthFig.failed === 0,
      note: `p50 ${rnd(healthFig.p50)} ms, p99 ${rnd(healthFig.p99)} ms; pings the database; ${CONNECTIONS} connections, ${DURATION_S} s`,
      metrics: { ...healthFig },
    },
    {
      name: `${tag} submission cycles/s vs baseline`,
      value: pct(sub),
      unit: '%',
      budget: 10,
      atLeast: true,
      pass: pct(sub) >= 10 && sub.failed === 0,
      note: `${line(sub, 'cycles/s')}; a cycle = POST /api/applications + approve in the BankID test app + collect (${rnd(sub.requests / sub.durationS)} req/s), autocannon request chain, latency per cycle; ${sub.cycles} cases in ${rnd(sub.durationS)} s${sub.starved ? ' (STOPPED EARLY: the prepared drafts ran out)' : ''}; one quiet submission ≈ ${rnd(perSubmissionMs)} ms incl. draft + 4 uploads`,
      metrics: { ...sub, teams: Object.fromEntries(sub.teams) as never, perSubmissionMs },
    },
    {
      name: `${tag} submission cycle p99`,
      value: sub.p99,
      unit: 'ms',
      budget: 100,
      pass: sub.p99 <= 100,
      note: `p50 ${rnd(sub.p50)} ms`,
    },
    {
      name: `${tag} SQL statements per submission cycle`,
      value: statementsPerCycle,
      unit: 'statements',
      budget: STATEMENTS_BUDGET,
      pass: statementsPerCycle <= STATEMENTS_BUDGET,
      note: `mean over ${counted.length} quiet cycles (POST, approve, collect), BEGIN and COMMIT included, from lovisa_db_statements_total; the BankID simulator's own order book is among them`,
    },
    {
      name: `${tag} officer queue first page p99`,
      value: queueFig.p99,
      unit: 'ms',
      budget: 50,
      pass: queueFig.p99 <= 50 && queueFig.failed === 0,
      note: `${line(queueFig)}; GET /api/officer/queue, team ${topTeam?.[0]} with ${teamCases} cases`,
      metrics: { ...queueFig, teamCases },
    },
    {
      name: `${tag} autosave PUT /api/drafts/:id p99`,
      value: autosaveFig.p99,
      unit: 'ms',
      budget: 50,
      pass: autosaveFig.p99 <= 50 && autosaveFig.failed === 0,
      note: `${line(autosaveFig)}; ${autosaves.length} drafts (one per connection), map step with one building, a newer revision each save`,
      metrics: { ...autosaveFig },
    },
  ];
  return { results, casesAfter: valid.length + sub.cycles, rss };
}
