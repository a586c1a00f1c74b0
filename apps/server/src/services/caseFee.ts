import type { FastifyInstance } from 'fastify';
import {
  FeeDecisionSchema,
  caseClock,
  estimateFee,
  reducedFee,
  stockholmDate,
  withDecision,
  type ApplicationSubmission,
  type CaseEvent,
  type CaseFee,
  type FeeDecision,
  type MeasureType,
} from '@lovisa/domain';
import { polygonArea } from '@lovisa/geo';
import { clockFactsOf, type CaseRow } from '../repositories/cases';

/** The area the fee schedule prices: gross floor area for an extension, the footprints' area otherwise. */
export function pricedArea(application: ApplicationSubmission): number {
  const drawn = application.footprints.reduce((s, f) => s + polygonArea(f.geometry), 0);
  return application.measure === 'extension' ? (application.details.grossFloorAreaM2 ?? drawn) : drawn;
}

/** The officer's latest fee decision on the case, if any. */
export function feeDecisionOf(events: CaseEvent[]): FeeDecision | null {
  const last = events.findLast((e) => e.type === 'feeDecided');
  if (!last) return null;
  const parsed = FeeDecisionSchema.safeParse({ ...last.data, by: last.actor, at: last.at });
  return parsed.success ? parsed.data : null;
}

/**
 * The fee a decision on the case states: the municipality's schedule for its procedure, measure, area and
 * neighbours, the officer's own sum where they decided one, and the reduction for a late decision as of
 * `decidedOn` (a decided case's own day). Null without a schedule: the fee is then decided outside Lovisa.
 */
export async function caseFeeOf(
  app: FastifyInstance,
  row: CaseRow,
  events: CaseEvent[],
  at: Date,
): Promise<(CaseFee & { overdueWeeks: number }) | null> {
  const schedule = app.config.feeSchedule;
  if (!schedule) return null;
  const application = row.application as ApplicationSubmission;
  const neighbours = row.deviation ? (await app.registers.land.neighbourIdsOf(row.propertyId)).length : 0;
  const areaM2 = pricedArea(application);
  const estimate = estimateFee(schedule, {
    procedure: row.procedure as 'permit' | 'notification',
    measure: row.measure as MeasureType,
    areaM2,
    deviation: row.deviation,
    neighbours,
  });
  const facts = clockFactsOf(row);
  const clock = caseClock(facts.decidedOn ? facts : withDecision(facts, stockholmDate(at)), at);
  const decision = feeDecisionOf(events);
  const totalSEK = decision?.totalSEK ?? estimate.totalSEK;
  return {
    lines: estimate.lines,
    scheduleTotalSEK: estimate.totalSEK,
    decision,
    totalSEK,
    reduction: clock.feeReduction,
    overdueWeeks: clock.overdueWeeksStarted,
    payableSEK: reducedFee(totalSEK, clock.feeReduction),
    schedule: estimate.schedule,
    example: estimate.example,
    neighbours,
    areaM2: Math.round(areaM2 * 10) / 10,
  };
}
