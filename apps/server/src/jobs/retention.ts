import { lt } from 'drizzle-orm';
import type { Db } from '../db/database';
import { attachments, caseDocuments, drafts } from '../db/schema';
import { deleteDrafts } from '../repositories/drafts';
import type { AttachmentStore } from '../attachments/store';

/**
 * Deletes drafts nobody has touched for `maxAgeDays`: personal data kept no longer than needed. Cases and
 * their events are public records under archiving law and are never touched here.
 */
export async function purgeStaleDrafts(db: Db, now: Date, maxAgeDays: number): Promise<number> {
  const cutoff = new Date(now.getTime() - maxAgeDays * 86_400_000);
  return deleteDrafts(db, lt(drafts.updatedAt, cutoff), now);
}

/**
 * How long a file may sit in the store with no row pointing at it before the sweep removes it. An upload writes
 * the file first and inserts its row after (milliseconds later, on this server or another sharing the store);
 * a day also leaves room for servers' clocks to disagree.
 */
export const ORPHAN_GRACE_MS = 24 * 3_600_000;

export interface SweepResult {
  /** Files in the store. */
  files: number;
  /** Files past the grace period that an attachment or case document row points at: kept. */
  referenced: number;
  /** Files written within the grace period with no row (yet): kept. */
  young: number;
  /** Files no row points at, older than the grace period: removed. */
  removed: number;
}

/** Every SHA-256 a row points at: draft and case attachments, and the documents issued on cases. */
async function referencedHashes(db: Db): Promise<Set<string>> {
  const [files, documents] = await Promise.all([
    db.selectDistinct({ sha256: attachments.sha256 }).from(attachments),
    db.selectDistinct({ sha256: caseDocuments.sha256 }).from(caseDocuments),
  ]);
  return new Set([...files, ...documents].map((r) => r.sha256));
}

/**
 * Removes the store's files that no row points at any more (a purged draft's, a replaced or removed upload's),
 * but never one written within `graceMs` of `now`: an upload under way has its file before its row. Safe on
 * every instance at once. The store is listed before the rows are read, so a row inserted before that read is
 * seen; bytes uploaded again after it get a fresh file, which `delete` checks for and leaves.
 */
export async function sweepUnreferencedFiles(
  db: Db,
  store: AttachmentStore,
  now: Date,
  graceMs = ORPHAN_GRACE_MS,
): Promise<SweepResult> {
  const writtenBefore = new Date(now.getTime() - graceMs);
  const result: SweepResult = { files: 0, referenced: 0, young: 0, removed: 0 };
  const old: string[] = [];
  for await (const file of store.list()) {
    result.files += 1;
    if (file.modifiedAt.getTime() < writtenBefore.getTime()) old.push(file.sha256);
    else result.young += 1;
  }
  if (old.length === 0) return result;
  const referenced = await referencedHashes(db);
  for (const sha of old) {
    if (referenced.has(sha)) result.referenced += 1;
    else if (await store.delete(sha, writtenBefore)) result.removed += 1;
    else result.young += 1; // written again since the listing (or another instance's sweep removed it first)
  }
  return result;
}

/** The retention job: stale drafts (and their attachment rows), then the files no row points at any more. */
export async function runRetention(db: Db, store: AttachmentStore, now: Date, draftRetentionDays: number) {
  const drafts = await purgeStaleDrafts(db, now, draftRetentionDays);
  const files = await sweepUnreferencedFiles(db, store, now);
  return { drafts, files };
}
