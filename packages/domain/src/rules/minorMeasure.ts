import { z } from 'zod';
import { overlapArea, type Polygon } from '@lovisa/geo';
import { AttachmentTypeSchema, type AttachmentType } from '../attachment';
import {
  MinorMeasureTypeSchema,
  type FlagFact,
  type MinorMeasureFact,
  type MinorMeasureFacts,
  type MinorMeasureType,
  type NumericFact,
} from '../measures/kinds';
import { finding, type Finding, type FindingCode } from './findings';
import type { PermitOutcome } from './permitNeed';
import type { FeeSchedule } from './fees';
import type { Setting } from './ruleSet';
import type { Site } from './site';

const NumericLimits = z.partialRecord(
  z.enum(['heightM', 'distanceFromHouseM', 'distanceToBoundaryM', 'distanceToPublicLandM', 'areaM2', 'groundChangeM']),
  z.number().nonnegative(),
);

/**
 * One line of a measure's rule table. Lines are tried in order; the first whose every condition holds decides.
 * `atMost` reads "fact ≤ value", `above` "fact > value", `atLeast` "fact ≥ value", `below` "fact < value".
 * Every fact a condition reads must be given: one that is not (a distance to a street nobody measured) is never
 * taken as far away, and a stricter line it leaves unread keeps the answer on the law's safe side.
 */
export const MeasureClauseSchema = z.object({
  when: z.object({
    setting: z.enum(['insidePlan', 'outsidePlan']).optional(),
    /** Outside a plan and outside clustered settlement (PBL 9 kap. 6 §). */
    rural: z.boolean().optional(),
    /** In an especially valuable built environment (PBL 8 kap. 13 §, a plan's q or områdesbestämmelser). */
    valuableArea: z.boolean().optional(),
    defenceInterest: z.boolean().optional(),
    flags: z
      .partialRecord(
        z.enum(['neighbourConsent', 'changesCharacter', 'followsRoofShape', 'oneOrTwoFamily']),
        z.boolean(),
      )
      .optional(),
    demolishes: z.enum(['main', 'outbuilding']).optional(),
    atMost: NumericLimits.optional(),
    above: NumericLimits.optional(),
    atLeast: NumericLimits.optional(),
    below: NumericLimits.optional(),
  }),
  outcome: z.enum(['none', 'notification', 'permit']),
  /** Which application a permit outcome is: bygglov, rivningslov, marklov or förhandsbesked. */
  permitKind: z.enum(['bygglov', 'rivningslov', 'marklov', 'forhandsbesked']).optional(),
  reason: z.string(),
  /** What must hold for a permit-free outcome to stand (a neighbour's written consent, say). */
  conditions: z.array(z.string()).default([]),
  uncertain: z.boolean().default(false),
  note: z.string().optional(),
  /** The law text (SFS, chapter and section) or, where it was not read, the secondary source. */
  source: z.string(),
});
export type MeasureClause = z.infer<typeof MeasureClauseSchema>;

/** A table line with its defaults written out, as the rule sets hold them (ruleSets.test.ts checks every set). */
export const line = (c: z.input<typeof MeasureClauseSchema>): MeasureClause => ({
  ...c,
  conditions: c.conditions ?? [],
  uncertain: c.uncertain ?? false,
});

export const MinorMeasureRuleSchema = z.object({
  /** Whether a position on the map matters (a fence near the boundary) or not (a stove inside the house). */
  needsDrawing: z.boolean(),
  /** Facts the applicant is asked for; the clauses read no others. */
  asks: z.array(z.string()),
  clauses: z.array(MeasureClauseSchema).min(1),
  /** Documents a complete application carries, per procedure. */
  attachments: z.object({
    permit: z.array(AttachmentTypeSchema),
    notification: z.array(AttachmentTypeSchema),
  }),
  /** Example fee in thousandths of the price base amount, per procedure; the municipality's taxa decides. */
  feePermille: z.object({ permit: z.number().nonnegative(), notification: z.number().nonnegative() }),
});
export type MinorMeasureRule = z.infer<typeof MinorMeasureRuleSchema>;

export const MinorMeasureRulesSchema = z.record(MinorMeasureTypeSchema, MinorMeasureRuleSchema);
export type MinorMeasureRules = z.infer<typeof MinorMeasureRulesSchema>;

