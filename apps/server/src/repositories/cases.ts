import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import {
  ClockFactsSchema,
  CompletionRequestSchema,
  ProposalSchema,
  applicantMessages,
  caseClock,
  clockFactsAtReceipt,
  formatDiaryNumber,
  internalEventTypes,
  neighbourConsentMissing,
  neighbourConsentPresent,
  initialQueuePhase,
  openStatuses,
  queueFlagsOf,
  stockholmDate,
  swedishText,
  type ApplicationSubmission,
  type AttachmentType,
  type CaseAssessment,
  type CaseDetail,
  type CaseDocumentKind,
  type CaseEvent,
  type CaseEventType,
  type CaseStatus,
  type CaseSummary,
  type ClockFacts,
  type Hearing,
  type MessageText,
  type MyCaseSummary,
  type OfficerCaseView,
  type QueueItem,
  type QueuePage,
  type QueueFlag,
  type QueuePhase,
  type QueueQuery,
  type QueueSort,
  type SortDirection,
} from '@lovisa/domain';
import { isUniqueViolation, type Db, type Tx } from '../db/database';
import { appError, notFound, type AppError } from '../errors';
import { draftFilesOf, toAttachmentInfo } from './attachments';
import { sendToApplicant, toMessage } from './messages';
import { noticeOf } from '../services/decisionNotice';
import { storeHearing } from './hearings';
import { lockLedgerOf } from './permitFreeAnswers';
import { casesSignedBy, followedBy } from './parties';
import {
  attachments,
  caseAfterPermit,
  caseDocuments,
  caseEvents,
  caseHearings,
  caseParties,
  cases,
  closedLast,
  diaryCounters,
  drafts,
  messages,
  officers,
  queueCounts,
  signOrders,
  statusRank,
} from '../db/schema';

export type CaseRow = typeof cases.$inferSelect;

/** The columns a case's summary, its clock and a queue item are made of: no application, signature or letters. */
const listColumns = {
  id: cases.id,
  diaryNumber: cases.diaryNumber,
  propertyDesignation: cases.propertyDesignation,
  measure: cases.measure,
  applicantName: cases.applicantName,
  status: cases.status,
  outcome: cases.outcome,
  teamId: cases.teamId,
  receivedAt: cases.receivedAt,
  decisionDeadline: cases.decisionDeadline,
  decidedAt: cases.decidedAt,
  procedure: cases.procedure,
  clock: cases.clock,
  version: cases.version,
  deviation: cases.deviation,
  neighbourConsentMissing: cases.neighbourConsentMissing,
  neighbourConsentPresent: cases.neighbourConsentPresent,
  completionUnread: cases.completionUnread,
  assignedTo: cases.assignedTo,
  assignedName: cases.assignedName,
};
type ListRow = Pick<CaseRow, keyof typeof listColumns> & { hearingUntil: string | null };
/** The reply-by day of a running neighbour hearing, joined onto a list of cases. */
const withHearing = { ...listColumns, hearingUntil: caseHearings.replyBy };
const runningHearing = and(eq(caseHearings.caseId, cases.id), isNull(caseHearings.closedOn));

