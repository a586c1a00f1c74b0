import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, dbKinds, type TestDatabase } from './test/databases';

/** The officer queue's search (`ILIKE '%…%'`, repositories/cases.ts queueOfTeam) can use the trigram index. */
describe.each(dbKinds)('queue search index on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await t?.drop();
  });

  const rows = async (query: ReturnType<typeof sql>) =>
    (await t.database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] };

  it('has pg_trgm and a GIN trigram index on diary number, designation and applicant name', async () => {
    expect((await rows(sql`select extname from pg_extension where extname = 'pg_trgm'`)).rows).toHaveLength(1);
    const [index] = (await rows(sql`select indexdef from pg_indexes where indexname = 'cases_search_trgm_idx'`)).rows;
    expect(String(index?.indexdef)).toMatch(
      /USING gin \(diary_number gin_trgm_ops, property_designation gin_trgm_ops, applicant_name gin_trgm_ops\)/,
    );
  });

  it.each(['diary_number', 'property_designation', 'applicant_name'])(
    'answers ILIKE %%…%% on %s from the index',
    async (column) => {
      // Without a sequential scan to fall back on, the planner must find an index that serves the pattern.
      await t.database.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        const plan = (await tx.execute(
          sql.raw(`explain select id from cases where ${column} ilike '%Eken 1:23%'`),
        )) as unknown as { rows: Record<string, unknown>[] };
        expect(plan.rows.map((r) => String(Object.values(r)[0])).join('\n')).toContain('cases_search_trgm_idx');
      });
    },
  );
});
