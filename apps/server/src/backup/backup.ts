import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { fileAttachmentStore, type AttachmentStore } from '../attachments/store';

const run = promisify(execFile);

/**
 * A backup of everything Lovisa keeps: the database (the embedded one as PGlite's data-directory dump, a
 * PostgreSQL server's with pg_dump) and the attachment store's files (drawings, consents, decision PDFs),
 * copied through the store's interface so any store can be backed up. The manifest records the row counts a
 * restore must find again.
 */
export interface BackupTarget {
  kind: 'pglite' | 'postgres';
  /** The embedded database's directory (DATA_DIR/pglite), or the server's URL. */
  pgliteDir?: string;
  databaseUrl?: string;
  store: AttachmentStore;
}

export interface Manifest {
  format: 1;
  kind: 'pglite' | 'postgres';
  createdAt: string;
  rows: Record<(typeof COUNTED)[number], number>;
  files: number;
}

/** The tables whose rows a restore is checked against (the rest follow them). */
const COUNTED = ['drafts', 'cases', 'case_events', 'attachments', 'case_documents', 'messages', 'outbox'] as const;
const PGLITE_DUMP = 'database.pglite.tar.gz';
const PG_DUMP = 'database.pgdump';

type Query = (sql: string) => Promise<{ rows: Record<string, unknown>[] }>;

async function countRows(query: Query): Promise<Manifest['rows']> {
  const rows = {} as Manifest['rows'];
  for (const table of COUNTED) {
    const r = await query(`select count(*)::int as n from ${table}`);
    rows[table] = Number(r.rows[0]!.n);
  }
  return rows;
}

async function withDatabase<T>(target: BackupTarget, use: (query: Query) => Promise<T>): Promise<T> {
  if (target.kind === 'postgres') {
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    try {
      return await use((sql) => client.query(sql));
    } finally {
      await client.end();
    }
  }
  const db = await PGlite.create({ dataDir: target.pgliteDir!, extensions: { pg_trgm } });
  try {
    return await use((sql) => db.query(sql) as Promise<{ rows: Record<string, unknown>[] }>);
  } finally {
    await db.close();
  }
}

async function copyFiles(from: AttachmentStore, to: AttachmentStore): Promise<number> {
  let n = 0;
  for await (const file of from.list()) {
    const bytes = await from.getStream(file.sha256);
    if (!bytes) continue; // swept between the listing and the read
    const { sha256: stored } = await to.putStream(bytes);
    if (stored !== file.sha256) throw new Error(`file ${file.sha256} is damaged: its bytes hash to ${stored}`);
    n++;
  }
  return n;
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

/** Writes a backup into `outDir` (created; must be empty). With the embedded database the server must be stopped. */
export async function backup(target: BackupTarget, outDir: string): Promise<Manifest> {
  await mkdir(outDir, { recursive: true });
  if ((await readdir(outDir)).length > 0) throw new Error(`${outDir} is not empty`);
  let rows: Manifest['rows'];
  if (target.kind === 'postgres') {
    rows = await withDatabase(target, countRows);
    await run('pg_dump', ['--format=custom', '--no-owner', '--file', path.join(outDir, PG_DUMP), target.databaseUrl!]);
  } else {
    if (!(await exists(target.pgliteDir!))) throw new Error(`no database at ${target.pgliteDir}`);
    const db = await PGlite.create({ dataDir: target.pgliteDir!, extensions: { pg_trgm } });
    try {
      rows = await countRows((sql) => db.query(sql) as Promise<{ rows: Record<string, unknown>[] }>);
      const dump = await db.dumpDataDir('gzip');
      await writeFile(path.join(outDir, PGLITE_DUMP), Buffer.from(await dump.arrayBuffer()));
    } finally {
      await db.close();
    }
  }
  const files = await copyFiles(target.store, fileAttachmentStore(path.join(outDir, 'attachments')));
  const manifest: Manifest = { format: 1, kind: target.kind, createdAt: new Date().toISOString(), rows, files };
  await writeFile(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Restores a backup into an empty target: the embedded database's directory must not exist (with `force`, an
 * existing one is moved aside, never deleted), a PostgreSQL database must hold no cases (with `force`, its
 * objects are replaced). Afterwards the row counts must equal the manifest's, or the restore says so.
 */
export async function restore(
  target: BackupTarget,
  fromDir: string,
  opts: { force?: boolean } = {},
): Promise<Manifest> {
  const manifest = JSON.parse(await readFile(path.join(fromDir, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.format !== 1) throw new Error(`unknown backup format ${String(manifest.format)}`);
  if (manifest.kind !== target.kind)
    throw new Error(`this backup is of ${manifest.kind}; the target is ${target.kind} (restore it into the same kind)`);
  if (target.kind === 'postgres') {
    const occupied = await withDatabase(target, async (q) => {
      const t = await q(`select to_regclass('public.cases') is not null as has`);
      return t.rows[0]!.has === true && Number((await q('select count(*)::int as n from cases')).rows[0]!.n) > 0;
    });
    if (occupied && !opts.force)
      throw new Error('the target database already holds cases; restore with --force to replace them');
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--dbname',
      target.databaseUrl!,
      path.join(fromDir, PG_DUMP),
    ]);
  } else {
    const dir = target.pgliteDir!;
    if (await exists(dir)) {
      if (!opts.force) throw new Error(`${dir} exists; restore with --force to move it aside first`);
      await rename(dir, `${dir}.before-restore-${Date.now()}`);
    }
    await mkdir(dir, { recursive: true });
    const dump = new Blob([await readFile(path.join(fromDir, PGLITE_DUMP))]);
    const db = await PGlite.create({ dataDir: dir, loadDataDir: dump, extensions: { pg_trgm } });
    await db.close();
  }
  const files = await copyFiles(fileAttachmentStore(path.join(fromDir, 'attachments')), target.store);
  const rows = await withDatabase(target, countRows);
  const differs = (Object.keys(manifest.rows) as (keyof Manifest['rows'])[]).filter(
    (t) => rows[t] !== manifest.rows[t],
  );
  if (differs.length > 0 || files !== manifest.files)
    throw new Error(
      `restored, but it does not match the backup: ${[...differs.map((t) => `${t} ${rows[t]} ≠ ${manifest.rows[t]}`), ...(files !== manifest.files ? [`files ${files} ≠ ${manifest.files}`] : [])].join(', ')}`,
    );
  return manifest;
}