export function toSummary(
  row: Pick<
    CaseRow,
    | 'id'
    | 'diaryNumber'
    | 'propertyDesignation'
    | 'measure'
    | 'applicantName'
    | 'status'
    | 'outcome'
    | 'teamId'
    | 'receivedAt'
    | 'decisionDeadline'
  >,
): CaseSummary {
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

/** The facts the clock runs on; a case from before they were kept runs from its receipt day alone. */
export function clockFactsOf(row: Pick<CaseRow, 'clock' | 'procedure' | 'receivedAt' | 'decidedAt'>): ClockFacts {
  const parsed = ClockFactsSchema.safeParse(row.clock);
  if (parsed.success) return parsed.data;
  return {
    ...clockFactsAtReceipt(row.procedure as ClockFacts['procedure'], stockholmDate(row.receivedAt)),
    decidedOn: row.decidedAt ? stockholmDate(row.decidedAt) : null,
  };
}

export const completionRequestOf = (row: CaseRow) => {
  const parsed = CompletionRequestSchema.safeParse(row.completionRequest);
  return parsed.success ? parsed.data : null;
};
export const proposalOf = (row: CaseRow) => {
  const parsed = ProposalSchema.safeParse(row.proposal);
  return parsed.success ? parsed.data : null;
};
const conditionsOf = (row: CaseRow): string[] =>
  Array.isArray(row.decisionConditions) ? (row.decisionConditions as string[]) : [];

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
    texts?: CaseAssessment['texts'];
  };
  receivedAt: Date;
  /** The BankID sign order this submission completes, and what BankID returned for it. */
  signed: { orderRef: string; signature: string; ocspResponse: string; bankIdIssueDate: string };
  /** Who gets the new case (the server's ASSIGN_NEW_CASES); unassigned when not given. */
  assignment?: AssignmentPolicy;
  /** A party has a protected identity: kept out of the public register. */
  protectedParty?: boolean;
  /** The organisation a signatory applied for (ApplicantOrganisationSchema): then the applicant. */
  organisation?: unknown;
  /** Who signs the submission (issue #20): the applicant, signed, and each co-owner still to sign. */
  parties?: Omit<typeof caseParties.$inferInsert, 'caseId'>[];
  /** Whose draft it was, when not the applicant's: an agent's (ADR 0023). */
  draftOwner?: string;
}

export type AssignmentPolicy = 'unassigned' | 'leastLoaded';

/** Thrown inside the transaction when another request already turned this sign order into a case. */
export class AlreadySubmitted extends Error {}

/** Thrown when the draft was already submitted through another sign order (two tabs, a double click). */
export class DraftAlreadySubmitted extends Error {
  constructor(readonly caseId: string) {
    super('draft already submitted');
  }
}

/** The case a draft became, if it did: the applicant's, or one an agent sent for the owner (ADR 0023). */
export async function caseOfDraft(db: Db, draftId: string, personnummer: string): Promise<CaseRow | null> {
  const [row] = await db
    .select()
    .from(cases)
    .where(
      and(
        eq(cases.draftId, draftId),
        or(eq(cases.applicantPersonnummer, personnummer), inArray(cases.id, casesSignedBy(db, personnummer))),
      ),
    );
  return row ?? null;
}

/** The team's officer (not a team lead) with the fewest open cases; ties go by name. Null for a team without one. */
async function leastLoadedOfficer(tx: Tx, teamId: string): Promise<{ personnummer: string; name: string } | null> {
  const staff = await tx
    .select()
    .from(officers)
    .where(and(eq(officers.teamId, teamId), eq(officers.role, 'officer')))
    .orderBy(asc(officers.name));
  if (staff.length === 0) return null;
  const loads = await tx
    .select({ who: cases.assignedTo, n: count() })
    .from(cases)
    .where(and(eq(cases.teamId, teamId), inArray(cases.status, [...openStatuses])))
    .groupBy(cases.assignedTo);
  const load = new Map(loads.map((l) => [l.who, l.n]));
  const chosen = [...staff].sort((a, b) => (load.get(a.personnummer) ?? 0) - (load.get(b.personnummer) ?? 0))[0]!;
  return { personnummer: chosen.personnummer, name: chosen.name };
}

/**
 * Stores a received application as a case, in one transaction: diary number, case row, its first events, the
 * receipt to the applicant, and the draft it came from removed. The counter row's lock makes numbers
 * sequential without gaps.
 */
export async function createCase(db: Db, input: NewCase): Promise<CaseSummary> {
  try {
    return await storeCase(db, input);
  } catch (err) {
    // The unique draft index refused a second case from one draft: answer with the first one.
    const draftId = input.application.draftId;
    const existing =
      draftId && isUniqueViolation(err)
        ? await caseOfDraft(db, draftId, input.draftOwner ?? input.applicant.personnummer)
        : null;
    if (existing) throw new DraftAlreadySubmitted(existing.id);
    throw err;
  }
}