/** Where a measure lies, as the tables read it. */
export interface MeasurePlace {
  setting: Setting;
  rural: boolean;
  valuableArea: boolean;
  defenceInterest: boolean;
}

/** The place facts of a site: a drawn measure is judged where it lies; one without a drawing on the whole plot. */
export function measurePlace(site: Site, geometry?: Polygon | null): MeasurePlace {
  const heritage = site.plan?.culturalHeritage ?? site.culturalHeritage ?? null;
  const touches = (p: Polygon) => (heritage ? overlapArea(p, heritage) > 0.01 : false);
  const plot = site.boundary.coordinates.map((c): Polygon => ({ type: 'Polygon', coordinates: c }));
  return {
    setting: site.plan ? 'insidePlan' : 'outsidePlan',
    rural: !site.plan && site.clusteredSettlement === false,
    valuableArea: geometry ? touches(geometry) : plot.some(touches),
    defenceInterest: site.defenceInterest === true,
  };
}

export interface MinorMeasureAssessment {
  ruleSetId: string;
  measure: MinorMeasureType;
  outcome: PermitOutcome;
  permitKind: 'bygglov' | 'rivningslov' | 'marklov' | 'forhandsbesked' | null;
  /** Summary first, then the line of the table that decided it. */
  reasons: Finding[];
  conditions: Finding[];
  confirmWithMunicipality: boolean;
  source: string;
  attachments: AttachmentType[];
  /** Facts a condition needed that the applicant has not given yet; the outcome waits for them. */
  missingFacts: MinorMeasureFact[];
}

function clauseHolds(
  clause: MeasureClause,
  place: MeasurePlace,
  facts: MinorMeasureFacts,
  missing: Set<MinorMeasureFact>,
): boolean {
  const w = clause.when;
  if (w.setting !== undefined && w.setting !== place.setting) return false;
  if (w.rural !== undefined && w.rural !== place.rural) return false;
  if (w.valuableArea !== undefined && w.valuableArea !== place.valuableArea) return false;
  if (w.defenceInterest !== undefined && w.defenceInterest !== place.defenceInterest) return false;
  if (w.demolishes !== undefined) {
    if (facts.demolishes === undefined) return missing.add('demolishes') && false;
    if (facts.demolishes !== w.demolishes) return false;
  }
  for (const [flag, want] of Object.entries(w.flags ?? {}) as [FlagFact, boolean][]) {
    // A house is a one- or two-dwelling house unless told otherwise: the residents Lovisa serves mostly live in one.
    const have = facts[flag] ?? (flag === 'oneOrTwoFamily' ? true : flag === 'neighbourConsent' ? false : undefined);
    if (have === undefined) return missing.add(flag) && false;
    if (have !== want) return false;
  }
  const compare = (limits: Partial<Record<NumericFact, number>> | undefined, ok: (v: number, l: number) => boolean) => {
    for (const [fact, limit] of Object.entries(limits ?? {}) as [NumericFact, number][]) {
      const v = facts[fact];
      if (v === undefined) return missing.add(fact) && false;
      if (!ok(v, limit)) return false;
    }
    return true;
  };
  return (
    compare(w.atMost, (v, l) => v <= l) &&
    compare(w.above, (v, l) => v > l) &&
    compare(w.atLeast, (v, l) => v >= l) &&
    compare(w.below, (v, l) => v < l)
  );
}

/** The limits a clause names, as `{fact}Limit` params beside the facts themselves, for the reason's text. */
function paramsOf(clause: MeasureClause, facts: MinorMeasureFacts) {
  const params: Record<string, number> = {};
  for (const group of [clause.when.atMost, clause.when.above, clause.when.atLeast, clause.when.below])
    for (const [fact, limit] of Object.entries(group ?? {})) params[`${fact}Limit`] = limit as number;
  for (const [fact, v] of Object.entries(facts)) if (typeof v === 'number') params[fact] = v;
  return params;
}

const summaryCode: Record<PermitOutcome, FindingCode> = {
  none: 'NO_PERMIT_NEEDED',
  notification: 'NOTIFICATION_REQUIRED',
  permit: 'PERMIT_REQUIRED',
};

