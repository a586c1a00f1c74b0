import { z } from 'zod';
import { ApplicationSubmissionSchema } from './application';
import { AttachmentInfoSchema } from './attachment';
import { MeasureTypeSchema } from './measure';

export const CaseStatusSchema = z.enum(['received', 'decided']);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const DecisionOutcomeSchema = z.enum(['approved', 'refused']);
export type DecisionOutcome = z.infer<typeof DecisionOutcomeSchema>;

export const caseStatusLabels: Record<CaseStatus, { sv: string; en: string }> = {
  received: { sv: 'Mottaget – väntar på handläggning', en: 'Received – awaiting review' },
  decided: { sv: 'Beslutat', en: 'Decided' },
};
export const outcomeLabels: Record<DecisionOutcome, { sv: string; en: string }> = {
  approved: { sv: 'Bygglov beviljat', en: 'Permit granted' },
  refused: { sv: 'Bygglov avslaget', en: 'Permit refused' },
};

/** Diary number, e.g. "BN 2026-000001": unique, sequential per year. */
export const DiaryNumberSchema = z.string().regex(/^BN \d{4}-\d{6}$/);

export function formatDiaryNumber(year: number, sequence: number): string {
  return `BN ${year}-${String(sequence).padStart(6, '0')}`;
}

export const CaseEventTypeSchema = z.enum(['received', 'assessed', 'routed', 'decided']);
export const CaseEventSchema = z.object({
  type: CaseEventTypeSchema,
  at: z.iso.datetime({ offset: true }),
  actor: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;

export const CaseSummarySchema = z.object({
  id: z.uuid(),
  diaryNumber: DiaryNumberSchema,
  propertyDesignation: z.string(),
  measure: MeasureTypeSchema,
  applicantName: z.string(),
  status: CaseStatusSchema,
  outcome: DecisionOutcomeSchema.nullable(),
  teamId: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
  decisionDeadline: z.iso.date(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseDetailSchema = CaseSummarySchema.extend({
  application: ApplicationSubmissionSchema,
  propertyId: z.uuid(),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
  decisionReason: z.string().nullable(),
  /** The drawings and documents that came with the application. */
  attachments: z.array(AttachmentInfoSchema),
  events: z.array(CaseEventSchema),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const DecisionInputSchema = z.object({
  outcome: DecisionOutcomeSchema,
  reason: z.string().trim().min(5, 'Skriv en motivering.').max(4000),
});
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

/** The lifecycle: which status a case may move to, and by what. One place, used by server and console. */
export function canDecide(status: CaseStatus): boolean {
  return status === 'received';
}

/** The officer's queue: filters, search and server-side pages. */
export const QueueQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  status: CaseStatusSchema.optional(),
  measure: MeasureTypeSchema.optional(),
  outcome: DecisionOutcomeSchema.optional(),
  /** Diary number, property designation or applicant name, any part of it. */
  q: z.string().trim().max(100).optional(),
});
export type QueueQuery = z.infer<typeof QueueQuerySchema>;

export const QueuePageSchema = z.object({
  items: z.array(CaseSummarySchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});
export type QueuePage = z.infer<typeof QueuePageSchema>;