async function storeCase(db: Db, input: NewCase): Promise<CaseSummary> {
  const policy = input.assignment ?? 'unassigned';
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
    const files = input.application.draftId
      ? await tx
          .select({ type: attachments.type })
          .from(attachments)
          .where(draftFilesOf(input.application.draftId, input.draftOwner ?? input.applicant.personnummer))
      : [];
    const assignee = policy === 'leastLoaded' ? await leastLoadedOfficer(tx, input.routing.teamId) : null;
    const [row] = await tx
      .insert(cases)
      .values({
        id,
        diaryNumber: formatDiaryNumber(year, counter!.lastSequence),
        applicantPersonnummer: input.applicant.personnummer,
        draftId: input.application.draftId ?? null,
        protectedParty: input.protectedParty ?? false,
        applicantName: input.applicant.name,
        applicantOrganisation: input.organisation ?? null,
        propertyId: application.propertyId,
        propertyDesignation: input.propertyDesignation,
        measure: application.measure,
        application,
        status: 'received',
        teamId: input.routing.teamId,
        receivedAt: input.receivedAt,
        decisionDeadline: input.assessment.decisionDeadline,
        signature: { ...input.signed, signedAt: input.receivedAt.toISOString() },
        version: 0,
        updatedAt: input.receivedAt,
        updatedByName: input.applicant.name,
        procedure: input.assessment.procedure,
        deviation: input.assessment.deviation,
        neighbourConsentMissing: neighbourConsentMissing(
          input.assessment,
          files.map((f) => f.type),
        ),
        neighbourConsentPresent: neighbourConsentPresent(files.map((f) => f.type)),
        clock: clockFactsAtReceipt(input.assessment.procedure, stockholmDate(input.receivedAt)),
        assignedTo: assignee?.personnummer ?? null,
        assignedName: assignee?.name ?? null,
      })
      // The summary's columns: the application and signature just written need not come back.
      .returning(listColumns);
    await tx.insert(caseEvents).values([
      { caseId: id, type: 'received', at: input.receivedAt, actor: 'applicant', data: { signedWith: 'BankID' } },
      { caseId: id, type: 'assessed', at: input.receivedAt, actor: 'system', data: { ...input.assessment } },
      {
        caseId: id,
        type: 'routed',
        at: input.receivedAt,
        actor: 'system',
        data: { teamId: input.routing.teamId, reason: input.routing.reason },
      },
      ...(assignee
        ? [
            {
              caseId: id,
              type: 'assigned',
              at: input.receivedAt,
              actor: 'system',
              data: { to: assignee.personnummer, name: assignee.name, policy },
            },
          ]
        : []),
    ]);
    if (input.parties?.length) await tx.insert(caseParties).values(input.parties.map((p) => ({ ...p, caseId: id })));
    // The written confirmation the law asks for: time limit, fee reduction, appeal.
    await sendToApplicant(
      tx,
      { id, application },
      applicantMessages.receipt({
        diaryNumber: row!.diaryNumber,
        propertyDesignation: row!.propertyDesignation,
        procedure: input.assessment.procedure,
        deadline: input.assessment.decisionDeadline,
      }),
      input.receivedAt,
    );
    if (input.application.draftId) {
      // The draft's files become the case's, in the same transaction that turns the draft into the case.
      await tx
        .update(attachments)
        .set({ caseId: id, draftId: null })
        .where(draftFilesOf(input.application.draftId, input.draftOwner ?? input.applicant.personnummer));
      await tx
        .delete(drafts)
        .where(
          and(
            eq(drafts.id, input.application.draftId),
            eq(drafts.ownerPersonnummer, input.draftOwner ?? input.applicant.personnummer),
          ),
        );
    }
    return toSummary(row!);
  });
}