const permitSummary: Record<'bygglov' | 'rivningslov' | 'marklov' | 'forhandsbesked', FindingCode> = {
  bygglov: 'PERMIT_REQUIRED',
  rivningslov: 'RIVNINGSLOV_REQUIRED',
  marklov: 'MARKLOV_REQUIRED',
  forhandsbesked: 'OUTLINE_DECISION_ADVISED',
};

/**
 * "Do I need a permit for this?" for a measure that is not a building: the rule set's table for the measure,
 * read top to bottom. Null outcome never happens: the last line of every table is unconditional, but when an
 * earlier line could not be read for want of a fact, `missingFacts` says so and the answer is provisional.
 */
export function assessMinorMeasure(
  measure: MinorMeasureType,
  facts: MinorMeasureFacts,
  place: MeasurePlace,
  rules: { id: string; minorMeasures: MinorMeasureRules },
): MinorMeasureAssessment {
  const rule = rules.minorMeasures[measure];
  const missing = new Set<MinorMeasureFact>();
  const clauses = rule.clauses;
  // The strictest line that could not be read for want of a fact: a milder line further down never overrules it.
  let unread: MeasureClause | null = null;
  let decided: MeasureClause | undefined;
  for (const clause of clauses) {
    const before = missing.size;
    if (clauseHolds(clause, place, facts, missing)) {
      decided = clause;
      break;
    }
    if (missing.size > before && (!unread || strictness[clause.outcome] > strictness[unread.outcome])) unread = clause;
  }
  decided ??= clauses.at(-1)!;
  if (unread && strictness[unread.outcome] > strictness[decided.outcome])
    return safeSide(measure, unread, rule, rules.id, [...missing]);
  const params = paramsOf(decided, facts);
  const reason = finding(decided.reason as FindingCode, params, decided.uncertain);
  const conditions = decided.conditions.map((c) => finding(c as FindingCode, params));
  const confirm = decided.uncertain;
  return {
    ruleSetId: rules.id,
    measure,
    outcome: decided.outcome,
    permitKind: decided.outcome === 'permit' ? (decided.permitKind ?? 'bygglov') : null,
    reasons: [
      summaryOf(decided),
      reason,
      ...(confirm && decided.note ? [finding('CONFIRM_WITH_MUNICIPALITY', { note: decided.note }, true)] : []),
    ],
    conditions,
    confirmWithMunicipality: confirm,
    source: decided.source,
    attachments: decided.outcome === 'none' ? [] : [...rule.attachments[decided.outcome]],
    missingFacts: [...missing],
  };
}

const strictness: Record<PermitOutcome, number> = { none: 0, notification: 1, permit: 2 };

const summaryOf = (clause: MeasureClause) =>
  finding(clause.outcome === 'permit' ? permitSummary[clause.permitKind ?? 'bygglov'] : summaryCode[clause.outcome]);

/**
 * A fact is missing and the line it would have decided is stricter than the one that holds without it: the answer
 * is that stricter line's (the law's safe side), to be confirmed with the municipality, until the fact is given.
 */
function safeSide(
  measure: MinorMeasureType,
  clause: MeasureClause,
  rule: MinorMeasureRule,
  ruleSetId: string,
  missingFacts: MinorMeasureFact[],
): MinorMeasureAssessment {
  return {
    ruleSetId,
    measure,
    outcome: clause.outcome,
    permitKind: clause.outcome === 'permit' ? (clause.permitKind ?? 'bygglov') : null,
    reasons: [summaryOf(clause), finding('MEASURE_FACT_UNKNOWN', {}, true)],
    conditions: [],
    confirmWithMunicipality: true,
    source: clause.source,
    attachments: clause.outcome === 'none' ? [] : [...rule.attachments[clause.outcome]],
    missingFacts,
  };
}

/**
 * The example fee of a measure's procedure, in whole kronor; nothing when nothing is applied for. The price base
 * amount is the municipality's fee schedule's (the one the building measures' fees use), never a figure of a view.
 */
export function minorMeasureFee(
  rule: MinorMeasureRule,
  outcome: PermitOutcome,
  schedule: Pick<FeeSchedule, 'priceBaseAmountSEK'>,
): number {
  return outcome === 'none' ? 0 : Math.round((rule.feePermille[outcome] / 1000) * schedule.priceBaseAmountSEK);
}
