// `npm run bench`: every benchmark, one table, and bench/results.json to compare runs. Not part of `npm test`.
// Exits non-zero when a budget is missed. Bounded: about 10 minutes on 2 cores (a watchdog stops it at 25).
// Only 127.0.0.1 is ever asked. BENCH_ONLY=bundle,geo,rules,pagespeed,api,scale,cluster,memory runs a part of it;
// BENCH_DATABASE_URL=postgres://… runs the API and scale parts against PostgreSQL too, and the cluster part (fresh
// databases, dropped).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { formatTable, runGeometryBench, type BenchResult } from './geometry.bench';
import { runRulesBench } from './rules.bench';
import { runBundleBench } from './bundle.bench';
import { runPageSpeedBench } from './pagespeed.bench';
import { runApiBench } from './api.bench';
import { explainQueue, pgliteDir, prepareScaleDatabase, timeQueue, SCALE_CASES } from './scale.bench';
import { runMemoryBench, RSS_BUDGET_MB } from './memory.bench';
import { runClusterBench } from './cluster.bench';
import { repoRoot, startBenchServer, type BenchServer } from './server';

const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
const wanted = (part: string) => !only || only.has(part);
const pgUrl = process.env.BENCH_DATABASE_URL || undefined;
const REAL_SUBMISSION_SECONDS = Number(process.env.BENCH_REAL_SUBMISSION_SECONDS ?? 180);

const servers = new Set<BenchServer>();
const watchdog = setTimeout(() => {
  process.stderr.write('bench: over 25 minutes, stopping\n');
  for (const s of servers) s.process.kill('SIGKILL');
  process.exit(2);
}, 25 * 60_000);
watchdog.unref();

const scratch = await mkdtemp(path.join(os.tmpdir(), 'lovisa-bench-'));
const results: BenchResult[] = [];
const plans: Record<string, unknown> = {};
const timings: Record<string, number> = {};
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

async function part(name: string, fn: () => Promise<BenchResult[]>) {
  const t0 = performance.now();
  log(`${name} …`);
  try {
    results.push(...(await fn()));
  } catch (err) {
    // A part that cannot run is a failed budget, not a crashed bench: the other parts still report.
    results.push({
      name: `${name}: did not run`,
      value: NaN,
      unit: '',
      budget: 0,
      pass: false,
      note: String(err instanceof Error ? (err.stack ?? err.message) : err)
        .split('\n')
        .slice(0, 4)
        .join(' | '),
    });
  }
  timings[name] = (performance.now() - t0) / 1000;
  log(`${name} done in ${timings[name]!.toFixed(0)} s`);
}

async function withServer<T>(
  opts: Parameters<typeof startBenchServer>[0],
  fn: (s: BenchServer) => Promise<T>,
): Promise<T> {
  const server = await startBenchServer({ ...opts, env: { WEB_DIST: webDist, ...opts.env } });
  servers.add(server);
  try {
    return await fn(server);
  } finally {
    await server.stop();
    servers.delete(server);
  }
}

