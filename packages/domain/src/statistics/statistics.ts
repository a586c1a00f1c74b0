import { z } from 'zod';
import { MeasureTypeSchema } from '../measure';
import { ProcedureSchema } from '../case/schemas';
import { daysBetween } from '../rules/clock';
import type { DomainMessageId } from '../messages/sv';

/**
 * Statistics for officers and the committee (issue #25), defined here so the server's SQL, the page and the
 * CSV agree on what is counted. docs/statistics.md says the same in prose, with the sources.
 *
 * - A case counts in the period of its **decision day** (Stockholm date) for handling figures, and in the
 *   month of its **receipt day** for received volumes.
 * - **Handling time** is counted as PBL 9 kap. 27 § counts it: from the day the time started to run (receipt,
 *   or the answer to an order to complete issued within the window: rules/clock.ts statutoryClock) to the
 *   decision day, in calendar days. A case decided while an order issued in time still awaited its answer never
 *   had a running clock: it counts as decided, never in handling time or the share within time.
 * - **Stopped-clock days**: days from receipt to the day the time started to run, the days the law does not count.
 * - **Fee reduction** (12 kap. 8 a §): the share the decision's fee fell by, as the decision recorded it. A
 *   dismissal carries no fee, so it never counts as a reduction given.
 * - Median and 90th percentile interpolate between neighbouring values (PostgreSQL's `percentile_cont`): see
 *   `percentile` below, the same definition in TypeScript.
 */

/** The longest period one request may cover: ten years of cases is still one query; more is a mistake. */
export const STATISTICS_MAX_DAYS = 3660;

const id = (messageId: DomainMessageId) => messageId;

export const StatisticsPeriodSchema = z
  .object({
    from: z.iso.date({ error: id('form.statistics.date') }),
    to: z.iso.date({ error: id('form.statistics.date') }),
  })
  .refine((p) => p.from <= p.to, { message: id('form.statistics.order'), path: ['to'] })
  .refine((p) => p.from > p.to || daysBetween(p.from, p.to) <= STATISTICS_MAX_DAYS, {
    message: id('form.statistics.tooLong'),
    path: ['from'],
  });
export type StatisticsPeriod = z.infer<typeof StatisticsPeriodSchema>;

/** What the page shows before the officer picks: the calendar year so far. */
export function defaultStatisticsPeriod(today: string): StatisticsPeriod {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** One procedure, for one team or (teamId null) for all teams together. */
export const HandlingRowSchema = z.object({
  procedure: ProcedureSchema,
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  decided: z.number().int().nonnegative(),
  /** Decisions on which the statutory time ran (the application became complete). */
  timed: z.number().int().nonnegative(),
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
  withinLimit: z.number().int().nonnegative(),
  /** withinLimit / timed; null when nothing was timed. */
  withinLimitShare: z.number().min(0).max(1).nullable(),
  stoppedDaysMean: z.number().nullable(),
  completionRequests: z.number().int().nonnegative(),
  completionRequestsPerCase: z.number().nullable(),
  feeReductions: z.number().int().nonnegative(),
  /** Mean share of the fee that fell away, over the decisions with a reduction. */
  feeReductionMean: z.number().min(0).max(1).nullable(),
});
export type HandlingRow = z.infer<typeof HandlingRowSchema>;

export const HandlingStatisticsSchema = z.object({ period: StatisticsPeriodSchema, rows: z.array(HandlingRowSchema) });
export type HandlingStatistics = z.infer<typeof HandlingStatisticsSchema>;

export const VolumeRowSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  measure: MeasureTypeSchema,
  received: z.number().int().nonnegative(),
  decided: z.number().int().nonnegative(),
});
export type VolumeRow = z.infer<typeof VolumeRowSchema>;

export const VolumeStatisticsSchema = z.object({ period: StatisticsPeriodSchema, rows: z.array(VolumeRowSchema) });
export type VolumeStatistics = z.infer<typeof VolumeStatisticsSchema>;

/** The same interpolated percentile as PostgreSQL's `percentile_cont(p)`: position p·(n−1) in the sorted values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lower = Math.floor(pos);
  const upper = Math.ceil(pos);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (pos - lower);
}

/** A share in the interval [0, 1], or null for nothing to divide by. */
export const shareOf = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The tables a CSV can be had of: one per concept, as the page shows them. */
export const StatisticsTableSchema = z.enum(['handling', 'volumes', 'boverket']);
export type StatisticsTable = z.infer<typeof StatisticsTableSchema>;

const fileStem: Record<StatisticsTable, string> = {
  handling: 'handlaggningstider',
  volumes: 'volymer',
  boverket: 'boverket-plan-och-byggenkat',
};
export const statisticsFileName = (table: StatisticsTable, p: StatisticsPeriod) =>
  `lovisa-${fileStem[table]}-${p.from}-${p.to}.csv`;
