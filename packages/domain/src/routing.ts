import { z } from 'zod';
import { MeasureTypeSchema, type MeasureType } from './measure';
import type { Evaluation } from './rules/evaluate';

/**
 * A routing rule as kept in the fixtures: the first rule whose every condition holds names the team. Rules
 * read the assessment, so a deviation or a site outside the plan reaches the officers who handle those.
 */
export const RoutingRuleSchema = z.object({
  teamId: z.string(),
  measures: z.array(MeasureTypeSchema).optional(),
  outcomes: z.array(z.enum(['permit', 'notification'])).optional(),
  settings: z.array(z.enum(['insidePlan', 'outsidePlan'])).optional(),
  deviation: z.boolean().optional(),
  reason: z.string(),
});
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;

export interface RoutingFacts {
  measure: MeasureType;
  /** From the rules engine; absent for cases received before it judged them. */
  outcome?: 'permit' | 'notification';
  setting?: 'insidePlan' | 'outsidePlan';
  deviation?: boolean;
}

export interface RoutingDecision {
  teamId: string;
  reason: string;
}

const holds = <T>(allowed: T[] | undefined, value: T | undefined) =>
  !allowed || (value !== undefined && allowed.includes(value));

/** Picks the team for a new case; falls back to the default team, saying so. */
export function routeCase(facts: RoutingFacts, rules: RoutingRule[], defaultTeamId: string): RoutingDecision {
  const rule = rules.find(
    (r) =>
      holds(r.measures, facts.measure) &&
      holds(r.outcomes, facts.outcome) &&
      holds(r.settings, facts.setting) &&
      (r.deviation === undefined || r.deviation === (facts.deviation ?? false)),
  );
  return rule
    ? { teamId: rule.teamId, reason: rule.reason }
    : { teamId: defaultTeamId, reason: 'Standardgrupp: ingen regel matchade.' };
}

/** The facts routing reads, from the rules engine's verdict on the application. */
export function routingFacts(
  measure: MeasureType,
  evaluation: Pick<Evaluation, 'assessment' | 'compliance'>,
): RoutingFacts {
  const a = evaluation.assessment;
  return {
    measure,
    ...(a && a.outcome !== 'none' ? { outcome: a.outcome } : {}),
    ...(a
      ? {
          setting: a.context.some((c) => c.code === 'INSIDE_PLAN') ? ('insidePlan' as const) : ('outsidePlan' as const),
        }
      : {}),
    deviation: evaluation.compliance?.deviation ?? false,
  };
}
