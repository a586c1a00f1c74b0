import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

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
  /**
   * Stores what the stream yields, hashing it on the way, without holding it in memory (a 25 MB drawing passes in
   * chunks); storing the same bytes twice keeps one copy. Nothing is stored under the hash until all of it is.
   */
  putStream(source: Readable): Promise<{ sha256: string; size: number }>;
  /** The bytes, or null if the store has none under this hash. For small files: big ones are read with getStream. */
  get(sha256: string): Promise<Buffer | null>;
  /** The bytes as a stream (never all in memory), or null if the store has none under this hash. */
  getStream(sha256: string): Promise<Readable | null>;
  /** Every stored file (files being written are not listed yet). */
  list(): AsyncIterable<StoredFile>;
  /**
   * Removes the file, unless its bytes were written after `writtenBefore` (an upload of the same bytes since the
   * caller looked): true if it was removed, false if it was younger or already gone.
   */
  delete(sha256: string, writtenBefore: Date): Promise<boolean>;
}

export const HASH = /^[0-9a-f]{64}$/;
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
    async putStream(source) {
      // Written under a temporary name outside the two-letter folders (so `list` never sees it), hashed on the way,
      // then renamed to its hash: the same atomic step as `put`, and the same fresh modification time.
      const incoming = path.join(dir, '.incoming');
      await mkdir(incoming, { recursive: true });
      const tmp = path.join(incoming, `${randomUUID()}.tmp`);
      try {
        const { sha256, size } = await writeHashing(source, tmp);
        await mkdir(path.dirname(pathOf(sha256)), { recursive: true });
        await rename(tmp, pathOf(sha256));
        return { sha256, size };
      } finally {
        await rm(tmp, { force: true });
      }
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
    async getStream(sha) {
      if (!HASH.test(sha)) return null;
      // Opened first, so a missing file answers null here rather than failing the stream later; an open file
      // stays readable even if a sweep unlinks it meanwhile.
      let handle;
      try {
        handle = await open(pathOf(sha), 'r');
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
      return handle.createReadStream();
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

/** Writes the stream to `file`, hashing and counting it chunk by chunk. */
export async function writeHashing(source: Readable, file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(source, tap, createWriteStream(file));
  return { sha256: hash.digest('hex'), size };
}
