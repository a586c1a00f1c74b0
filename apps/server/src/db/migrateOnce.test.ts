import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { openDatabase } from './database';
import { emptyPostgresDatabase } from '../test/databases';

const adminUrl = process.env.TEST_DATABASE_URL;

/** Several instances starting together on one fresh PostgreSQL: one migrates, the rest wait and find it done. */
describe.skipIf(!adminUrl)('migrations when many instances start at once (PostgreSQL)', () => {
  it('applies each migration once while six instances open the same empty database', async () => {
    const empty = await emptyPostgresDatabase('lovisa_migrate');
    try {
      const opened = await Promise.allSettled(
        Array.from({ length: 6 }, () => openDatabase({ kind: 'postgres', url: empty.url, poolSize: 1 })),
      );
      const refusals = opened.filter((o) => o.status === 'rejected').map((o) => String(o.reason));
      expect(refusals).toEqual([]);
      const databases = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      try {
        const check = new pg.Client({ connectionString: empty.url });
        await check.connect();
        const { rows } = await check.query<{ hash: string; n: string }>(
          'select hash, count(*) as n from drizzle.__drizzle_migrations group by hash',
        );
        await check.end();
        expect(rows.length).toBeGreaterThan(10);
        expect(rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
        for (const d of databases) await d.ping();
      } finally {
        await Promise.all(databases.map((d) => d.close()));
      }
    } finally {
      await empty.drop();
    }
  });
});
