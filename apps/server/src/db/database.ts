import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction of Db, as `db.transaction(async (tx) => …)` hands it over. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** PostgreSQL's unique_violation, as node-postgres and PGlite report it (possibly wrapped by Drizzle). */
export function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === '23505') return true;
  return false;
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** The PostgreSQL pool's connections (the embedded database has none). */
  poolStats(): { total: number; idle: number; waiting: number } | null;
  /** SQL statements this process has sent through Drizzle since it opened the database (BEGIN and COMMIT too). */
  statements(): number;
  close(): Promise<void>;
  /** The embedded engine, when it is one (tests dump it as a template). */
  pglite?: PGlite;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** `dataDir` undefined = in memory; `loadDataDir` restores a dumped template (tests). */
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob | File };

/** Any fixed number will do: it names Lovisa's migration lock among the server's advisory locks. */
const MIGRATION_LOCK = 0x4c6f7669; // "Lovi"

/**
 * Applies the migrations under a session advisory lock, so however many instances start together, one migrates
 * and the others wait, then find nothing left to do. The lock is held by a connection of its own and released
 * whatever happens (a connection that dies releases it too). Outside the pool, so a pool of one still migrates.
 */
async function migrateOnce(pool: pg.Pool, url: string) {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg(pool), { migrationsFolder });
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}

/**
 * Counts statements for the metrics and the bench: only a number, never the SQL text or its parameters (a
 * parameter may be a personnummer).
 */
function statementCounter() {
  let n = 0;
  return { logger: { logQuery: () => void n++ }, statements: () => n };
}

/** Opens the database and applies the migrations: one set of SQL for PGlite and PostgreSQL. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const counter = statementCounter();
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
    // A dropped idle connection must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema, logger: counter.logger }) as unknown as Db;
    await migrateOnce(pool, config.url);
    return {
      db,
      kind: 'postgres',
      ping: async () => void (await pool.query('select 1')),
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      statements: counter.statements,
      close: () => pool.end(),
    };
  }
  if (config.dataDir) await mkdir(config.dataDir, { recursive: true });
  const client = await PGlite.create({
    // Trigram indexes serve the officer queue's search (migration 0010 creates the extension; a PostgreSQL
    // server ships it in its contrib package).
    extensions: { pg_trgm },
    ...(config.dataDir ? { dataDir: config.dataDir } : {}),
    ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema, logger: counter.logger }) as unknown as Db;
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  return {
    db,
    kind: 'pglite',
    ping: async () => void (await db.execute(sql`select 1`)),
    poolStats: () => null,
    statements: counter.statements,
    close: () => client.close(),
    pglite: client,
  };
}
