import { sql, type SQL } from 'drizzle-orm';
import {
  ruleSets,
  shareOf,
  type BoverketCounts,
  type DecisionOutcome,
  type HandlingRow,
  type MeasureType,
  type Procedure,
  type StatisticsPeriod,
  type VolumeRow,
} from '@lovisa/domain';
import type { Db } from '../db/database';

/**
 * Statistics by SQL (issue #25), the definitions in packages/domain/src/statistics. The same statements run on
 * PGlite and PostgreSQL: only standard aggregates, `percentile_cont` and `grouping sets`.
 */

type Row = Record<string, unknown>;
async function rows(db: Db, query: SQL): Promise<Row[]> {
  return ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
}
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const int = (v: unknown): number => Number(v ?? 0);

/** The Stockholm day of receipt and of decision: the clock's own facts, or the timestamps of a case from before. */
const received = sql`coalesce((cs.clock->>'received')::date, (cs.received_at at time zone 'Europe/Stockholm')::date)`;
const decidedOn = sql`coalesce((cs.clock->>'decidedOn')::date, (cs.decided_at at time zone 'Europe/Stockholm')::date)`;

/**
 * The clock's values of every rule set, from the domain: a case runs on the set in force on its receipt day
 * (case/clock.ts ruleSetOfCase), so a later change of the law never rewrites earlier figures.
 */
function ruleSetValues(): SQL {
  return sql.join(
    ruleSets.map(
      (r) =>
        sql`(${r.effectiveFrom}::date, ${r.clock.completionOrderWindowWeeks * 7}::int, ${r.clock.permitWeeks * 7}::int, ${r.clock.notificationWeeks * 7}::int, ${r.clock.maxExtensionWeeks.permit}::int, ${r.clock.maxExtensionWeeks.notification}::int)`,
    ),
    sql`, `,
  );
}

/**
 * One row per case decided in the period, with the statutory clock as rules/clock.ts statutoryClock runs it:
 * the time starts on receipt or on the latest answer to an order issued within the window; an order issued in
 * time and never answered means it never started; a valid extension (at most the set's weeks, decided before the
 * original limit) moves the deadline. The fee reduction is the one the `decided` event recorded.
 */
function decidedCases(period: StatisticsPeriod): SQL {
  return sql`
    with rs(effective_from, window_days, permit_days, notification_days, max_ext_permit, max_ext_notification) as (
      values ${ruleSetValues()}
    ),
    d as (
      select cs.id, cs.team_id, cs.procedure, cs.measure, cs.outcome,
        coalesce(cs.clock->'completionOrders', '[]'::jsonb) as orders_json,
        cs.clock->'extension' as extension,
        ${received} as received, ${decidedOn} as decided_on
      from cases cs
      where cs.status = 'decided' and ${decidedOn} between ${period.from}::date and ${period.to}::date
    ),
    k as (
      select d.*, r.*,
        jsonb_array_length(d.orders_json) as orders,
        (select bool_or(o->>'completedOn' is null) from jsonb_array_elements(d.orders_json) o
          where (o->>'issuedOn')::date - d.received <= r.window_days) as waiting,
        (select max((o->>'completedOn')::date) from jsonb_array_elements(d.orders_json) o
          where (o->>'issuedOn')::date - d.received <= r.window_days) as completed_on,
        (select (e.data->>'feeReduction')::float8 from case_events e
          where e.case_id = d.id and e.type = 'decided' order by e.id desc limit 1) as fee_reduction
      from d cross join lateral (
        select * from rs where rs.effective_from <= d.received order by rs.effective_from desc limit 1
      ) r
    ),
    s as (
      select k.*,
        case when coalesce(k.waiting, false) then null else coalesce(k.completed_on, k.received) end as starts_on,
        case when k.procedure = 'notification' then k.notification_days else k.permit_days end as limit_days,
        case when k.procedure = 'notification' then k.max_ext_notification else k.max_ext_permit end as max_ext_weeks
      from k
    ),
    t as (
      select s.*, s.starts_on + s.limit_days as original_deadline from s
    ),
    facts as (
      select t.*,
        t.original_deadline + case
          when jsonb_typeof(t.extension) = 'object'
            and (t.extension->>'weeks')::int between 1 and t.max_ext_weeks
            and (t.extension->>'decidedOn')::date <= t.original_deadline
          then (t.extension->>'weeks')::int * 7 else 0 end as deadline
      from t
    )`;
}

