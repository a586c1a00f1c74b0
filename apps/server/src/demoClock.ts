import { readFileSync, statSync } from 'node:fs';

const DAY_MS = 86_400_000;

/**
 * A clock that runs `n` days ahead of the real one, `n` read from a file: a browser test (or a demo) writes the
 * file to let three weeks pass for a reply-by day or an appeal period. The file is read again when it changes;
 * a missing or unreadable file means no offset.
 */
export function demoClock(file: string): () => Date {
  let seen = -1;
  let offsetMs = 0;
  return () => {
    let mtime = 0;
    try {
      mtime = statSync(file).mtimeMs;
    } catch {
      mtime = 0;
    }
    if (mtime !== seen) {
      seen = mtime;
      const days = mtime ? Number(readFileSync(file, 'utf8').trim()) : 0;
      offsetMs = Number.isFinite(days) ? days * DAY_MS : 0;
    }
    return new Date(Date.now() + offsetMs);
  };
}
