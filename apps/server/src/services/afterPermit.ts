import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import {
  afterPermitDocument,
  afterPermitProblemErrorCode,
  afterPermitView,
  applyAfterPermitCommand,
  initialAfterPermitState,
  kontrollansvarigRequired,
  MAX_KONTROLLPLAN_FILES,
  measureLabels,
  queuePhaseOf,
  ruleSetOfCase,
  stockholmDate,
  swedishText,
  type AfterPermitCommand,
  type AfterPermitDocumentOrder,
  type AfterPermitFacts,
  type AfterPermitProblem,
  type AfterPermitView,
  type AttachmentInfo,
  type KontrollansvarigCase,
  type ApplicationSubmission,
  type CaseActor,
  type CaseDocumentKind,
  type CaseStatus,
  type DecisionOutcome,
  type DomainMessageId,
  type MeasureType,
  type Procedure,
} from '@lovisa/domain';
import { AppError, appError, notFound } from '../errors';
import type { ReceivedFile } from '../attachments/receive';
import { insertAttachment, toAttachmentInfo } from '../repositories/attachments';
import type { Db } from '../db/database';
import { attachments, caseAfterPermit, cases } from '../db/schema';
import { letterhead, letterLogo } from '../decision/issue';
import { pricedArea } from './caseFee';
import { renderDecision } from '../decision/renderDecision';
import { afterPermitOf, storeAfterPermit, type AfterPermitRecord } from '../repositories/afterPermit';
import { caseRow, changeCase, clockFactsOf, lockCase, staleConflict, type CaseRow } from '../repositories/cases';
import { noticeOf } from './decisionNotice';

/**
 * The steps after a decision (issue #21) on the server: load the facts the domain needs, ask it
 * (applyAfterPermitCommand), render the documents it orders, and store the change with the case's version in one
 * transaction — the pattern of ADR 0004 for a record of its own (case_after_permit).
 */

/**
 * Whether the case needs a kontrollansvarig, fixed when its after-permit record is made: the rule set the case was
 * received under (PBL 10 kap. 9 §, a rule-set value per measure and area), or an applicant who named one anyway.
 */
export function kontrollansvarigOf(row: CaseRow): boolean {
  const application = row.application as ApplicationSubmission;
  const named = Boolean(application.details.kaName?.trim());
  return (
    named ||
    kontrollansvarigRequired(row.measure as MeasureType, pricedArea(application), ruleSetOfCase(clockFactsOf(row)))
  );
}

async function recordOf(db: Db, row: CaseRow): Promise<AfterPermitRecord> {
  return (
    (await afterPermitOf(db, row.id)) ?? {
      kontrollansvarig: kontrollansvarigOf(row),
      state: initialAfterPermitState(row.measure as MeasureType),
      remindersSent: [],
    }
  );
}

/** The case's facts as the after-permit rules see them; legal force from the recorded notice and deliveries. */
export async function afterPermitFactsOf(db: Db, row: CaseRow, kontrollansvarig: boolean): Promise<AfterPermitFacts> {
  const notice = await noticeOf(db, row, 'officer');
  return {
    procedure: row.procedure as Procedure,
    status: row.status as CaseStatus,
    outcome: row.outcome as DecisionOutcome | null,
    measure: row.measure as MeasureType,
    kontrollansvarig,
    decidedOn: row.decidedAt ? stockholmDate(row.decidedAt) : null,
    legalForceOn: notice?.legalForceOn ?? null,
    earliestStart: notice?.earliestStart ?? null,
    startApprovedOn: row.procedure === 'permit' && row.startApprovedAt ? stockholmDate(row.startApprovedAt) : null,
  };
}

/** The view for one face. */
export async function afterPermitViewOf(
  app: FastifyInstance,
  row: CaseRow,
  face: 'applicant' | 'officer' | 'kontrollansvarig',
): Promise<AfterPermitView> {
  const record = await recordOf(app.db, row);
  const facts = await afterPermitFactsOf(app.db, row, record.kontrollansvarig);
  return afterPermitView(
    facts,
    record.state,
    face,
    stockholmDate(app.clock()),
    row.version,
    ruleSetOfCase(clockFactsOf(row)),
  );
}

/** A refused after-permit command as the API says it: the code's HTTP class, its text by id, the field. */
export function afterPermitProblemError(problem: AfterPermitProblem, row: CaseRow): AppError {
  if (problem.code === 'STALE_VERSION') return staleConflict(row);
  const id = `afterPermit.problem.${problem.code}` as DomainMessageId;
  const message = swedishText(id);
  const issues = problem.path ? [{ path: problem.path, message, messageId: id }] : [];
  return new AppError(afterPermitProblemErrorCode[problem.code], message, issues, id);
}

const documentKinds: Record<AfterPermitDocumentOrder['kind'], CaseDocumentKind> = {
  startbesked: 'startApproval',
  slutbesked: 'slutbesked',
  interimSlutbesked: 'interimSlutbesked',
  consultationMinutes: 'consultationMinutes',
};
const fileNames: Record<AfterPermitDocumentOrder['kind'], string> = {
  startbesked: 'Startbesked',
  slutbesked: 'Slutbesked',
  interimSlutbesked: 'Interimistiskt slutbesked',
  consultationMinutes: 'Protokoll tekniskt samråd',
};