export async function casesOfApplicant(
  db: Db,
  personnummer: string,
  today: Date,
  agentOf: string[] = [],
): Promise<MyCaseSummary[]> {
  const rows = await db
    .select(withHearing)
    .from(cases)
    .leftJoin(caseHearings, runningHearing)
    // A co-owner's case is theirs too (issue #20): they follow it and receive the decision. An agent's, only the
    // cases their power of attorney still holds for (`agentOf`, ADR 0023).
    .where(followedBy(db, personnummer, agentOf))
    .orderBy(desc(cases.receivedAt));
  return rows.map((row) => {
    const clock = caseClock(clockFactsOf(row), today);
    return {
      ...toSummary(row),
      procedure: row.procedure as MyCaseSummary['procedure'],
      version: row.version,
      expectedDecisionDate: clock.deadline,
      awaitingMyAnswer: row.status === 'awaitingCompletion',
      hearingUntil: openStatuses.includes(row.status as CaseStatus) ? row.hearingUntil : null,
    };
  });
}

/** Escapes LIKE's wildcards so a search for "50%" means the characters, not a pattern. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Whether a queue request's total is the team's whole queue or one status of it, which `queue_counts` holds. */
const countedByTriggers = (query: QueueQuery) =>
  query.scope === 'team' &&
  !query.measure &&
  !query.outcome &&
  !query.phase &&
  queueFlagsOf(query).length === 0 &&
  !query.q;

/**
 * How many cases a queue page is one of. The team's whole queue, or one status of it (what an officer opens
 * most), is read from `queue_counts`, which triggers keep; any other filter is counted.
 */
function queueTotal(db: Db, teamId: string, query: QueueQuery, where: SQL | undefined) {
  if (!countedByTriggers(query)) return db.select({ n: count() }).from(cases).where(where);
  return db
    .select({ n: sql<number>`coalesce(sum(${queueCounts.n}), 0)::int` })
    .from(queueCounts)
    .where(and(eq(queueCounts.teamId, teamId), query.status ? eq(queueCounts.status, query.status) : undefined));
}

/** The trigger-kept total as a scalar subquery: it rides along with the page's own statement. */
const triggerCount = (teamId: string, query: QueueQuery) =>
  sql<number>`(select coalesce(sum(${queueCounts.n}), 0)::int from ${queueCounts} where ${and(
    eq(queueCounts.teamId, teamId),
    query.status ? eq(queueCounts.status, query.status) : undefined,
  )})`.mapWith(Number);

const openOnly = inArray(cases.status, [...openStatuses]);
/**
 * The same as openOnly, spelled as the queue indexes' second column: a flag's partial index then finds the open
 * cases by its key, instead of the planner ANDing it with another index on status.
 */
const openByIndex = sql`${closedLast(cases.status)} = 0`;

/** Each flag as a condition on the case row; the boolean ones match a partial index (db/schema.ts). */
const flagCondition: Record<QueueFlag, SQL> = {
  deviation: eq(cases.deviation, true),
  consentMissing: and(eq(cases.neighbourConsentMissing, true), openByIndex)!,
  consentPresent: eq(cases.neighbourConsentPresent, true),
  completionUnread: and(eq(cases.completionUnread, true), openByIndex)!,
  hearing: and(
    openByIndex,
    sql`exists (select 1 from ${caseHearings} where ${caseHearings.caseId} = ${cases.id} and ${caseHearings.closedOn} is null)`,
  )!,
};

/**
 * A phase tab as a condition: `decide` is every open case; a later phase is a granted case whose after-permit
 * record is at it (the record keeps the domain's queuePhaseOf), or — no step taken yet — where its procedure starts.
 */
function phaseCondition(phase: QueuePhase): SQL {
  if (phase === 'decide') return openOnly;
  const granted = or(
    and(eq(cases.procedure, 'permit'), eq(cases.outcome, 'approved')),
    and(eq(cases.procedure, 'notification'), eq(cases.outcome, 'startApproval')),
  )!;
  const stored = sql`(select ${caseAfterPermit.phase} from ${caseAfterPermit} where ${caseAfterPermit.caseId} = ${cases.id})`;
  const initial = sql`case when ${cases.procedure} = 'notification' then ${initialQueuePhase('notification')}::text else ${initialQueuePhase('permit')}::text end`;
  return and(eq(cases.status, 'decided'), granted, sql`coalesce(${stored}, ${initial}) = ${phase}`)!;
}

/**
 * The ORDER BY of each sort, written to match an index of db/schema.ts column for column (a descending days
 * left keeps open cases first, so it has its own index; the others walk theirs backwards). The diary number
 * ends each one, so a page boundary never splits ties differently between two requests.
 */
