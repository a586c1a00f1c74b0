import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import {
  formatDiaryNumber,
  stockholmDate,
  type ApplicationSubmission,
  type CaseDetail,
  type CaseEvent,
  type CaseSummary,
  type DecisionInput,
  type QueuePage,
  type QueueQuery,
} from '@lovisa/domain';
import type { Db } from '../db/database';
import { toAttachmentInfo } from './attachments';
import { attachments, caseEvents, cases, diaryCounters, drafts, signOrders } from '../db/schema';

type CaseRow = typeof cases.$inferSelect;

export function toSummary(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    diaryNumber: row.diaryNumber,
    propertyDesignation: row.propertyDesignation,
    measure: row.measure as CaseSummary['measure'],
    applicantName: row.applicantName,
    status: row.status as CaseSummary['status'],
    outcome: row.outcome as CaseSummary['outcome'],
    teamId: row.teamId,
    receivedAt: row.receivedAt.toISOString(),
    decisionDeadline: row.decisionDeadline,
  };
}

export interface NewCase {
  application: ApplicationSubmission;
  applicant: { personnummer: string; name: string };
  propertyDesignation: string;
  routing: { teamId: string; reason: string };
  /** The rules engine's verdict on the day it arrived, kept with the case (codes; texts come from the domain). */
  assessment: {
    ruleSetId: string;
    procedure: 'permit' | 'notification';
    reasons: string[];
    conditions: string[];
    deviation: boolean;
    confirmWithMunicipality: boolean;
    /** Non-blocking items: drawings the office will ask for, a neighbour hearing. */
    advice: string[];
    decisionDeadline: string;
  };
  receivedAt: Date;
  /** The BankID sign order this submission completes, and what BankID returned for it. */
  signed: { orderRef: string; signature: string; ocspResponse: string; bankIdIssueDate: string };
}

/** Thrown inside the transaction when another request already turned this sign order into a case. */
export class AlreadySubmitted extends Error {}

/**
 * Stores a received application as a case, in one transaction: diary number, case row, its first events,
 * and the draft it came from removed. The counter row's lock makes numbers sequential without gaps.
 */
export async function createCase(db: Db, input: NewCase): Promise<CaseSummary> {
  return db.transaction(async (tx) => {
    const id = randomUUID();
    // Claim the sign order first: of two concurrent collects, exactly one gets to create the case.
    const claimed = await tx
      .update(signOrders)
      .set({ caseId: id })
      .where(and(eq(signOrders.orderRef, input.signed.orderRef), isNull(signOrders.caseId)))
      .returning({ orderRef: signOrders.orderRef });
    if (claimed.length === 0) throw new AlreadySubmitted();
    const year = Number(stockholmDate(input.receivedAt).slice(0, 4));
    const [counter] = await tx
      .insert(diaryCounters)
      .values({ year, lastSequence: 1 })
      .onConflictDoUpdate({ target: diaryCounters.year, set: { lastSequence: sql`${diaryCounters.lastSequence} + 1` } })
      .returning();
    const { draftId: _draftId, ...application } = input.application;
    const [row] = await tx
      .insert(cases)
      .values({
        id,
        diaryNumber: formatDiaryNumber(year, counter!.lastSequence),
        applicantPersonnummer: input.applicant.personnummer,
        applicantName: input.applicant.name,
        propertyId: application.propertyId,
        propertyDesignation: input.propertyDesignation,
        measure: application.measure,
        application,
        status: 'received',
        teamId: input.routing.teamId,
        receivedAt: input.receivedAt,
        decisionDeadline: input.assessment.decisionDeadline,
        signature: { ...input.signed, signedAt: input.receivedAt.toISOString() },
      })
      .returning();
    await tx.insert(caseEvents).values([
      { caseId: id, type: 'received', at: input.receivedAt, actor: 'applicant', data: { signedWith: 'BankID' } },
      { caseId: id, type: 'assessed', at: input.receivedAt, actor: 'system', data: { ...input.assessment } },
      { caseId: id, type: 'routed', at: input.receivedAt, actor: 'system', data: { teamId: input.routing.teamId, reason: input.routing.reason } },
    ]);
    if (input.application.draftId) {
      // The draft's files become the case's, in the same transaction that turns the draft into the case.
      await tx
        .update(attachments)
        .set({ caseId: id, draftId: null })
        .where(and(eq(attachments.draftId, input.application.draftId), eq(attachments.ownerPersonnummer, input.applicant.personnummer), isNull(attachments.caseId)));
      await tx
        .delete(drafts)
        .where(and(eq(drafts.id, input.application.draftId), eq(drafts.ownerPersonnummer, input.applicant.personnummer)));
    }
    return toSummary(row!);
  });
}

export async function casesOfApplicant(db: Db, personnummer: string): Promise<CaseSummary[]> {
  const rows = await db.select().from(cases).where(eq(cases.applicantPersonnummer, personnummer)).orderBy(desc(cases.receivedAt));
  return rows.map(toSummary);
}

/** Escapes LIKE's wildcards so a search for "50%" means the characters, not a pattern. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A team's queue, the legal deadline first, filtered and searched, one page at a time. */
export async function queueOfTeam(db: Db, teamId: string, query: QueueQuery): Promise<QueuePage> {
  const conditions = [eq(cases.teamId, teamId)];
  if (query.status) conditions.push(eq(cases.status, query.status));
  if (query.measure) conditions.push(eq(cases.measure, query.measure));
  if (query.outcome) conditions.push(eq(cases.outcome, query.outcome));
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(or(ilike(cases.diaryNumber, pattern), ilike(cases.propertyDesignation, pattern), ilike(cases.applicantName, pattern))!);
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(cases)
      .where(where)
      .orderBy(asc(cases.decisionDeadline), asc(cases.receivedAt), asc(cases.diaryNumber))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(cases).where(where),
  ]);
  return { items: rows.map(toSummary), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

export async function caseRow(db: Db, id: string): Promise<CaseRow | null> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row ?? null;
}

export async function caseDetail(db: Db, row: CaseRow): Promise<CaseDetail> {
  const [events, files] = await Promise.all([
    db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id)).orderBy(asc(caseEvents.id)),
    db.select().from(attachments).where(eq(attachments.caseId, row.id)).orderBy(asc(attachments.createdAt)),
  ]);
  return {
    ...toSummary(row),
    application: row.application as CaseDetail['application'],
    propertyId: row.propertyId,
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    decisionReason: row.decisionReason,
    attachments: files.map(toAttachmentInfo),
    events: events.map(
      (e): CaseEvent => ({ type: e.type as CaseEvent['type'], at: e.at.toISOString(), actor: e.actor, data: e.data as Record<string, unknown> }),
    ),
  };
}

/** Records a decision once: returns null when the case was no longer open (someone decided first). */
export async function decideCase(
  db: Db,
  id: string,
  decision: DecisionInput,
  officer: { personnummer: string; name: string },
  at: Date,
): Promise<CaseRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(cases)
      .set({ status: 'decided', outcome: decision.outcome, decisionReason: decision.reason, decidedAt: at, decidedBy: officer.personnummer })
      .where(and(eq(cases.id, id), eq(cases.status, 'received')))
      .returning();
    if (!row) return null;
    await tx
      .insert(caseEvents)
      .values({ caseId: id, type: 'decided', at, actor: officer.name, data: { outcome: decision.outcome, reason: decision.reason } });
    return row;
  });
}
