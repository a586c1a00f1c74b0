import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** One file in the store: its hash, and when its bytes were last written there. */
export interface StoredFile {
  sha256: string;
  /** Storing the same bytes again writes the file again, so this is the newest upload of these bytes. */
  modifiedAt: Date;
}

/**
 * Where attachment bytes live: outside the database heap. The database keeps the metadata and the SHA-256;
 * a municipality can put an object store behind this interface.
 */
export interface AttachmentStore {
  /** Stores the bytes and returns their SHA-256 (hex); storing the same bytes twice keeps one copy. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes, or null if the store has none under this hash. */
  get(sha256: string): Promise<Buffer | null>;
  /** Every stored file (files being written are not listed yet). */
  list(): AsyncIterable<StoredFile>;
  /**
   * Removes the file, unless its bytes were written after `writtenBefore` (an upload of the same bytes since the
   * caller looked): true if it was removed, false if it was younger or already gone.
   */
  delete(sha256: string, writtenBefore: Date): Promise<boolean>;
}

const HASH = /^[0-9a-f]{64}$/;
const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/** Content-addressed files under `dir` (ab/cdef…), written to a temporary name and renamed into place. */
export function fileAttachmentStore(dir: string): AttachmentStore {
  const pathOf = (sha: string) => path.join(dir, sha.slice(0, 2), sha.slice(2));
  return {
    async put(bytes) {
      const sha = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha);
      await mkdir(path.dirname(target), { recursive: true });
      // A rename is atomic: a reader never sees half a file, and two servers writing the same bytes agree. It
      // also gives the file a fresh modification time, which keeps the orphan sweep off it while its row is made.
      const tmp = `${target}.${randomUUID()}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, target);
      return sha;
    },
    async get(sha) {
      if (!HASH.test(sha)) return null;
      try {
        return await readFile(pathOf(sha));
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    async *list() {
      let prefixes: string[];
      try {
        prefixes = (await readdir(dir)).filter((p) => /^[0-9a-f]{2}$/.test(p)).sort();
      } catch (err) {
        if (isMissing(err)) return; // nothing uploaded yet
        throw err;
      }
      for (const prefix of prefixes) {
        let names: string[];
        try {
          names = (await readdir(path.join(dir, prefix))).sort();
        } catch (err) {
          if (isMissing(err)) continue;
          throw err;
        }
        for (const name of names) {
          const sha = prefix + name;
          if (!HASH.test(sha)) continue; // an upload's or a sweep's temporary name, or something not ours
          try {
            yield { sha256: sha, modifiedAt: (await stat(path.join(dir, prefix, name))).mtime };
          } catch (err) {
            if (!isMissing(err)) throw err; // removed meanwhile (another server's sweep)
          }
        }
      }
    },
    async delete(sha, writtenBefore) {
      if (!HASH.test(sha)) return false;
      const file = pathOf(sha);
      // Moved aside first, then judged: a rename keeps the file's own modification time, and an upload of the
      // same bytes from now on writes a new file in its place. So if what was moved aside is old, no upload has
      // written it since `writtenBefore`; if it is young (an upload got in between), it goes back.
      const aside = `${file}.${randomUUID()}.swept`;
      try {
        await rename(file, aside);
      } catch (err) {
        if (isMissing(err)) return false;
        throw err;
      }
      if ((await stat(aside)).mtime.getTime() >= writtenBefore.getTime()) {
        await rename(aside, file); // the same bytes as any copy written meanwhile: either may stand
        return false;
      }
      await unlink(aside);
      return true;
    },
  };
}