function queueOrder(sort: QueueSort, dir: SortDirection): SQL[] {
  const by = (column: AnyColumn | SQL) => (dir === 'asc' ? sql`${column} asc` : sql`${column} desc nulls first`);
  switch (sort) {
    case 'daysLeft':
      return [
        closedLast(cases.status),
        ...[cases.decisionDeadline, cases.receivedAt, cases.diaryNumber].map((c) =>
          dir === 'asc' ? sql`${c} asc` : sql`${c} desc nulls last`,
        ),
      ];
    case 'received':
      return [by(cases.receivedAt), by(cases.diaryNumber)];
    case 'designation':
      return [by(cases.propertyDesignation), by(cases.diaryNumber)];
    case 'status':
      return [by(statusRank(cases.status)), by(cases.decisionDeadline), by(cases.diaryNumber)];
  }
}

/** The WHERE of a queue request: the team, the tab, the filters, the flags and the search. */
export function queueWhere(teamId: string, query: QueueQuery, viewer: string): SQL | undefined {
  const conditions = [eq(cases.teamId, teamId)];
  if (query.scope === 'mine') conditions.push(eq(cases.assignedTo, viewer));
  if (query.scope === 'unassigned') conditions.push(isNull(cases.assignedTo), openOnly);
  if (query.status) conditions.push(eq(cases.status, query.status));
  if (query.measure) conditions.push(eq(cases.measure, query.measure));
  if (query.outcome) conditions.push(eq(cases.outcome, query.outcome));
  if (query.phase) conditions.push(phaseCondition(query.phase));
  for (const flag of queueFlagsOf(query)) conditions.push(flagCondition[flag]);
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(
      or(
        ilike(cases.diaryNumber, pattern),
        ilike(cases.propertyDesignation, pattern),
        ilike(cases.applicantName, pattern),
      )!,
    );
  }
  return and(...conditions);
}

/** One page of a queue's rows (exported for the tests that EXPLAIN it). */
export function queuePageRows(db: Db, where: SQL | undefined, query: QueueQuery, extra: { total?: SQL<number> } = {}) {
  // Only what an item shows: each row's application and signature JSON would otherwise be sent, decoded and
  // thrown away (most of a queue request's time under load).
  return db
    .select({ ...withHearing, ...extra })
    .from(cases)
    .leftJoin(caseHearings, runningHearing)
    .where(where)
    .orderBy(...queueOrder(query.sort, query.dir))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
}

/**
 * A team's queue (or the officer's own cases, or those nobody has taken): filtered, flagged, searched and
 * sorted, one page at a time. Each item carries its clock from the domain, so days left are the law's.
 */
