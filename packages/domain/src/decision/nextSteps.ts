import { z } from 'zod';
import type { CaseDocumentKind, DecisionOutcome, Procedure } from '../case/schemas';
import { stockholmDate } from '../deadline';
import type { RuleSet } from '../rules/ruleSet';
import { permitValidity } from '../afterPermit/validity';
import type { DecisionNotice } from './notice';

/**
 * What a decided case means for its applicant, in the order they ask it (issue #18, item 4): what was decided,
 * may I start building, when does the decision gain legal force, how long does it last, and where is the PDF.
 * Pure: the view says it in words; every number and date comes from here (and the rule set behind it).
 *
 * - A granted bygglov: building waits for a startbesked and for `startWaitWeeks` after the announcement
 *   (PBL 9 kap. 42 a §); legal force as the notice computes it; lapse dates from legal force (9 kap. 43 §).
 * - An anmälan's positive decision is the startbesked itself: building may start; it lapses from that day
 *   (10 kap. 25 §). It is not announced, so there is no legal-force line.
 * - A refusal or a dismissal: nothing may be built on it; the applicant's own last day to appeal is said.
 */
export const StartRuleSchema = z.discriminatedUnion('kind', [
  /** Granted permit, no startbesked yet: start only with one, and no earlier than the wait after the announcement. */
  z.object({ kind: z.literal('waitForStartbesked'), weeks: z.number().int(), earliestStart: z.iso.date().nullable() }),
  /** A startbesked exists but the permit is not yet announced: the wait runs from an announcement still to come. */
  z.object({ kind: z.literal('waitForAnnouncement'), weeks: z.number().int() }),
  /** A startbesked exists: building may start on `from` (never before the wait after the announcement). */
  z.object({ kind: z.literal('mayStart'), from: z.iso.date() }),
  /** Refused or dismissed: the decision gives no right to build. */
  z.object({ kind: z.literal('mayNotBuild') }),
]);
export type StartRule = z.infer<typeof StartRuleSchema>;

export const DecisionNextStepsSchema = z.object({
  outcome: z.enum(['approved', 'refused', 'dismissed', 'startApproval']),
  procedure: z.enum(['permit', 'notification']),
  decidedOn: z.iso.date(),
  start: StartRuleSchema,
  /** Only for an announced decision: the day it gains legal force unless appealed (null while a delivery is awaited). */
  legalForce: z.object({ on: z.iso.date().nullable(), uncertain: z.boolean() }).nullable(),
  /** How long it lasts: start by, finish by (null until legal force for a permit; none for a refusal). */
  validity: z.object({ startBy: z.iso.date(), finishBy: z.iso.date() }).nullable(),
  /** The applicant's own last day to appeal, once their receipt of the decision is recorded. */
  appealBy: z.iso.date().nullable(),
  /** The document to download first: the startbesked once there is one for a permit, else the decision. */
  document: z.enum(['decision', 'startApproval']).nullable(),
});
export type DecisionNextSteps = z.infer<typeof DecisionNextStepsSchema>;

export interface DecidedCaseFacts {
  procedure: Procedure;
  outcome: DecisionOutcome | null;
  decidedAt: string | null;
  startApprovedAt: string | null;
  notice: DecisionNotice | null;
  documents: { kind: CaseDocumentKind }[];
}

const dayOf = (at: string) => stockholmDate(new Date(at));
const later = (a: string, b: string | null) => (b && b > a ? b : a);

/** Null until the case is decided. `ruleSet`: the set the case was received under. */
export function decisionNextSteps(c: DecidedCaseFacts, ruleSet: RuleSet): DecisionNextSteps | null {
  if (!c.outcome || !c.decidedAt) return null;
  const decidedOn = dayOf(c.decidedAt);
  const granted = c.outcome === 'approved' || c.outcome === 'startApproval';
  const has = (kind: CaseDocumentKind) => c.documents.some((d) => d.kind === kind);
  const ownDelivery = c.notice?.deliveries.find((d) => d.party === 'applicant');
  const appealBy = (ownDelivery && c.notice?.appealEnds.find((a) => a.party === ownDelivery.id)?.lastDay) ?? null;
  const document =
    has('startApproval') && c.procedure === 'permit' ? 'startApproval' : has('decision') ? 'decision' : null;
  const base = { outcome: c.outcome, procedure: c.procedure, decidedOn, appealBy, document } as const;
  if (!granted) return { ...base, start: { kind: 'mayNotBuild' }, legalForce: null, validity: null };

  if (c.procedure === 'notification') {
    const startbeskedOn = c.startApprovedAt ? dayOf(c.startApprovedAt) : decidedOn;
    const v = permitValidity({ procedure: 'notification', legalForceOn: null, startbeskedOn }, ruleSet);
    return {
      ...base,
      start: { kind: 'mayStart', from: startbeskedOn },
      legalForce: null,
      validity: v && { startBy: v.startBy, finishBy: v.finishBy },
    };
  }
  const earliestStart = c.notice?.earliestStart ?? null;
  return {
    ...base,
    // PBL 9 kap. 42 a §: a startbesked alone is not enough; the wait after the announcement must have run too.
    start: !c.startApprovedAt
      ? { kind: 'waitForStartbesked', weeks: ruleSet.afterDecision.startWaitWeeks, earliestStart }
      : earliestStart
        ? { kind: 'mayStart', from: later(dayOf(c.startApprovedAt), earliestStart) }
        : { kind: 'waitForAnnouncement', weeks: ruleSet.afterDecision.startWaitWeeks },
    legalForce: c.notice ? { on: c.notice.legalForceOn, uncertain: c.notice.uncertain } : null,
    validity: c.notice?.lapses ?? null,
  };
}
