// The memory bench's server process: the application built exactly as apps/server/src/server.ts builds it
// (PGlite under DATA_DIR, fixtures registers, the built-in BankID simulator on 127.0.0.1), which then takes
// submissions: real signed ones through its own request handling (app.inject: draft, four drawings uploaded,
// POST /api/applications, approve in the BankID test app, collect) for as long as SUBMIT_SECONDS allows, and the
// rest up to TOTAL through the repository function the collect route ends in (createCase). Its own RSS is
// what is measured. Prints one JSON line per phase.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  SUBMISSION_CHANNEL,
  completenessInputFrom,
  evaluateApplication,
  routeCase,
  routingFacts,
  ruleSetFor,
  statutoryClock,
  stockholmDate,
  type ApplicationSubmission,
} from '@lovisa/domain';
import {
  loadBasemap,
  loadFeeSchedule,
  loadFixtureRegisters,
  loadRoutingRules,
  simIdentities,
  type Registers,
} from '@lovisa/registry';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { openDatabase } from '../apps/server/src/db/database';
import { signOrders } from '../apps/server/src/db/schema';
import { seedStaff } from '../apps/server/src/db/seed';
import { createCase } from '../apps/server/src/repositories/cases';
import { siteFor } from '../apps/server/src/rules/siteFor';
import { applicationFor } from '../apps/server/src/test/fixtureFacts';
import { login, submitSigned } from '../apps/server/src/test/harness';

const TOTAL = Number(process.env.TOTAL ?? 10_000);
const SUBMIT_SECONDS = Number(process.env.SUBMIT_SECONDS ?? 150);

/** PGlite's WASM linear memory (a private field; diagnostic only, absent if PGlite changes it). */
const wasmMB = () =>
  ((database.pglite as unknown as { mod?: { HEAPU8?: Uint8Array } } | undefined)?.mod?.HEAPU8?.byteLength ?? NaN) /
  1048576;
const mem = () => {
  const m = process.memoryUsage();
  return {
    wasmMB: wasmMB(),
    rssMB: m.rss / 1048576,
    heapMB: m.heapUsed / 1048576,
    heapTotalMB: m.heapTotal / 1048576,
    externalMB: m.external / 1048576,
    arrayBuffersMB: m.arrayBuffers / 1048576,
  };
};
/**
 * The figures as they are. At the end, when the bench runs this process with --expose-gc, again after a full
 * collection: what is live, as against garbage V8 has not collected yet (it collects lazily with GBs free).
 */
const report = (phase: string, extra: Record<string, unknown> = {}, collect = false) => {
  const now = mem();
  const gc = (globalThis as { gc?: () => void }).gc;
  let afterGc: ReturnType<typeof mem> | undefined;
  if (collect && gc) {
    gc();
    afterGc = mem();
  }
  process.stdout.write(`${JSON.stringify({ phase, ...now, ...extra, ...(afterGc ? { afterGc } : {}) })}\n`);
};

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' });
config.routingRules = await loadRoutingRules(config.fixturesDir);
config.feeSchedule = await loadFeeSchedule(config.fixturesDir);
const database = await openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') });
const registers: Registers = await loadFixtureRegisters(config.fixturesDir);
await seedStaff(database.db, registers);
const app = await buildApp({
  config,
  database,
  registers,
  basemap: await loadBasemap(config.fixturesDir),
  logger: false,
});
await app.listen({ port: 0, host: '127.0.0.1' });
report('started');

// Applicants whose property takes the test application.
const people: { personnummer: string; application: ApplicationSubmission }[] = [];
for (const p of await simIdentities(registers)) {
  if (await registers.staff.officerByPersonnummer(p.personalNumber)) continue;
  const [id] = await registers.ownership.propertyIdsOwnedBy(p.personalNumber);
  const property = id ? await registers.land.propertyById(id) : null;
  if (!property) continue;
  try {
    people.push({ personnummer: p.personalNumber, application: applicationFor(property) });
  } catch {
    // does not fit
  }
}