/** A fresh PostgreSQL database for one part, dropped afterwards. */
async function withPgDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const name = `lovisa_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  admin.on('error', () => {});
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl!);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    const a = new pg.Client({ connectionString: pgUrl });
    a.on('error', () => {});
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  }
}

if (pgUrl && !['127.0.0.1', 'localhost', '[::1]'].includes(new URL(pgUrl).hostname)) {
  throw new Error(
    'BENCH_DATABASE_URL must point at 127.0.0.1 or localhost: the bench sends traffic to this machine only',
  );
}

// The web app as built now, into a directory of the bench's own (a rebuild elsewhere cannot change it mid-run).
const webDist = path.join(repoRoot, '.tmp', 'bench', 'web-dist');
if (wanted('bundle') || wanted('pagespeed')) {
  execFileSync('npm', ['run', 'build', '-w', '@lovisa/web', '--', '--outDir', webDist, '--emptyOutDir'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

try {
  if (wanted('bundle')) await part('bundle', () => runBundleBench(webDist));
  if (wanted('geo')) await part('geometry', runGeometryBench);
  if (wanted('rules')) await part('rules engine', runRulesBench);
  if (wanted('pagespeed')) await part('page speed', () => runPageSpeedBench(3, webDist));

  const api = async (label: string, opts: Parameters<typeof startBenchServer>[0]) =>
    withServer(opts, async (server) => {
      const out = await runApiBench(server, label);
      const rss = server.rssMB();
      return [
        ...out.results,
        {
          name: `api [${label}] server RSS after the load`,
          value: rss,
          unit: 'MB',
          budget: Infinity,
          pass: true,
          note: `informational: after ${out.casesAfter} submissions and the 4 load runs; RSS after each run: ${Object.entries(
            out.rss,
          )
            .map(([k, v]) => `${k} ${Math.round(v)}`)
            .join(', ')} MB`,
          metrics: out.rss,
        },
      ];
    });
  if (wanted('api')) {
    await part('api [PGlite]', async () => {
      const dataDir = await mkdtemp(path.join(scratch, 'api-'));
      return api('PGlite', { dataDir });
    });
    if (pgUrl)
      await part('api [PostgreSQL]', () =>
        withPgDatabase((url) => api('PostgreSQL', { dataDir: path.join(scratch, 'api-pg'), databaseUrl: url })),
      );
  }

  if (wanted('scale')) {
    await part('scale [PGlite]', async () => {
      const dataDir = await mkdtemp(path.join(scratch, 'scale-'));
      const seeded = await prepareScaleDatabase('pglite', pgliteDir(dataDir));
      const out = await withServer({ dataDir }, async (server) => {
        const rows = await timeQueue(server, 'PGlite', `seeded in ${seeded.seconds.toFixed(1)} s`);
        const rss = server.rssMB();
        return [
          ...rows,
          {
            name: `memory [PGlite] server RSS after the ${SCALE_CASES.toLocaleString('sv-SE')}-case seed`,
            value: rss,
            unit: 'MB',
            budget: RSS_BUDGET_MB,
            pass: rss <= RSS_BUDGET_MB,
            note: `server.ts on the seeded database, after the ${rows.length} queue timings (${rows.length * 65} requests)`,
          },
        ];
      });
      plans.PGlite = await explainQueue('pglite', pgliteDir(dataDir));
      await rm(dataDir, { recursive: true, force: true });
      return out;
    });
    if (pgUrl) {
      await part('scale [PostgreSQL]', () =>
        withPgDatabase(async (url) => {
          const seeded = await prepareScaleDatabase('postgres', url);
          const out = await withServer({ dataDir: path.join(scratch, 'scale-pg'), databaseUrl: url }, (server) =>
            timeQueue(server, 'PostgreSQL', `seeded in ${seeded.seconds.toFixed(1)} s`),
          );
          plans.PostgreSQL = await explainQueue('postgres', url);
          return out;
        }),
      );
    }
  }

  if (wanted('cluster') && pgUrl)
    await part('cluster [PostgreSQL]', () =>
      withPgDatabase((url) =>
        runClusterBench(withServer, { dataDir: path.join(scratch, 'cluster'), databaseUrl: url }),
      ),
    );

  if (wanted('memory')) await part('memory', () => runMemoryBench(REAL_SUBMISSION_SECONDS));
} finally {
  for (const s of servers) await s.stop();
  await rm(scratch, { recursive: true, force: true });
}

process.stdout.write(
  `${formatTable(results)}\n\nMachine: ${os.cpus().length} cores, Node ${process.version}, load average at the end ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}. Times are medians/percentiles on this machine; parts took ${Object.entries(timings)
    .map(([k, v]) => `${k} ${v.toFixed(0)} s`)
    .join(', ')}.\n`,
);
await writeFile(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, node: process.version, loadavg: os.loadavg(), postgres: Boolean(pgUrl), timings, results, plans }, null, 2)}\n`,
);
const missed = results.filter((r) => !r.pass);
if (missed.length > 0) {
  process.stderr.write(`\n${missed.length} budget(s) missed: ${missed.map((r) => r.name.trim()).join('; ')}\n`);
  process.exitCode = 1;
}
