import { z } from 'zod';
import { QueuePhaseSchema } from '../afterPermit/queuePhase';
import { MeasureTypeSchema } from '../measure';
import type { DomainMessageId } from '../messages/sv';
import {
  CaseClockSchema,
  CaseStatusSchema,
  CaseSummarySchema,
  CaseVersionSchema,
  DecisionOutcomeSchema,
  OfficerRefSchema,
  ProcedureSchema,
} from './schemas';

/** `team`: the whole team's queue; `mine`: assigned to me; `unassigned`: waiting for someone. */
export const QueueScopeSchema = z.enum(['team', 'mine', 'unassigned']);
export type QueueScope = z.infer<typeof QueueScopeSchema>;

/**
 * What the queue can be ordered by. `daysLeft` is the statutory deadline (the case row keeps the domain's
 * deadline, see deadlineForQueue), open cases before closed ones whichever the direction.
 */
export const QueueSortSchema = z.enum(['daysLeft', 'received', 'designation', 'status']);
export type QueueSort = z.infer<typeof QueueSortSchema>;
export const SortDirectionSchema = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof SortDirectionSchema>;

/**
 * The queue's flags: deviation from the plan (needs a hearing), a neighbour's consent missing or present, an
 * applicant's completion that arrived and nobody has opened yet, a neighbour hearing running.
 */
export const QueueFlagSchema = z.enum(['deviation', 'consentMissing', 'consentPresent', 'completionUnread', 'hearing']);
export type QueueFlag = z.infer<typeof QueueFlagSchema>;

/**
 * A queue view as the URL and a saved view carry it: every filter and the order, no page. All optional, so a
 * view stores only what differs from the default queue.
 */
export const QueueViewParamsSchema = z.object({
  scope: QueueScopeSchema.optional(),
  status: CaseStatusSchema.optional(),
  measure: MeasureTypeSchema.optional(),
  outcome: DecisionOutcomeSchema.optional(),
  flag: QueueFlagSchema.optional(),
  /** The phase tab: waiting for a decision, or the step after it the case is at (issue #21). */
  phase: QueuePhaseSchema.optional(),
  /** Older links' spelling of flag=deviation. */
  deviation: z.enum(['true']).optional(),
  /** Older links' spelling of flag=consentMissing. */
  consentMissing: z.enum(['true']).optional(),
  /** Diary number, property designation or applicant name, any part of it. */
  q: z.string().trim().max(100).optional(),
  sort: QueueSortSchema.optional(),
  dir: SortDirectionSchema.optional(),
});
export type QueueViewParams = z.infer<typeof QueueViewParamsSchema>;

/** The officer's queue request: a view, with its defaults filled in, and a page of it. */
export const QueueQuerySchema = QueueViewParamsSchema.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  scope: QueueScopeSchema.default('team'),
  sort: QueueSortSchema.default('daysLeft'),
  dir: SortDirectionSchema.default('asc'),
});
export type QueueQuery = z.infer<typeof QueueQuerySchema>;

/** The flags a query asks for, whichever spelling the link used. */
export function queueFlagsOf(query: Pick<QueueViewParams, 'flag' | 'deviation' | 'consentMissing'>): QueueFlag[] {
  const flags = new Set<QueueFlag>();
  if (query.flag) flags.add(query.flag);
  if (query.deviation) flags.add('deviation');
  if (query.consentMissing) flags.add('consentMissing');
  return [...flags];
}

/** The view's parameters for a URL query, defaults left out: the same view always has the same link. */
export function queueViewQuery(params: QueueViewParams): Record<string, string> {
  const out: Record<string, string> = {};
  const defaults: Partial<Record<keyof QueueViewParams, string>> = { scope: 'team', sort: 'daysLeft', dir: 'asc' };
  for (const key of Object.keys(QueueViewParamsSchema.shape) as (keyof QueueViewParams)[]) {
    const value = params[key];
    if (value !== undefined && value !== '' && value !== defaults[key]) out[key] = value;
  }
  return out;
}

/**
 * Whether this viewer opening the case reads the applicant's completion: its assigned officer, or any officer of
 * the team while nobody has taken it. A colleague glancing at someone else's case leaves it unread for them.
 */
export const opensCompletion = (assignedTo: string | null, viewer: string): boolean =>
  assignedTo === null || assignedTo === viewer;

export const QueueItemSchema = CaseSummarySchema.extend({
  version: CaseVersionSchema,
  procedure: ProcedureSchema,
  deviation: z.boolean(),
  neighbourConsentMissing: z.boolean(),
  /** A neighbour's written consent (GRAM) is among the case's files. */
  neighbourConsentPresent: z.boolean(),
  /** The applicant answered an order to complete and no officer has opened the case since. */
  completionUnread: z.boolean(),
  assignedTo: OfficerRefSchema.nullable(),
  /** The reply-by day of a running neighbour hearing ("Grannhörande pågår t.o.m."), else null. */
  hearingUntil: z.iso.date().nullable(),
  clock: CaseClockSchema.pick({
    deadline: true,
    daysLeft: true,
    feeReduction: true,
    waitingForCompletion: true,
    extended: true,
  }),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

export const QueuePageSchema = z.object({
  items: z.array(QueueItemSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
});
export type QueuePage = z.infer<typeof QueuePageSchema>;

const id = (messageId: DomainMessageId) => messageId;

/** An officer's saved queue view: a name and the view's parameters. Only its owner sees it. */
export const SavedQueueViewInputSchema = z.object({
  name: z.string().trim().min(1, id('form.queueView.nameMissing')).max(60, id('form.queueView.nameTooLong')),
  params: QueueViewParamsSchema,
});
export type SavedQueueViewInput = z.infer<typeof SavedQueueViewInputSchema>;

export const SavedQueueViewSchema = SavedQueueViewInputSchema.extend({
  id: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type SavedQueueView = z.infer<typeof SavedQueueViewSchema>;

/** How many views one officer may keep: a list to choose from, not a store. */
export const MAX_SAVED_QUEUE_VIEWS = 30;
