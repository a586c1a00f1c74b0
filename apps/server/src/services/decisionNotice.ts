import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import {
  applicantNotice,
  decisionNotice,
  initialDeliveries,
  measureLabels,
  ruleSetOfCase,
  stockholmDate,
  type Announcement,
  type CaseChangeSet,
  type DecisionNotice,
  type MeasureType,
  type NoticeDelivery,
} from '@lovisa/domain';
import type { Db, Tx } from '../db/database';
import { cases, decisionAnnouncements, decisionDeliveries } from '../db/schema';
import { clockFactsOf, type CaseRow } from '../repositories/cases';
import { hearingOf } from '../repositories/hearings';
import { notFound } from '../errors';
import { sakagareOf } from './sakagare';

/**
 * The parties told of an announced decision besides the applicant: the known sakägare from the registers
 * (adjoining and nearby owners) and everyone the officer's hearing wrote to. A heard party who objected is
 * served the grant (9 kap. 41 a §: their view was not met), so legal force waits for them; the others get the
 * letter of 41 b §.
 */
export async function noticePartiesOf(app: FastifyInstance, row: CaseRow) {
  const [properties, hearing] = await Promise.all([
    sakagareOf(app.registers, row.propertyId, [row.applicantPersonnummer], app.config.sakagareDistanceM),
    hearingOf(app.db, row.id),
  ]);
  const heard = hearing?.parties ?? [];
  const objected = new Set(heard.filter((p) => p.answer?.kind === 'objection').map((p) => p.personnummer));
  const known = properties.flatMap((p) =>
    p.owners.map((o) => ({
      personnummer: o.personnummer,
      name: o.name,
      propertyDesignation: p.designation,
      forwarding: o.delivery === 'forwarding',
    })),
  );
  const beyond = heard
    .filter((h) => !known.some((k) => k.personnummer === h.personnummer && k.propertyDesignation === h.designation))
    .map((h) => ({
      personnummer: h.personnummer,
      name: h.name,
      propertyDesignation: h.designation,
      forwarding: h.delivery === 'forwarding',
    }));
  return [...known, ...beyond].map((p) => ({ ...p, served: objected.has(p.personnummer) }));
}

type Parties = Awaited<ReturnType<typeof noticePartiesOf>>;

/** What a change must store besides the case row: the announcement and the deliveries of a decision just made. */
export async function noticeWork(app: FastifyInstance, row: CaseRow, change: CaseChangeSet, at: Date) {
  if (change.announcement === undefined) return null;
  const announcement = change.announcement;
  const parties: Parties = announcement ? await noticePartiesOf(app, row) : [];
  const email = Boolean((row.application as { details?: { email?: string } }).details?.email?.trim());
  const deliveries = initialDeliveries(
    { applicant: { name: row.applicantName, email }, sakagare: parties, announced: announcement !== null },
    stockholmDate(at),
  );
  const personnummer = [row.applicantPersonnummer, ...parties.map((p) => p.personnummer)];
  return async (tx: Db | Tx) => {
    if (announcement)
      await tx
        .insert(decisionAnnouncements)
        .values({ id: randomUUID(), caseId: row.id, ...announcement, createdAt: at });
    await tx
      .insert(decisionDeliveries)
      .values(deliveries.map((d, i) => ({ id: randomUUID(), caseId: row.id, personnummer: personnummer[i]!, ...d })));
  };
}

/** The officer's record that a party received the decision on a day. */
export async function storeDelivery(tx: Db | Tx, caseId: string, deliveryId: string, deliveredOn: string) {
  await tx
    .update(decisionDeliveries)
    .set({ deliveredOn })
    .where(and(eq(decisionDeliveries.caseId, caseId), eq(decisionDeliveries.id, deliveryId)));
}

/** A delivery of this case, as the command needs it; another case's id answers as a missing one. */
export async function deliveryOf(db: Db, caseId: string, deliveryId: string) {
  const [d] = await db
    .select({ id: decisionDeliveries.id, sentOn: decisionDeliveries.sentOn })
    .from(decisionDeliveries)
    .where(and(eq(decisionDeliveries.caseId, caseId), eq(decisionDeliveries.id, deliveryId)));
  if (!d) throw notFound('resource');
  return d;
}

/** The notice facts of a case for one face; null before a decision (or on a case decided before they were kept). */
export async function noticeOf(db: Db, row: CaseRow, face: 'applicant' | 'officer'): Promise<DecisionNotice | null> {
  if (row.status !== 'decided') return null;
  const [[announced], rows] = await Promise.all([
    db.select().from(decisionAnnouncements).where(eq(decisionAnnouncements.caseId, row.id)),
    db
      .select()
      .from(decisionDeliveries)
      .where(eq(decisionDeliveries.caseId, row.id))
      .orderBy(asc(decisionDeliveries.seq)),
  ]);
  if (!announced && rows.length === 0) return null;
  const deliveries: NoticeDelivery[] = rows.map((d) => ({
    id: d.id,
    party: d.party as NoticeDelivery['party'],
    name: d.name,
    propertyDesignation: d.propertyDesignation,
    purpose: d.purpose as NoticeDelivery['purpose'],
    method: d.method as NoticeDelivery['method'],
    sentOn: d.sentOn,
    deliveredOn: d.deliveredOn,
  }));
  const announcement: Announcement | null = announced
    ? {
        channel: announced.channel as Announcement['channel'],
        publishedOn: announced.publishedOn,
        upUntil: announced.upUntil,
      }
    : null;
  const notice = decisionNotice(
    { procedure: row.procedure as 'permit' | 'notification', outcome: row.outcome, announcement, deliveries },
    ruleSetOfCase(clockFactsOf(row)),
  );
  return face === 'applicant' ? applicantNotice(notice) : notice;
}

/** The public anslagstavla: announcements still up today, newest first. Only what the notice shows. */
export async function currentAnnouncements(db: Db, today: string, page: number, pageSize: number) {
  const where = and(eq(decisionAnnouncements.channel, 'anslagstavla'), gte(decisionAnnouncements.upUntil, today));
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: decisionAnnouncements.id,
        publishedOn: decisionAnnouncements.publishedOn,
        upUntil: decisionAnnouncements.upUntil,
        diaryNumber: cases.diaryNumber,
        propertyDesignation: cases.propertyDesignation,
        measure: cases.measure,
        decidedAt: cases.decidedAt,
      })
      .from(decisionAnnouncements)
      .innerJoin(cases, eq(cases.id, decisionAnnouncements.caseId))
      .where(where)
      .orderBy(desc(decisionAnnouncements.publishedOn), desc(decisionAnnouncements.seq))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(decisionAnnouncements)
      .where(where),
  ]);
  return {
    total: count?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      diaryNumber: r.diaryNumber,
      propertyDesignation: r.propertyDesignation,
      measure: r.measure as MeasureType,
      measureLabel: measureLabels[r.measure as MeasureType],
      decidedOn: r.decidedAt ? stockholmDate(r.decidedAt) : r.publishedOn,
      publishedOn: r.publishedOn,
      upUntil: r.upUntil,
    })),
  };
}
