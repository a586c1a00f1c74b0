import { z } from 'zod';
import { MeasureTypeSchema, type MeasureType } from './measure';

/** A routing rule as kept in the fixtures: the first matching rule names the team. */
export const RoutingRuleSchema = z.object({
  teamId: z.string(),
  measures: z.array(MeasureTypeSchema).optional(),
  reason: z.string(),
});
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;

export interface RoutingDecision {
  teamId: string;
  reason: string;
}

/** Picks the team for a new case; falls back to the default team, saying so. */
export function routeCase(application: { measure: MeasureType }, rules: RoutingRule[], defaultTeamId: string): RoutingDecision {
  const rule = rules.find((r) => !r.measures || r.measures.includes(application.measure));
  return rule ? { teamId: rule.teamId, reason: rule.reason } : { teamId: defaultTeamId, reason: 'Standardgrupp: ingen regel matchade.' };
}
