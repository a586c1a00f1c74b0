import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { QueueQuerySchema } from '@lovisa/domain';
import { createTestDatabase, dbKinds, type TestDatabase } from './test/databases';
import { queueOfTeam } from './repositories/cases';

const teams = ['bygglov', 'landsbygd', 'stora'];
const statuses = ['received', 'awaitingCompletion', 'decided', 'withdrawn'];

/**
 * The queue's totals come from `queue_counts`, which triggers on `cases` keep (migration 0012). Whatever writes
 * the cases — one at a time, in bulk, moving them between statuses and teams, at once from several connections —
 * the counts must equal a plain count.
 */
describe.each(dbKinds)('queue counts on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
  /** "team/status" → n, from the counters and from the cases themselves; zero counters left out. */
  const kept = async () =>
    Object.fromEntries(
      (
        await rows<{ k: string; n: number }>(
          sql`select team_id || '/' || status as k, n from queue_counts where n <> 0 order by 1`,
        )
      ).map((r) => [r.k, Number(r.n)]),
    );
  const actual = async () =>
    Object.fromEntries(
      (
        await rows<{ k: string; n: number }>(
          sql`select team_id || '/' || status as k, count(*)::int as n from cases group by 1 order by 1`,
        )
      ).map((r) => [r.k, Number(r.n)]),
    );

  /** Cases numbered from..to, spread over the teams and statuses by their number. */
  const insertCases = (from: number, to: number) =>
    t.database.db.execute(sql`
      insert into cases (id, diary_number, applicant_personnummer, applicant_name, property_id, property_designation, measure,
        application, status, team_id, received_at, decision_deadline)
      select gen_random_uuid(), 'BN 2026-' || lpad(i::text, 6, '0'), '194910071301', 'Test Testsson', gen_random_uuid(),
        'Kjellstavik Eken 1:' || i, 'outbuilding', '{}'::jsonb,
        (${sql.raw(`array['${statuses.join("','")}']`)})[1 + i % 4], (${sql.raw(`array['${teams.join("','")}']`)})[1 + (i / 4) % 3],
        now(), current_date + 70
      from generate_series(${from}::int, ${to}::int) as i`);

  it('counts cases inserted one by one and in bulk', async () => {
    await insertCases(1, 1);
    await insertCases(2, 2);
    await insertCases(3, 1200);
    const counts = await kept();
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1200);
    expect(counts).toEqual(await actual());
  });

  it('moves a case between counters when its status or team changes, and not when anything else does', async () => {
    await t.database.db.execute(
      sql`update cases set status = 'decided' where status = 'received' and diary_number like '%1'`,
    );
    await t.database.db.execute(
      sql`update cases set team_id = 'stora' where team_id = 'landsbygd' and diary_number like '%2'`,
    );
    await t.database.db.execute(
      sql`update cases set team_id = 'bygglov', status = 'withdrawn' where diary_number like '%3'`,
    );
    // Neither status nor team: no counter is touched (nor locked).
    await t.database.db.execute(
      sql`update cases set applicant_name = 'Någon Annan', status = status where diary_number like '%4'`,
    );
    expect(await kept()).toEqual(await actual());
  });

  it('lets cases go', async () => {
    await t.database.db.execute(sql`delete from cases where diary_number like '%5'`);
    expect(await kept()).toEqual(await actual());
  });

  it('stays right, without deadlocks, with many connections moving cases in opposite directions at once', async () => {
    const ids = (
      await rows<{ id: string }>(sql`select id from cases where team_id = 'bygglov' order by diary_number limit 80`)
    ).map((r) => r.id);
    await t.database.db.execute(
      sql`update cases set status = case when id in ${sql.raw(`('${ids.slice(0, 40).join("','")}')`)} then 'received' else 'decided' end where id in ${sql.raw(`('${ids.join("','")}')`)}`,
    );
    // As the application changes cases (repositories/cases.ts changeCase): one case per transaction, the update
    // first and more work after it, so each transaction holds its two counters for a while. Half go received →
    // decided, half decided → received: without the counters locked in key order these deadlock.
    await Promise.all(
      ids.map((id, i) =>
        t.database.db.transaction(async (tx) => {
          await tx.execute(sql`update cases set status = ${i < 40 ? 'decided' : 'received'} where id = ${id}`);
          await tx.execute(sql`select pg_sleep(0.005)`);
        }),
      ),
    );
    expect(await kept()).toEqual(await actual());
  });

  it('gives the queue the same total as counting would, with and without filters', async () => {
    const counted = async (where: ReturnType<typeof sql>) =>
      Number((await rows<{ n: number }>(sql`select count(*)::int as n from cases where ${where}`))[0]!.n);
    const total = async (q: Record<string, string>) =>
      (await queueOfTeam(t.database.db, 'bygglov', QueueQuerySchema.parse(q), '194910071301', new Date())).total;
    expect(await total({})).toBe(await counted(sql`team_id = 'bygglov'`));
    expect(await total({ status: 'received' })).toBe(await counted(sql`team_id = 'bygglov' and status = 'received'`));
    expect(await total({ status: 'received', q: 'Eken 1:1' })).toBe(
      await counted(sql`team_id = 'bygglov' and status = 'received' and property_designation ilike '%Eken 1:1%'`),
    );
    expect(await total({ scope: 'unassigned' })).toBe(
      await counted(
        sql`team_id = 'bygglov' and assigned_to is null and status in ('received', 'awaitingCompletion', 'proposed')`,
      ),
    );
    expect(await total({ status: 'received' })).toBeGreaterThan(0);
  });
});
