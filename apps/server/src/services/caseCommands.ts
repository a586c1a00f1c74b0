import type { FastifyInstance } from 'fastify';
import {
  CaseAssessmentSchema,
  applyCaseCommand,
  caseProblemErrorCode,
  caseProblemIssues,
  caseProblemMessage,
  swedishText,
  type DomainMessageId,
  type CaseActor,
  type CaseCommand,
  type CaseProblem,
  type CaseState,
  type DecisionOutcome,
  type Hearing,
  type Procedure,
  type ApplicationSubmission,
  type DelegationOrder,
  type MeasureType,
} from '@lovisa/domain';
import { polygonArea } from '@lovisa/geo';
import { issueDocument, renderCaseDocument } from '../decision/issue';
import { hearingOf } from '../repositories/hearings';
import { noticeWork, storeDelivery } from './decisionNotice';
import { AppError, appError } from '../errors';
import type { Db, Tx } from '../db/database';
import {
  answerFilesOf,
  caseEventsOf,
  changeCase,
  lockCase,
  clockFactsOf,
  completionRequestOf,
  proposalOf,
  staleConflict,
  type CaseRow,
} from '../repositories/cases';

/** The case as the domain's commands see it. */
export function caseStateOf(
  row: CaseRow,
  assessment: CaseState['assessment'] = null,
  hearing: Hearing | null = null,
  delegationOrder: DelegationOrder | null = null,
): CaseState {
  const application = row.application as Partial<ApplicationSubmission>;
  return {
    diaryNumber: row.diaryNumber,
    version: row.version,
    status: row.status as CaseState['status'],
    procedure: row.procedure as Procedure,
    outcome: row.outcome as DecisionOutcome | null,
    deviation: row.deviation,
    clock: clockFactsOf(row),
    decisionDeadline: row.decisionDeadline,
    completionRequest: completionRequestOf(row),
    proposal: proposalOf(row),
    startApproved: row.startApprovedAt !== null,
    neighbourConsentMissing: row.neighbourConsentMissing,
    assessment,
    hearing,
    delegation: delegationOrder && {
      order: delegationOrder,
      facts: {
        procedure: row.procedure as Procedure,
        measure: row.measure as MeasureType,
        buildingAreaM2: (application.footprints ?? []).reduce((sum, f) => sum + polygonArea(f.geometry), 0),
      },
    },
  };
}

/** The rules engine's verdict as the case's `assessed` event keeps it. */
export async function assessmentOf(db: Db | Tx, caseId: string) {
  const parsed = CaseAssessmentSchema.safeParse(
    (await caseEventsOf(db, caseId)).find((e) => e.type === 'assessed')?.data,
  );
  return parsed.success ? parsed.data : null;
}

/** A refused command as the API says it: the domain's code decides the status, its text the message. */
export function caseProblemError(problem: CaseProblem, row?: CaseRow): AppError {
  if (problem.code === 'STALE_VERSION' && row) return staleConflict(row);
  const m = caseProblemMessage(problem);
  const issues = caseProblemIssues(problem).map((i) => ({
    path: i.path,
    message: swedishText(i.message.id as DomainMessageId, i.message.params),
    messageId: i.message.id,
    ...(i.message.params ? { params: i.message.params } : {}),
  }));
  return new AppError(
    caseProblemErrorCode[problem.code],
    swedishText(m.id as DomainMessageId, m.params),
    issues,
    m.id as DomainMessageId,
    m.params,
  );
}

/** Who the case's history names: never a neighbour's name (a protected identity answers too). */
function actorOfChange(row: CaseRow, actor: CaseActor): { name: string; event?: string } {
  if (actor.role === 'applicant') return { name: row.applicantName, event: 'applicant' };
  if (actor.role === 'neighbour') return { name: 'Sakägare', event: 'neighbour' };
  // A remiss body answers as the body (its link is the body's), not as a person.
  if (actor.role === 'consultee') return { name: actor.name };
  return { name: actor.name };
}

/**
 * What a command would issue, without issuing it: the domain decides on the same state, at the same moment's
 * clock, and its first document is written exactly as runCaseCommand would write it. Nothing is stored.
 * A command that issues nothing now (an officer's proposal: the team lead's confirmation issues it) says so.
 */
export async function previewCaseDocument(
  app: FastifyInstance,
  row: CaseRow,
  command: CaseCommand,
  actor: CaseActor,
): Promise<{ fileName: string; bytes: Buffer }> {
  const hearing = await hearingOf(app.db, row.id);
  const at = app.clock();
  const result = applyCaseCommand(
    caseStateOf(row, null, hearing, app.config.municipality.delegation),
    command,
    actor,
    at,
  );
  if (!result.ok) throw caseProblemError(result.problem, row);
  const [document] = result.change.documents;
  if (!document) throw appError('conflict', 'server.previewNothingIssued');
  return renderCaseDocument(app, row, { at, ...document });
}

/**
 * The one way a case changes: the domain decides (applyCaseCommand), the documents it orders are written, and
 * the change is stored in one transaction on the version the command was made on.
 */
export async function runCaseCommand(
  app: FastifyInstance,
  row: CaseRow,
  command: CaseCommand,
  actor: CaseActor,
  db: Db | Tx = app.db,
): Promise<CaseRow> {
  const [assessment, hearing] = await Promise.all([
    command.type === 'answerCompletion' ? assessmentOf(db, row.id) : null,
    hearingOf(db, row.id),
  ]);
  const at = app.clock();
  const result = applyCaseCommand(
    caseStateOf(row, assessment, hearing, app.config.municipality.delegation),
    command,
    actor,
    at,
  );
  if (!result.ok) throw caseProblemError(result.problem, row);
  const { set: domainSet, events, messages, documents } = result.change;
  const { hearing: changedHearing, ...set } = domainSet;
  const issued = await Promise.all(documents.map((d) => issueDocument(app, row, { at, ...d })));
  const notice = await noticeWork(app, row, result.change, at);
  const store = (tx: Db | Tx) =>
    changeCase(tx, {
      id: row.id,
      version: command.version,
      actor: actorOfChange(row, actor),
      at,
      set,
      events,
      messages,
      documents: issued,
      ...(changedHearing ? { hearing: changedHearing } : {}),
    });
  if (!notice && command.type !== 'recordDecisionDelivery') return store(db);
  // Notice and legal force (issue #19): the announcement and deliveries, or a recorded delivery, in the same transaction.
  return db.transaction(async (tx) => {
    const changed = await store(tx);
    if (notice) await notice(tx);
    if (command.type === 'recordDecisionDelivery')
      await storeDelivery(tx, row.id, command.delivery.id, command.deliveredOn);
    return changed;
  });
}

/**
 * The applicant's answer to an order to complete. The case row is locked while the answer's files are read and
 * the change is stored, so an upload racing the answer is either in it or refused as too late, never lost.
 */
export async function answerCompletion(
  app: FastifyInstance,
  row: CaseRow,
  input: { version: number; note: string | null },
  actor: CaseActor,
): Promise<CaseRow> {
  return app.db.transaction(async (tx) => {
    const locked = (await lockCase(tx, row.id)) ?? row;
    const files = await answerFilesOf(tx, locked);
    return runCaseCommand(
      app,
      locked,
      { type: 'answerCompletion', version: input.version, note: input.note, ...files },
      actor,
      tx,
    );
  });
}
