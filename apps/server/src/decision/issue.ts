import type { FastifyInstance } from 'fastify';
import {
  caseClock,
  decisionDocument,
  estimateFee,
  measureLabels,
  ruleSetOfCase,
  reducedFee,
  stockholmDate,
  withDecision,
  type ApplicationSubmission,
  type DecisionOutcome,
  type MeasureType,
} from '@lovisa/domain';
import { polygonArea } from '@lovisa/geo';
import { clockFactsOf, type CaseRow } from '../repositories/cases';
import { renderDecision } from './renderDecision';

/**
 * Who signs Lovisa's letters: the configured municipality (fixtures/municipality.json, MUNICIPALITY_* overrides)
 * and its building committee. Read per letter, so a document always carries the identity the server runs with.
 */
export function letterhead(app: FastifyInstance): { municipality: string; board: string } {
  return { municipality: app.config.municipality.name, board: app.config.municipality.board };
}

export interface IssueInput {
  kind: 'decision' | 'startApproval';
  outcome: DecisionOutcome;
  reason: string;
  conditions: string[];
  decidedBy: { name: string; teamLead: boolean };
  proposedBy: string | null;
  at: Date;
}

/** The area the fee schedule prices: gross floor area for an extension, the footprints' area otherwise. */
export function pricedArea(application: ApplicationSubmission): number {
  const drawn = application.footprints.reduce((s, f) => s + polygonArea(f.geometry), 0);
  return application.measure === 'extension' ? (application.details.grossFloorAreaM2 ?? drawn) : drawn;
}

/**
 * Writes the decision document of a case (pdf-lib, DejaVu embedded). The fee decision comes from the
 * municipality's schedule with the reduction for a late decision applied. The officer's preview is this same
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
  const clock = caseClock(withDecision(clockFactsOf(row), decidedOn), input.at);
  let fee = null;
  let feeNote: string | undefined;
  if (input.kind === 'startApproval') {
    feeNote = 'Avgiften för startbeskedet ingår i avgiften i beslutet om bygglov.';
  } else if (input.outcome === 'dismissed') {
    feeNote = 'Ingen avgift tas ut för beslutet att avvisa ansökan.';
  } else if (app.config.feeSchedule) {
    const neighbours = row.deviation ? (await app.registers.land.neighbourIdsOf(row.propertyId)).length : 0;
    const estimate = estimateFee(app.config.feeSchedule, {
      procedure,
      measure: row.measure as MeasureType,
      areaM2: pricedArea(application),
      deviation: row.deviation,
      neighbours,
    });
    fee = {
      lines: estimate.lines.map((l) => ({ label: l.label.sv, sek: l.sek })),
      totalSEK: estimate.totalSEK,
      reduction: clock.feeReduction,
      overdueWeeks: clock.overdueWeeksStarted,
      payableSEK: reducedFee(estimate.totalSEK, clock.feeReduction),
      scheduleName: estimate.schedule.sv,
      example: estimate.example,
    };
  } else {
    feeNote = 'Avgiften beslutas separat enligt kommunens taxa.';
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
    municipality: letterhead(app).municipality,
    announcement: ruleSetOfCase(clockFactsOf(row)).afterDecision.announcement.value,
  });
  const pdf = await renderDecision(content, {
    ...letterhead(app),
    diaryNumber: row.diaryNumber,
    date: decidedOn,
  });
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const fileName = `${input.kind === 'startApproval' ? 'Startbesked' : 'Beslut'} ${row.diaryNumber}.pdf`;
  return { fileName, bytes };
}

/** The document written and put in the attachment store, as the case's change records it. */
export async function issueDocument(app: FastifyInstance, row: CaseRow, input: IssueInput) {
  const { fileName, bytes } = await renderCaseDocument(app, row, input);
  const sha256 = await app.attachmentStore.put(bytes);
  return { kind: input.kind, fileName, size: bytes.length, sha256 };
}
