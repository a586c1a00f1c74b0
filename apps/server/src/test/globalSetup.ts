import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PGLITE_TEMPLATE_PATH = fileURLToPath(new URL('../../../../.tmp/pglite-template.tgz', import.meta.url));

/** Migrates one PGlite per test run and dumps it: each test file then loads the dump instead of running initdb. */
export default async function setup() {
  const { openDatabase } = await import('../db/database');
  const database = await openDatabase({ kind: 'pglite' });
  const dump = await database.pglite!.dumpDataDir('gzip');
  await mkdir(path.dirname(PGLITE_TEMPLATE_PATH), { recursive: true });
  await writeFile(PGLITE_TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}
