import type { FastifyInstance } from 'fastify';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Polygon } from '@lovisa/geo';
import { toWgs84 } from '@lovisa/geo/projection';
import {
  publicRegisterEntry,
  stockholmDate,
  type CaseStatus,
  type DecisionOutcome,
  type MeasureType,
  type Procedure,
  type PublicRegisterEntry,
  type PublicRegisterPolicy,
  type PublicRegisterQuery,
  type PublicStatus,
} from '@lovisa/domain';
import { personOwners, type Registers } from '@lovisa/registry';
import { cases, decisionAnnouncements } from '../db/schema';

/**
 * The public register's reads. The announcement rule is the domain's (`publication`); the SQL below selects the
 * same rows so that pages and totals are right, and every row still passes through `publicRegisterEntry`. The
 * applicant's personnummer and the property id are read only to ask the population register whether anyone
 * involved is protected now; neither leaves this file.
 */

/** Whether the applicant or a registered owner of the property has a protected identity. */
export async function hasProtectedParty(registers: Registers, applicant: string, propertyId: string) {
  const owners = personOwners(await registers.land.ownersOf(propertyId));
  const people = [applicant, ...owners.map((o) => o.personnummer).filter((p) => p !== applicant)];
  const found = await Promise.all(people.map((p) => registers.population.personByPersonnummer(p)));
  return found.some((p) => p?.protectedIdentity === true);
}

// `publicStatusOf` in SQL, for the status filter.
const publicStatus = sql<PublicStatus>`(case
  when ${cases.status} = 'withdrawn' then 'withdrawn'
  when ${cases.status} <> 'decided' then 'received'
  when ${cases.outcome} = 'approved' and ${cases.procedure} = 'notification' then 'startApproval'
  when ${cases.outcome} = 'approved' then 'granted'
  when ${cases.outcome} = 'startApproval' then 'startApproval'
  when ${cases.outcome} = 'refused' and ${cases.procedure} = 'notification' then 'startApprovalRefused'
  when ${cases.outcome} = 'refused' then 'refused'
  when ${cases.outcome} = 'dismissed' then 'dismissed'
  else 'received' end)`;
const receivedDay = sql`(${cases.receivedAt} at time zone 'Europe/Stockholm')::date`;
const decidedDay = sql`(${cases.decidedAt} at time zone 'Europe/Stockholm')::date`;

/** `publication` in SQL: never a protected party; announced by today, or any entry where the diary is published. */
function listed(policy: PublicRegisterPolicy, today: string): SQL {
  const announced = sql`${decisionAnnouncements.publishedOn} <= ${today}::date`;
  return and(eq(cases.protectedParty, false), policy.publishDiary ? undefined : announced)!;
}

function filters(q: Partial<PublicRegisterQuery>): SQL[] {
  const where: SQL[] = [];
  if (q.status) where.push(sql`${publicStatus} = ${q.status}`);
  if (q.measure) where.push(eq(cases.measure, q.measure));
  if (q.procedure) where.push(eq(cases.procedure, q.procedure));
  if (q.receivedFrom) where.push(sql`${receivedDay} >= ${q.receivedFrom}::date`);
  if (q.receivedTo) where.push(sql`${receivedDay} <= ${q.receivedTo}::date`);
  // A case without a decision has no decision day: a decision-date filter leaves it out.
  if (q.decidedFrom) where.push(sql`${cases.status} = 'decided' and ${decidedDay} >= ${q.decidedFrom}::date`);
  if (q.decidedTo) where.push(sql`${cases.status} = 'decided' and ${decidedDay} <= ${q.decidedTo}::date`);
  return where;
}

const columns = {
  id: cases.id,
  diaryNumber: cases.diaryNumber,
  propertyDesignation: cases.propertyDesignation,
  measure: cases.measure,
  procedure: cases.procedure,
  status: cases.status,
  outcome: cases.outcome,
  receivedAt: cases.receivedAt,
  decidedAt: cases.decidedAt,
  startApprovedAt: cases.startApprovedAt,
  // Only the drawing: the application's free text may name anyone.
  footprints: sql<{ geometry: Polygon }[] | null>`${cases.application}->'footprints'`,
  announcedOn: decisionAnnouncements.publishedOn,
  // For the protection check only; never part of an answer.
  applicantPersonnummer: cases.applicantPersonnummer,
  propertyId: cases.propertyId,
};
type Row = { [K in keyof typeof columns]: unknown } & {
  id: string;
  applicantPersonnummer: string;
  propertyId: string;
};

