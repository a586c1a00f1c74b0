// Memory: the server's resident set after 10 000 submissions on PGlite (see memory.child.ts for how they are made).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../apps/server/src/db/database';
import type { BenchResult } from './geometry.bench';
import { benchEnv, repoRoot } from './server';

export const SUBMISSIONS = 10_000;
export const RSS_BUDGET_MB = 800;

interface Figures {
  rssMB: number;
  heapMB: number;
  heapTotalMB: number;
  externalMB: number;
}
interface Phase extends Figures {
  phase: string;
  afterGc?: Figures;
  [k: string]: unknown;
}

export async function runMemoryBench(realSeconds: number): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lovisa-bench-mem-'));
  try {
    // The data directory is initialised first, as at installation: initdb runs once in a data directory's life,
    // and the ≈ 400 MB it leaves in the process that ran it (until that process ends) is not what a running
    // server carries. The server process below opens an existing database, as after any restart.
    const t0 = performance.now();
    await (await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') })).close();
    const initSeconds = (performance.now() - t0) / 1000;
    const phases: Phase[] = [];
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join('bench', 'memory.child.ts')], {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...benchEnv,
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        WEB_DIST: '/nonexistent',
        TOTAL: String(SUBMISSIONS),
        SUBMIT_SECONDS: String(realSeconds),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        try {
          phases.push(JSON.parse(line) as Phase);
        } catch {
          err += `${line}\n`;
        }
      }
    });
    child.stderr.on('data', (d) => (err = (err + d).slice(-10_000)));
    // Bounded: the real submissions stop after realSeconds; the direct ones take well under a minute.
    const watchdog = setTimeout(() => child.kill('SIGKILL'), (realSeconds + 240) * 1000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(watchdog);
    const done = phases.find((p) => p.phase === 'done');
    const real = phases.find((p) => p.phase === 'real');
    const started = phases.find((p) => p.phase === 'started');
    if (code !== 0 || !done || !real || !started) throw new Error(`memory bench failed (${code}):\n${err}`);
    const mb = (n: number) => `${Math.round(n)} MB`;
    return [
      {
        name: `memory [PGlite] server RSS after ${SUBMISSIONS.toLocaleString('sv-SE')} submissions`,
        value: done.rssMB,
        unit: 'MB',
        budget: RSS_BUDGET_MB,
        pass: done.rssMB <= RSS_BUDGET_MB && done.cases === SUBMISSIONS,
        note:
          `${real.real} real signed submissions in ${Math.round(real.seconds as number)} s (${(real.msPerSubmission as number).toFixed(1)} ms each: draft, 4 drawings uploaded, ` +
          `POST /api/applications, approve in the BankID test app, collect — app.inject in the server process), then ${done.direct} through createCase ` +
          `(rules verdict + routing + the same transaction the collect route runs, after storing a sign order) in ${Math.round(done.directSeconds as number)} s; ` +
          `data directory initialised beforehand (initdb + migrations, ${initSeconds.toFixed(1)} s); RSS ${mb(started.rssMB)} at start, ${mb(real.rssMB)} after the real ones; at the end V8 heap ${mb(done.heapMB)} used of ${mb(done.heapTotalMB)}, ` +
          `external ${mb(done.externalMB)} (mostly PGlite's WASM memory)` +
          (done.afterGc
            ? `; after a forced full GC: RSS ${mb(done.afterGc.rssMB)}, heap ${mb(done.afterGc.heapMB)} used`
            : '') +
          '; attachment bytes on disk, not in the database',
        metrics: { phases },
      },
    ];
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
