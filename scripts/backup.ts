/**
 * `npm run backup -- <dir>` writes a backup of the database and the attachment files into <dir>;
 * `npm run restore -- <dir> [--force]` puts one back. DATA_DIR and DATABASE_URL as for the server. With the
 * embedded database, stop the server first (its directory belongs to one process). See docs/operations.md.
 */
import path from 'node:path';
import { configuredAttachmentStore } from '../apps/server/src/attachments/configured';
import { backup, restore, type BackupTarget } from '../apps/server/src/backup/backup';
import { loadConfig } from '../apps/server/src/config';

const [command, dir, ...flags] = process.argv.slice(2);
if ((command !== 'backup' && command !== 'restore') || !dir) {
  process.stderr.write('usage: backup.ts backup <dir> | restore <dir> [--force]\n');
  process.exit(2);
}
const config = loadConfig();
// The files are read from (and restored into) the store the server uses: the S3 bucket when S3_BUCKET is set.
const attachments = await configuredAttachmentStore(config);
const target: BackupTarget = {
  kind: config.databaseUrl ? 'postgres' : 'pglite',
  pgliteDir: path.join(config.dataDir, 'pglite'),
  databaseUrl: config.databaseUrl,
  store: attachments.store,
};
try {
  const manifest =
    command === 'backup' ? await backup(target, dir) : await restore(target, dir, { force: flags.includes('--force') });
  const rows = Object.entries(manifest.rows)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  process.stdout.write(
    `${command === 'backup' ? 'backed up' : 'restored'} (${manifest.kind}): ${rows}; files ${manifest.files}\n`,
  );
} catch (err) {
  process.stderr.write(`${command} failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
} finally {
  attachments.close();
}
