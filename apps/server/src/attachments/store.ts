import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where attachment bytes live: outside the database heap. The database keeps the metadata and the SHA-256;
 * a municipality can put an object store behind this interface.
 */
export interface AttachmentStore {
  /** Stores the bytes and returns their SHA-256 (hex); storing the same bytes twice keeps one copy. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes, or null if the store has none under this hash. */
  get(sha256: string): Promise<Buffer | null>;
}

const HASH = /^[0-9a-f]{64}$/;

/** Content-addressed files under `dir` (ab/cdef…), written to a temporary name and renamed into place. */
export function fileAttachmentStore(dir: string): AttachmentStore {
  const pathOf = (sha: string) => path.join(dir, sha.slice(0, 2), sha.slice(2));
  return {
    async put(bytes) {
      const sha = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha);
      await mkdir(path.dirname(target), { recursive: true });
      // A rename is atomic: a reader never sees half a file, and two servers writing the same bytes agree.
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
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  };
}
