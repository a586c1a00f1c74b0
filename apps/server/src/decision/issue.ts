import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { asc, eq } from 'drizzle-orm';
import {
  ApplicantOrganisationSchema,
  consultationNeed,
  decisionDocument,
  decisionDocumentList,
  kontrollansvarigRequired,
  measureLabels,
  organisationRecipientLines,
  recipientLines,
  ruleSetOfCase,
  stockholmDate,
  type Address,
  type ApplicationSubmission,
  type CaseSpecificConditions,
  type DocumentOrder,
  type MeasureType,
} from '@lovisa/domain';
import { attachments } from '../db/schema';
import { toAttachmentInfo } from '../repositories/attachments';
import { caseEventsOf, clockFactsOf, type CaseRow } from '../repositories/cases';
import { caseFeeOf, pricedArea } from '../services/caseFee';
import { renderDecision, type RenderOptions } from './renderDecision';

/**
 * Who signs Lovisa's letters: the configured municipality (fixtures/municipality.json, MUNICIPALITY_* overrides)
 * and its building committee. Read per letter, so a document always carries the identity the server runs with.
 */
export function letterhead(app: FastifyInstance): { municipality: string; board: string } {
  return { municipality: app.config.municipality.name, board: app.config.municipality.board };
}

/**
 * The configured logo for the letterhead, when it is a PNG or JPEG (what a PDF embeds); an SVG logo heads the web
 * pages only, and a missing file leaves the letter with the name alone rather than failing the decision.
 */
export async function letterLogo(app: FastifyInstance): Promise<RenderOptions['logo']> {
  const logo = app.config.municipality.logo;
  const type = logo && { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg' }[path.extname(logo).toLowerCase()];
  if (!logo || !type) return null;
  const bytes = await readFile(path.join(app.config.fixturesDir, logo)).catch(() => null);
  return bytes && { bytes, type: type as 'png' | 'jpeg' };
}

/**
 * Whom a letter about the case goes to: the applicant at their address (none for a protected identity), or an
 * organisation that applied, at its registered address, "genom" its signatory (ADR 0024).
 */
export function applicantRecipientLines(
  row: Pick<CaseRow, 'applicantName' | 'applicantOrganisation'>,
  person: { address: Address | null } | null,
  protectedIdentity: boolean,
): string[] {
  const organisation = ApplicantOrganisationSchema.safeParse(row.applicantOrganisation);
  if (organisation.success) return organisationRecipientLines(organisation.data);
  return recipientLines({ name: row.applicantName, address: person?.address ?? null, protectedIdentity });
}

/** Addressee, documents with versions, and the case's own terms (startbesked, kontrollansvarig, samråd). */
async function caseParts(app: FastifyInstance, row: CaseRow) {
  const application = row.application as ApplicationSubmission;
  const [person, files] = await Promise.all([
    app.registers.population.personByPersonnummer(row.applicantPersonnummer).catch(() => null),
    app.db.select().from(attachments).where(eq(attachments.caseId, row.id)).orderBy(asc(attachments.createdAt)),
  ]);
  const named = application.details.kaName?.trim();
  const required = kontrollansvarigRequired(
    row.measure as MeasureType,
    pricedArea(application),
    ruleSetOfCase(clockFactsOf(row)),
  );
  const procedure = row.procedure as 'permit' | 'notification';
  const caseConditions: CaseSpecificConditions = {
    kontrollansvarig: {
      required,
      named: named ? { name: named, certificationId: application.details.kaCertificationId?.trim() || null } : null,
    },
    // As the after-permit record will fix it: an applicant who names a KA gets the samråd a KA calls for.
    consultation: consultationNeed({ procedure, kontrollansvarig: required || Boolean(named) }),
  };
  return {
    recipient: applicantRecipientLines(row, person, person?.protectedIdentity ?? false),
    documents: decisionDocumentList(files.map(toAttachmentInfo)),
    caseConditions,
  };
}

/** The document the domain ordered, and the moment it is issued. */
export type IssueInput = DocumentOrder & { at: Date };

/**
 * Writes the decision document of a case (pdf-lib, DejaVu embedded). The fee decision comes from the
 * municipality's schedule, or the officer's fee decision, with the reduction for a late decision applied. The officer's preview is this same
 * function, so what they read is what is issued.
 */
export async function renderCaseDocument(
  app: FastifyInstance,
  row: CaseRow,
  input: IssueInput,
): Promise<{ fileName: string; bytes: Buffer }> {
  const application = row.application as ApplicationSubmission;
  const decidedOn = stockholmDate(input.at);
  const procedure = row.procedure as 'permit' | 'notification';
  let fee = null;
  let feeNote: string | undefined;
  if (input.kind === 'startApproval') {
    feeNote = 'Avgiften för startbeskedet ingår i avgiften i beslutet om bygglov.';
  } else if (input.outcome === 'dismissed') {
    feeNote = 'Ingen avgift tas ut för beslutet att avvisa ansökan.';
  } else {
    const at = withDecisionDay(row, input.at);
    const f = await caseFeeOf(app, at, await caseEventsOf(app.db, row.id), input.at);
    if (f) {
      fee = {
        lines: f.lines.map((l) => ({ label: l.label.sv, sek: l.sek })),
        totalSEK: f.scheduleTotalSEK,
        reduction: f.reduction,
        overdueWeeks: f.overdueWeeks,
        payableSEK: f.payableSEK,
        scheduleName: f.schedule.sv,
        example: f.example,
        decided: f.decision ? { totalSEK: f.decision.totalSEK, reason: f.decision.reason } : undefined,
      };
    } else {
      feeNote = 'Avgiften beslutas separat enligt kommunens taxa.';
    }
  }
  const content = decisionDocument({
    kind: input.kind,
    diaryNumber: row.diaryNumber,
    decidedOn,
    propertyDesignation: row.propertyDesignation,
    measure: measureLabels[row.measure as MeasureType],
    description: application.details.description,
    applicantName: row.applicantName,
    procedure,
    outcome: input.outcome,
    reason: input.reason,
    conditions: input.conditions,
    fee,
    ...(feeNote ? { feeNote } : {}),
    decidedBy: { name: input.decidedBy.name, title: input.decidedBy.teamLead ? 'gruppledare' : 'bygglovshandläggare' },
    proposedBy: input.proposedBy,
    committee: input.committee,
    municipality: letterhead(app).municipality,
    board: letterhead(app).board,
    announcement: ruleSetOfCase(clockFactsOf(row)).afterDecision.announcement.value,
    ...(await caseParts(app, row)),
  });
  const pdf = await renderDecision(content, {
    ...letterhead(app),
    diaryNumber: row.diaryNumber,
    date: decidedOn,
    logo: await letterLogo(app),
  });
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const fileName = `${input.kind === 'startApproval' ? 'Startbesked' : 'Beslut'} ${row.diaryNumber}.pdf`;
  return { fileName, bytes };
}

/** The case as of its decision on `at`: the late reduction is counted to that day. */
function withDecisionDay(row: CaseRow, at: Date): CaseRow {
  return row.decidedAt ? row : { ...row, decidedAt: at };
}

/** The document written and put in the attachment store, as the case's change records it. */
export async function issueDocument(app: FastifyInstance, row: CaseRow, input: IssueInput) {
  const { fileName, bytes } = await renderCaseDocument(app, row, input);
  const sha256 = await app.attachmentStore.put(bytes);
  return { kind: input.kind, fileName, size: bytes.length, sha256 };
}