/** Handling figures by procedure and team, and by procedure for all teams (teamId null). */
export async function handlingStatistics(db: Db, period: StatisticsPeriod): Promise<HandlingRow[]> {
  const result = await rows(
    db,
    sql`${decidedCases(period)}
    select f.procedure, f.team_id, grouping(f.team_id) as all_teams,
      (select name from teams where teams.id = f.team_id) as team_name,
      count(*)::int as decided,
      count(f.starts_on)::int as timed,
      percentile_cont(0.5) within group (order by f.decided_on - f.starts_on)::float8 as median_days,
      percentile_cont(0.9) within group (order by f.decided_on - f.starts_on)::float8 as p90_days,
      count(*) filter (where f.decided_on <= f.deadline)::int as within_limit,
      avg(coalesce(f.starts_on, f.decided_on) - f.received)::float8 as stopped_days_mean,
      sum(f.orders)::int as completion_requests,
      avg(f.orders)::float8 as completion_requests_per_case,
      count(*) filter (where f.fee_reduction > 0 and f.outcome <> 'dismissed')::int as fee_reductions,
      avg(f.fee_reduction) filter (where f.fee_reduction > 0 and f.outcome <> 'dismissed')::float8 as fee_reduction_mean
    from facts f
    group by grouping sets ((f.procedure, f.team_id), (f.procedure))
    order by f.procedure desc, grouping(f.team_id), f.team_id`,
  );
  return result.map((r) => {
    const allTeams = int(r.all_teams) === 1;
    return {
      procedure: r.procedure as Procedure,
      teamId: allTeams ? null : (r.team_id as string),
      teamName: allTeams ? null : ((r.team_name as string | null) ?? (r.team_id as string)),
      decided: int(r.decided),
      timed: int(r.timed),
      medianDays: num(r.median_days),
      p90Days: num(r.p90_days),
      withinLimit: int(r.within_limit),
      withinLimitShare: shareOf(int(r.within_limit), int(r.timed)),
      stoppedDaysMean: num(r.stopped_days_mean),
      completionRequests: int(r.completion_requests),
      completionRequestsPerCase: num(r.completion_requests_per_case),
      feeReductions: int(r.fee_reductions),
      feeReductionMean: num(r.fee_reduction_mean),
    };
  });
}

/** Cases received and decided per month (of the Stockholm day) and measure. */
export async function volumeStatistics(db: Db, period: StatisticsPeriod): Promise<VolumeRow[]> {
  const result = await rows(
    db,
    sql`
    with c as (
      select cs.measure, ${received} as received,
        case when cs.status = 'decided' then ${decidedOn} end as decided_on
      from cases cs
    ),
    days as (
      select received as day, measure, 1 as rec, 0 as dec from c
        where received between ${period.from}::date and ${period.to}::date
      union all
      select decided_on, measure, 0, 1 from c
        where decided_on between ${period.from}::date and ${period.to}::date
    )
    select to_char(day, 'YYYY-MM') as month, measure, sum(rec)::int as received, sum(dec)::int as decided
    from days group by 1, 2 order by 1, 2`,
  );
  return result.map((r) => ({
    month: r.month as string,
    measure: r.measure as MeasureType,
    received: int(r.received),
    decided: int(r.decided),
  }));
}

/** The counts the Boverket export needs besides the handling figures. */
export async function boverketCounts(db: Db, period: StatisticsPeriod): Promise<Omit<BoverketCounts, 'handling'>> {
  const inPeriod = (day: SQL) => sql`${day} between ${period.from}::date and ${period.to}::date`;
  const [byProcedure, decided] = await Promise.all([
    rows(
      db,
      sql`select cs.procedure,
          count(*) filter (where ${inPeriod(received)})::int as received,
          count(*) filter (where cs.status = 'withdrawn'
            and ${inPeriod(sql`(cs.withdrawn_at at time zone 'Europe/Stockholm')::date`)})::int as withdrawn
        from cases cs group by cs.procedure`,
    ),
    rows(
      db,
      sql`select cs.procedure, cs.outcome, cs.measure, count(*)::int as n from cases cs
        where cs.status = 'decided' and ${inPeriod(decidedOn)} group by 1, 2, 3`,
    ),
  ]);
  const per = (column: string) => {
    const out: Record<Procedure, number> = { permit: 0, notification: 0 };
    for (const r of byProcedure) out[r.procedure as Procedure] = int(r[column]);
    return out;
  };
  return {
    received: per('received'),
    withdrawn: per('withdrawn'),
    decided: decided.map((r) => ({
      procedure: r.procedure as Procedure,
      outcome: r.outcome as DecisionOutcome,
      measure: r.measure as MeasureType,
      n: int(r.n),
    })),
  };
}
