/**
 * Compares the screenshots the e2e run wrote to docs/screenshots with those of an earlier commit, pixel by
 * pixel: `node --import tsx scripts/compareScreenshots.ts <git-ref> [max-share]`. A pixel differs when any
 * channel differs by more than 24 of 255 (anti-aliasing and font hinting stay below that). Prints each
 * screen's share of differing pixels; exits 1 when a screen differs by more than `max-share` (default 0.5 %)
 * or changed size.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

const CHANNEL_TOLERANCE = 24;
const dir = 'docs/screenshots';

export function differingShare(a: PNG, b: PNG): number | null {
  if (a.width !== b.width || a.height !== b.height) return null;
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      if (Math.abs(a.data[i + c]! - b.data[i + c]!) > CHANNEL_TOLERANCE) {
        differing++;
        break;
      }
    }
  }
  return differing / (a.width * a.height);
}

function main() {
  const [ref, maxArg] = process.argv.slice(2);
  if (!ref) throw new Error('usage: compareScreenshots.ts <git-ref> [max-share]');
  const max = maxArg ? Number(maxArg) : 0.005;
  let failed = false;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()) {
    let before: Buffer;
    try {
      before = execFileSync('git', ['show', `${ref}:${dir}/${file}`], { maxBuffer: 64 * 1024 * 1024 });
    } catch {
      console.warn(`${file}: new (not in ${ref})`);
      continue;
    }
    const share = differingShare(PNG.sync.read(before), PNG.sync.read(readFileSync(path.join(dir, file))));
    const verdict = share === null ? 'size changed' : `${(share * 100).toFixed(3)} %`;
    if (share === null || share > max) failed = true;
    console.warn(`${file}: ${verdict}`);
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1]?.endsWith('compareScreenshots.ts')) main();
