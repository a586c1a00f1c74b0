import { z } from 'zod';
import { MeasureTypeSchema, type MeasureType } from '../measure';
import { isWorkingDay } from '../calendar/holidays';
import type { DecidableOutcome, DecisionOutcome, Procedure } from '../case/schemas';

/**
 * The municipality's delegationsordning for building permits (KL 6 kap. 37–38 §§, 7 kap. 5 §): what an
 * officer may decide on the board's behalf, and what goes to the board itself at a meeting. Data, because every
 * municipality writes its own; the defaults are a common shape (large buildings and matters of principle to the
 * board), not a quotation of any one order.
 */
export const DelegationOrderSchema = z.object({
  /** A lov for buildings with a larger total byggnadsarea goes to the board; null: no limit by size. */
  committeeAboveAreaM2: z.number().positive().nullable().default(250),
  /** Refusing a lov is the board's (many orders keep refusals from officers). */
  committeeRefusals: z.boolean().default(false),
  /** Measures the board always decides on itself, e.g. a new house outside a plan. */
  committeeMeasures: z.array(MeasureTypeSchema).default([]),
});
export type DelegationOrder = z.infer<typeof DelegationOrderSchema>;

export const DEFAULT_DELEGATION_ORDER: DelegationOrder = DelegationOrderSchema.parse({});

/** Why a decision is the board's: the order's ground, or the officer's own referral of a matter of principle. */
export const CommitteeGroundSchema = z.enum(['area', 'refusal', 'measure', 'principle']);
export type CommitteeGround = z.infer<typeof CommitteeGroundSchema>;

export interface DelegationFacts {
  procedure: Procedure;
  measure: MeasureType | null;
  /** The application's total byggnadsarea (m²), as drawn. */
  buildingAreaM2: number | null;
}

/**
 * The grounds on which the board, not an officer, must decide this outcome. A dismissal (9 kap. 22 §) and a
 * notification's start approval are formal and always delegated; an empty list means an officer may decide.
 */
export function committeeGrounds(
  facts: DelegationFacts,
  outcome: DecidableOutcome,
  order: DelegationOrder = DEFAULT_DELEGATION_ORDER,
): CommitteeGround[] {
  if (outcome === 'dismissed' || facts.procedure !== 'permit') return [];
  const grounds: CommitteeGround[] = [];
  if (order.committeeAboveAreaM2 !== null && (facts.buildingAreaM2 ?? 0) > order.committeeAboveAreaM2)
    grounds.push('area');
  if (outcome === 'refused' && order.committeeRefusals) grounds.push('refusal');
  if (facts.measure && order.committeeMeasures.includes(facts.measure)) grounds.push('measure');
  return grounds;
}

/**
 * Why the board cannot meet on `date`, seen on `today`: a meeting is put in the calendar ahead, on a working day
 * (the board's members and the public come on weekdays); null when it can.
 */
export function meetingDateProblem(date: string, today: string): 'past' | 'closedDay' | null {
  if (date <= today) return 'past';
  return isWorkingDay(date) ? null : 'closedDay';
}

/** A board meeting a case may be put before: its agenda closes when the meeting day comes. */
export const CommitteeMeetingRefSchema = z.object({ id: z.uuid(), date: z.iso.date() });
export type CommitteeMeetingRef = z.infer<typeof CommitteeMeetingRefSchema>;

/** The delegation order and the facts of a case it weighs. */
export interface CaseDelegation {
  order: DelegationOrder;
  facts: DelegationFacts;
}

/** Why the board must decide `outcome` on this case; empty (or no order known): an officer may. */
export function committeeGroundsOf(
  state: { delegation?: CaseDelegation | null },
  outcome: DecisionOutcome,
): CommitteeGround[] {
  if (!state.delegation || outcome === 'startApproval') return [];
  return committeeGrounds(state.delegation.facts, outcome, state.delegation.order);
}

/** A board meeting as the officers' calendar shows it, with how many of the team's cases wait on its agenda. */
export const CommitteeMeetingSchema = z.object({
  id: z.uuid(),
  date: z.iso.date(),
  /** The team's proposals waiting for this meeting. */
  pending: z.number().int().nonnegative(),
  /** Cases may still be put on its agenda (the meeting is after today). */
  open: z.boolean(),
});
export type CommitteeMeeting = z.infer<typeof CommitteeMeetingSchema>;

/** One case on a meeting's agenda (föredragningslista): the proposal, and what the board made of it. */
export const CommitteeAgendaItemSchema = z.object({
  caseId: z.uuid(),
  diaryNumber: z.string(),
  propertyDesignation: z.string(),
  measure: MeasureTypeSchema,
  proposedOutcome: z.enum(['approved', 'refused']),
  presenter: z.string(),
  grounds: z.array(CommitteeGroundSchema),
  /** waiting: on the agenda; decided / returned: as the minutes record it, with the paragraph. */
  state: z.enum(['waiting', 'decided', 'returned']),
  outcome: z.enum(['approved', 'refused']).nullable(),
  paragraph: z.string().nullable(),
});
export type CommitteeAgendaItem = z.infer<typeof CommitteeAgendaItemSchema>;

export const CommitteeAgendaSchema = z.object({
  meeting: CommitteeMeetingSchema,
  board: z.string(),
  items: z.array(CommitteeAgendaItemSchema),
});
export type CommitteeAgenda = z.infer<typeof CommitteeAgendaSchema>;