export async function queueOfTeam(
  db: Db,
  teamId: string,
  query: QueueQuery,
  viewer: string,
  today: Date,
): Promise<QueuePage> {
  const where = queueWhere(teamId, query, viewer);
  // The first page of a team's queue is what an officer opens most: its total comes in the page's own statement
  // (one round trip to the database, not two); an empty page, or a counted filter, asks for it separately.
  let rows: (ListRow & { total?: number })[];
  let total: number | undefined;
  if (countedByTriggers(query)) {
    rows = await queuePageRows(db, where, query, { total: triggerCount(teamId, query) });
    total = rows[0]?.total;
  } else {
    let counted: { n: number }[];
    [rows, counted] = await Promise.all([queuePageRows(db, where, query), queueTotal(db, teamId, query, where)]);
    total = counted[0]?.n;
  }
  total ??= (await queueTotal(db, teamId, query, where))[0]?.n ?? 0;
  const items = rows.map((row: ListRow): QueueItem => {
    const clock = caseClock(clockFactsOf(row), today);
    const open = openStatuses.includes(row.status as CaseStatus);
    return {
      ...toSummary(row),
      version: row.version,
      procedure: row.procedure as QueueItem['procedure'],
      deviation: row.deviation,
      neighbourConsentMissing: row.neighbourConsentMissing,
      neighbourConsentPresent: row.neighbourConsentPresent,
      completionUnread: open && row.completionUnread,
      assignedTo: row.assignedTo ? { personnummer: row.assignedTo, name: row.assignedName ?? '' } : null,
      hearingUntil: open ? row.hearingUntil : null,
      clock: {
        deadline: clock.deadline,
        daysLeft: clock.daysLeft,
        feeReduction: clock.feeReduction,
        waitingForCompletion: clock.waitingForCompletion,
        extended: clock.extended,
      },
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The officer opened the case: an arrived completion is no longer news (a read mark, not a change of the case). */
export async function markCompletionRead(db: Db, id: string): Promise<void> {
  await db
    .update(cases)
    .set({ completionUnread: false })
    .where(and(eq(cases.id, id), eq(cases.completionUnread, true)));
}

export async function caseRow(db: Db, id: string): Promise<CaseRow | null> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row ?? null;
}

export async function caseEventsOf(db: Db | Tx, id: string): Promise<CaseEvent[]> {
  const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(asc(caseEvents.id));
  return events.map((e): CaseEvent => ({
    type: e.type as CaseEvent['type'],
    at: e.at.toISOString(),
    actor: e.actor,
    data: e.data as Record<string, unknown>,
  }));
}

/**
 * A case as one face sees it. The applicant's face leaves out the officers' internal events (assignment,
 * proposals) and carries no `officer` part; the officer's face adds it (built by the route, which knows the
 * viewer and the registers).
 */
export async function caseDetail(
  db: Db,
  row: CaseRow,
  opts: { today: Date; face?: 'applicant' | 'officer'; officer?: OfficerCaseView; events?: CaseEvent[] } = {
    today: new Date(),
  },
): Promise<CaseDetail> {
  const face = opts.face ?? 'applicant';
  const [events, files, sent, documents, notice] = await Promise.all([
    opts.events ?? caseEventsOf(db, row.id),
    db.select().from(attachments).where(eq(attachments.caseId, row.id)).orderBy(asc(attachments.createdAt)),
    db.select().from(messages).where(eq(messages.caseId, row.id)).orderBy(asc(messages.seq)),
    db.select().from(caseDocuments).where(eq(caseDocuments.caseId, row.id)).orderBy(asc(caseDocuments.createdAt)),
    noticeOf(db, row, face),
  ]);
  const shown = face === 'applicant' ? events.filter((e) => !internalEventTypes.includes(e.type)) : events;
  return {
    ...toSummary(row),
    application: row.application as CaseDetail['application'],
    propertyId: row.propertyId,
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    decisionReason: row.decisionReason,
    attachments: files.map(toAttachmentInfo),
    events: shown,
    version: row.version,
    procedure: row.procedure as CaseDetail['procedure'],
    deviation: row.deviation,
    clock: caseClock(clockFactsOf(row), opts.today),
    completionRequest: completionRequestOf(row),
    decisionConditions: conditionsOf(row),
    decidedByName: row.decidedByName,
    startApprovedAt: row.startApprovedAt ? row.startApprovedAt.toISOString() : null,
    documents: documents.map((d) => ({
      kind: d.kind as CaseDocumentKind,
      fileName: d.fileName,
      createdAt: d.createdAt.toISOString(),
    })),
    messages: sent.map((m) => toMessage(m, row.diaryNumber)),
    notice,
    ...(face === 'officer' && opts.officer ? { officer: opts.officer } : {}),
  };
}

const timeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

/** The 409 of a stale write: who changed the case last, and when, so the reader knows what to reload for. */
export function staleConflict(current: Pick<CaseRow, 'updatedByName' | 'updatedAt'> | null): AppError {
  if (!current) return notFound('case');
  const params = {
    who: { sv: current.updatedByName ?? 'någon annan', en: current.updatedByName ?? 'someone else' },
    when: current.updatedAt ? ` (${timeFormat.format(current.updatedAt)})` : '',
  };
  const issue = {
    path: 'version',
    message: swedishText('case.issue.STALE_VERSION_BY', params),
    messageId: 'case.issue.STALE_VERSION_BY',
    params,
  };
  return appError('conflict', 'case.problem.STALE_VERSION_BY', params, [issue]);
}

export interface CaseChange {
  id: string;
  /** The version the change was made on: the update only happens if the case is still at it. */
  version: number;
  actor: { name: string; event?: string };
  at: Date;
  set: Partial<typeof cases.$inferInsert>;
  events: { type: CaseEventType; data: Record<string, unknown> }[];
  /** Messages to the applicant (and the outbox, when they gave an e-mail address). */
  messages?: MessageText[];
  documents?: { kind: CaseDocumentKind; fileName: string; size: number; sha256: string }[];
  /** The neighbour hearing as the command left it (stored in case_hearings with the case's version). */
  hearing?: Hearing;
}

/**
 * Every change to a case goes through here: `UPDATE … WHERE id = $1 AND version = $n` adding one to the
 * version, then its events, messages and documents, in one transaction. A stale version changes nothing and
 * answers 409 naming who changed the case last.
 */
export async function changeCase(db: Db | Tx, change: CaseChange): Promise<CaseRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(cases)
      .set({
        ...change.set,
        version: sql`${cases.version} + 1`,
        updatedAt: change.at,
        updatedByName: change.actor.name,
      })
      .where(and(eq(cases.id, change.id), eq(cases.version, change.version)))
      .returning();
    if (!row) {
      const [current] = await tx
        .select({ updatedByName: cases.updatedByName, updatedAt: cases.updatedAt })
        .from(cases)
        .where(eq(cases.id, change.id));
      throw staleConflict(current ?? null);
    }
    // A start approval puts the notified buildings on the plot's allowance ledger: a permit-free answer saved at
    // the same instant waits for it and is judged with them counted (repositories/permitFreeAnswers.ts).
    if (change.set.outcome === 'startApproval') await lockLedgerOf(tx, row.propertyId);
    if (change.events.length > 0) {
      await tx.insert(caseEvents).values(
        change.events.map((e) => ({
          caseId: row.id,
          type: e.type,
          at: change.at,
          actor: change.actor.event ?? change.actor.name,
          data: e.data,
        })),
      );
    }
    if (change.hearing) await storeHearing(tx, row.id, change.hearing);
    for (const m of change.messages ?? []) await sendToApplicant(tx, row, m, change.at);
    for (const d of change.documents ?? []) {
      await tx.insert(caseDocuments).values({
        id: randomUUID(),
        caseId: row.id,
        kind: d.kind,
        fileName: d.fileName,
        size: d.size,
        sha256: d.sha256,
        createdAt: change.at,
      });
    }
    return row;
  });
}