/** Writes one ordered document as a PDF (the decision's layout: tagged, DejaVu embedded) into the attachment store. */
async function issueAfterPermitDocument(
  app: FastifyInstance,
  row: CaseRow,
  order: AfterPermitDocumentOrder,
  view: AfterPermitView,
) {
  const booked = view.state.consultation.slots.find((s) => s.id === view.state.consultation.bookedSlotId) ?? null;
  const content = afterPermitDocument(order, {
    diaryNumber: row.diaryNumber,
    propertyDesignation: row.propertyDesignation,
    measure: measureLabels[row.measure as MeasureType],
    applicantName: row.applicantName,
    municipality: letterhead(app).municipality,
    kontrollplan: view.state.kontrollplan,
    validity: view.validity,
    consultation: booked ? { startsAt: booked.startsAt, place: booked.place } : null,
  });
  const pdf = await renderDecision(content, {
    ...letterhead(app),
    diaryNumber: row.diaryNumber,
    date: order.on,
    logo: await letterLogo(app),
  });
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const sha256 = await app.attachmentStore.put(bytes);
  return {
    kind: documentKinds[order.kind],
    fileName: `${fileNames[order.kind]} ${row.diaryNumber}.pdf`,
    size: bytes.length,
    sha256,
  };
}

/**
 * A photo or document for a kontrollplan tick, stored on the case as an "other document" (OVR) once the
 * startbesked lets ticks be made: the bytes content-addressed in the attachment store, the row under the case's
 * lock (so the count holds however many arrive at once). The upload checks (type by content, size) are
 * receiveUpload's, as for every upload.
 */
export async function uploadKontrollplanFile(
  app: FastifyInstance,
  row: CaseRow,
  personnummer: string,
  file: ReceivedFile,
): Promise<AttachmentInfo> {
  const { sha256 } = await app.attachmentStore.putStream(file.body());
  const stored = await app.db.transaction(async (tx) => {
    const locked = await lockCase(tx, row.id);
    if (!locked) throw notFound('case');
    const [n] = await tx
      .select({ n: count() })
      .from(attachments)
      .where(and(eq(attachments.caseId, row.id), eq(attachments.type, 'OVR'), isNull(attachments.answersOrderOf)));
    if ((n?.n ?? 0) >= MAX_KONTROLLPLAN_FILES)
      throw appError('conflict', 'server.upload.tooManyOthers', { max: MAX_KONTROLLPLAN_FILES });
    return insertAttachment(
      tx,
      { caseId: row.id, answersOrderOf: null },
      { type: 'OVR', neighbourPropertyId: null },
      {
        ownerPersonnummer: personnummer,
        fileName: file.fileName,
        contentType: file.contentType,
        size: file.size,
        sha256,
        generated: null,
        createdAt: app.clock(),
      },
    );
  });
  return toAttachmentInfo(stored);
}

/** A case whose named kontrollansvarig is this person; any other answers as missing (404), as another's case does. */
export async function kontrollansvarigCase(app: FastifyInstance, personnummer: string, id: string): Promise<CaseRow> {
  const row = await caseRow(app.db, id);
  const record = row ? await afterPermitOf(app.db, row.id) : null;
  if (!row || record?.state.kontrollansvarigPerson?.personnummer !== personnummer) throw notFound('case');
  return row;
}

/** The cases this person was named kontrollansvarig of, newest first. */
export async function casesOfKontrollansvarig(db: Db, personnummer: string): Promise<KontrollansvarigCase[]> {
  const rows = await db
    .select({
      id: cases.id,
      diaryNumber: cases.diaryNumber,
      propertyDesignation: cases.propertyDesignation,
      measure: cases.measure,
      applicantName: cases.applicantName,
    })
    .from(caseAfterPermit)
    .innerJoin(cases, eq(cases.id, caseAfterPermit.caseId))
    .where(sql`${caseAfterPermit.state} -> 'kontrollansvarigPerson' ->> 'personnummer' = ${personnummer}`)
    .orderBy(desc(cases.receivedAt));
  return rows.map((r) => ({ ...r, measure: measureLabels[r.measure as MeasureType].sv }));
}

/** A file of this case (a photo or certificate a tick points to); another case's file answers as unknown. */
export async function caseAttachmentExists(db: Db, caseId: string, attachmentId: string): Promise<boolean> {
  const [found] = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.caseId, caseId)));
  return found !== undefined;
}

/** The one way the after-permit record changes: domain decides, documents are written, all stored on the version. */
export async function runAfterPermitCommand(
  app: FastifyInstance,
  row: CaseRow,
  command: AfterPermitCommand,
  actor: CaseActor,
): Promise<CaseRow> {
  const record = await recordOf(app.db, row);
  const facts = await afterPermitFactsOf(app.db, row, record.kontrollansvarig);
  const at = app.clock();
  const result = applyAfterPermitCommand(
    { ...facts, diaryNumber: row.diaryNumber, version: row.version, state: record.state },
    command,
    actor,
    at,
    randomUUID,
  );
  if (!result.ok) throw afterPermitProblemError(result.problem, row);
  const { state, events, messages, documents, startApproved } = result.change;
  const after = afterPermitView(
    facts,
    state,
    'officer',
    stockholmDate(at),
    row.version,
    ruleSetOfCase(clockFactsOf(row)),
  );
  const issued = await Promise.all(documents.map((d) => issueAfterPermitDocument(app, row, d, after)));
  return app.db.transaction(async (tx) => {
    const changed = await changeCase(tx, {
      id: row.id,
      version: command.version,
      // The applicant's side: the byggherre under the case's name, a kontrollansvarig under their own.
      actor:
        actor.role !== 'applicant'
          ? { name: actor.name }
          : {
              name: actor.personnummer === row.applicantPersonnummer ? row.applicantName : actor.name,
              event: 'applicant',
            },
      at,
      set: startApproved ? { startApprovedAt: at } : {},
      events,
      messages,
      documents: issued,
    });
    await storeAfterPermit(tx, row.id, {
      kontrollansvarig: record.kontrollansvarig,
      state,
      phase: queuePhaseOf(facts, state),
    });
    return changed;
  });
}