const cookies = new Map<string, string>();
let real = 0;
let refused = 0;
const t0 = performance.now();
const until = t0 + SUBMIT_SECONDS * 1000;
for (let i = 0; real < TOTAL && performance.now() < until; i++) {
  const person = people[i % people.length]!;
  try {
    if (!cookies.has(person.personnummer)) cookies.set(person.personnummer, await login({ app }, person.personnummer));
    await submitSigned({ app }, cookies.get(person.personnummer)!, { ...person.application });
    real++;
  } catch (err) {
    // a property whose application the rules refuse: not used again
    if (refused++ === 0) process.stderr.write(`first refusal: ${String(err)}\n`);
    people.splice(i % people.length, 1);
    i--;
    if (people.length === 0) throw new Error(`no applicant could submit: ${String(err)}`);
  }
}
const realSeconds = (performance.now() - t0) / 1000;
report('real', { real, refused, seconds: realSeconds, msPerSubmission: (realSeconds * 1000) / Math.max(1, real) });

// The rest: what the collect route does once BankID has answered `complete`, minus the BankID round trips:
// the rules' verdict on the day, routing, and createCase (its transaction claims a sign order, so one is stored first).
const teams = await registers.staff.teams();
const receivedAt = new Date();
const ruleSet = ruleSetFor(stockholmDate(receivedAt))!;
const verdicts = await Promise.all(
  people.map(async (p) => {
    const property = (await registers.land.propertyById(p.application.propertyId))!;
    const evaluation = evaluateApplication(
      completenessInputFrom(p.application),
      await siteFor(app, property),
      ruleSet,
      SUBMISSION_CHANNEL,
    );
    return { ...p, property, evaluation };
  }),
);
const t1 = performance.now();
let direct = 0;
while (real + direct < TOTAL) {
  const v = verdicts[direct % verdicts.length]!;
  const orderRef = randomUUID();
  const at = new Date();
  await database.db.insert(signOrders).values({
    orderRef,
    personnummer: v.personnummer,
    application: v.application,
    propertyDesignation: v.property.designation,
    qrStartToken: randomUUID(),
    qrStartSecret: randomUUID(),
    createdAt: at,
  });
  const assessment = v.evaluation.assessment!;
  const procedure = assessment.outcome === 'notification' ? 'notification' : 'permit';
  await createCase(database.db, {
    application: v.application,
    applicant: { personnummer: v.personnummer, name: 'Bench Sökande' },
    propertyDesignation: v.property.designation,
    routing: routeCase(routingFacts(v.application.measure, v.evaluation), config.routingRules, teams[0]!.id),
    assignment: config.assignNewCases,
    assessment: {
      ruleSetId: v.evaluation.ruleSetId,
      procedure,
      reasons: assessment.reasons.map((r) => r.code),
      conditions: assessment.conditions.map((c) => c.code),
      deviation: v.evaluation.compliance?.deviation ?? false,
      confirmWithMunicipality: assessment.confirmWithMunicipality,
      advice: v.evaluation.missing.map((m) => m.code),
      texts: {
        reasons: assessment.reasons.map((r) => r.text),
        conditions: assessment.conditions.map((c) => c.text),
        advice: v.evaluation.missing.map((m) => m.text),
      },
      decisionDeadline: statutoryClock({ procedure, received: at }, ruleSet, at).deadline!,
    },
    receivedAt: at,
    signed: { orderRef, signature: 'YmVuY2g=', ocspResponse: 'YmVuY2g=', bankIdIssueDate: '2026-01-01' },
  });
  direct++;
}
const directSeconds = (performance.now() - t1) / 1000;
// What an officer then does first: open the queue.
const officer = (await registers.staff.officers()).find((o) => o.role === 'officer')!;
const officerCookie = await login({ app }, officer.personnummer);
for (let i = 0; i < 20; i++)
  await app.inject({ method: 'GET', url: '/api/officer/queue', headers: { cookie: officerCookie } });
const { rows } = (await database.db.execute(sql`select count(*)::int as n from cases`)) as unknown as {
  rows: { n: number }[];
};
const n = rows[0]!.n;
report('done', { real, direct, directSeconds, cases: n }, true);
await app.close();
await database.close();
process.exit(0);