export async function latestDocument(db: Db, caseId: string, kind: CaseDocumentKind) {
  const [doc] = await db
    .select()
    .from(caseDocuments)
    .where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.kind, kind)))
    .orderBy(desc(caseDocuments.createdAt))
    .limit(1);
  return doc ?? null;
}

/** What the applicant has sent since the open order to complete was issued, and every file type the case holds. */
export async function answerFilesOf(
  db: Db | Tx,
  row: CaseRow,
): Promise<{ answerFiles: { id: string; type: AttachmentType; fileName: string }[]; caseFileTypes: string[] }> {
  const order = completionRequestOf(row);
  const files = await db
    .select({
      id: attachments.id,
      type: attachments.type,
      fileName: attachments.fileName,
      answersOrderOf: attachments.answersOrderOf,
    })
    .from(attachments)
    .where(eq(attachments.caseId, row.id))
    .orderBy(asc(attachments.createdAt));
  const issued = order ? new Date(order.issuedAt).getTime() : null;
  return {
    answerFiles: files
      .filter((f) => issued !== null && f.answersOrderOf?.getTime() === issued)
      .map((f) => ({ id: f.id, type: f.type as AttachmentType, fileName: f.fileName })),
    caseFileTypes: files.map((f) => f.type),
  };
}

/** Holds the case row until the transaction ends: an upload into the answer waits, or comes after the change. */
export async function lockCase(tx: Tx, id: string): Promise<CaseRow | null> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, id)).for('update');
  return row ?? null;
}