/** One request's answers of the registers: many cases share an applicant and a property (a feed of 1000 rows). */
type ProtectionCache = Map<string, Promise<boolean>>;

/** A row as the domain rule reads it, with the population register's answer of today. */
async function entryOf(
  app: FastifyInstance,
  r: Row,
  policy: PublicRegisterPolicy,
  today: string,
  cache: ProtectionCache = new Map(),
): Promise<PublicRegisterEntry | null> {
  const key = `${r.applicantPersonnummer}|${r.propertyId}`;
  let asked = cache.get(key);
  if (!asked) cache.set(key, (asked = hasProtectedParty(app.registers, r.applicantPersonnummer, r.propertyId)));
  const protectedParty = await asked;
  if (protectedParty) {
    // Protected since the case arrived: remembered, so the next page and the totals leave it out in SQL too.
    await app.db.update(cases).set({ protectedParty: true }).where(eq(cases.id, r.id));
  }
  return publicRegisterEntry(
    {
      id: r.id,
      diaryNumber: r.diaryNumber as string,
      propertyDesignation: r.propertyDesignation as string,
      measure: r.measure as MeasureType,
      procedure: r.procedure as Procedure,
      status: r.status as CaseStatus,
      outcome: r.outcome as DecisionOutcome | null,
      receivedOn: stockholmDate(r.receivedAt as Date),
      decidedOn: r.decidedAt ? stockholmDate(r.decidedAt as Date) : null,
      announcedOn: (r.announcedOn as string | null) ?? null,
      startApprovedOn: r.startApprovedAt ? stockholmDate(r.startApprovedAt as Date) : null,
      footprints: ((r.footprints as { geometry: Polygon }[] | null) ?? []).map((f) => f.geometry),
      protectedParty,
    },
    policy,
    today,
    toWgs84,
  );
}

const base = (app: FastifyInstance, select: typeof columns | { n: SQL<number> }) =>
  app.db.select(select).from(cases).leftJoin(decisionAnnouncements, eq(decisionAnnouncements.caseId, cases.id));

/** A page of the register: newest received first, the diary number breaking ties (a stable order). */
export async function registerPage(
  app: FastifyInstance,
  q: PublicRegisterQuery,
  policy: PublicRegisterPolicy,
  today: string,
) {
  const where = and(listed(policy, today), ...filters(q));
  // A party found protected just now is remembered by `entryOf`, which shifts every later page by one: the page
  // is read again, so that pages and total agree with the next request's. Each round remembers at least one
  // more protected case, so this ends; the bound is for a population register that flaps.
  for (let round = 0; ; round++) {
    const [rows, [count]] = await Promise.all([
      base(app, columns)
        .where(where)
        .orderBy(desc(cases.receivedAt), desc(cases.diaryNumber))
        .limit(q.limit)
        .offset((q.page - 1) * q.limit) as Promise<Row[]>,
      base(app, { n: sql<number>`count(*)::int` }).where(where) as Promise<{ n: number }[]>,
    ]);
    const cache: ProtectionCache = new Map();
    const entries = await Promise.all(rows.map((r) => entryOf(app, r, policy, today, cache)));
    const items = entries.filter((e): e is PublicRegisterEntry => e !== null);
    const total = count?.n ?? 0;
    if (items.length === rows.length || round === 3) {
      return { page: q.page, limit: q.limit, total: total - (rows.length - items.length), items };
    }
  }
}

/** One entry; null for an id the register does not list (unknown, protected, or not published). */
export async function registerEntry(app: FastifyInstance, id: string, policy: PublicRegisterPolicy, today: string) {
  const rows = (await base(app, columns)
    .where(and(listed(policy, today), inArray(cases.id, [id])))
    .limit(1)) as Row[];
  return rows[0] ? entryOf(app, rows[0], policy, today) : null;
}
