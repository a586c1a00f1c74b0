import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import { AggregatorRegistry } from 'prom-client';
import { loadConfig } from './config';
import { startMetricsServer } from './metrics/server';

/**
 * Lovisa on every core of one host: `npm run start:cluster` (WORKERS processes, default one per core, sharing
 * the one port; Node's cluster module hands out connections). Each worker is a whole server (server.ts); they
 * share everything through PostgreSQL, so the embedded database is refused here: it belongs to one process.
 * The primary restarts a worker that dies, serves the workers' metrics summed on METRICS_PORT, and on SIGTERM
 * or SIGINT lets every worker drain and close before it exits.
 */

const RESTART_DELAY_MS = 1_000;
/** A worker that dies this soon after its start is failing to start: restarting it would only loop. */
const EARLY_DEATH_MS = 10_000;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function workerCount(raw: string | undefined): number {
  if (raw === undefined || raw === '') return os.availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) fail('WORKERS must be a whole number from 1 to 64.');
  return n;
}

async function primary() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  if (!config.databaseUrl)
    fail('Several workers need PostgreSQL (DATABASE_URL): the embedded database belongs to one process.');
  const workers = workerCount(process.env.WORKERS);
  const started = new Map<number, number>();
  let stopping = false;

  const fork = () => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
  };
  cluster.on('listening', (worker: Worker) =>
    process.stdout.write(`worker ${worker.process.pid} listening (${Object.keys(cluster.workers ?? {}).length} up)\n`),
  );
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const early = Date.now() - (started.get(worker.id) ?? 0) < EARLY_DEATH_MS && code !== 0 && signal === null;
    started.delete(worker.id);
    process.stderr.write(`worker ${worker.process.pid} ended (${signal ?? code}); ${early ? 'not ' : ''}restarting\n`);
    if (early) void stop('a worker failed to start', 1);
    else setTimeout(fork, RESTART_DELAY_MS).unref();
  });

  const aggregator = new AggregatorRegistry();
  const metrics = config.metrics
    ? await startMetricsServer(
        { metrics: () => aggregator.clusterMetrics(), contentType: aggregator.contentType },
        config.metrics,
      )
    : null;

  async function stop(reason: string, exitCode = 0) {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`stopping ${Object.keys(cluster.workers ?? {}).length} workers: ${reason}\n`);
    metrics?.server.close();
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    // Each worker closes as server.ts does on SIGTERM: it stops accepting, finishes what it serves, closes the pool.
    await Promise.all(
      alive.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
    process.exit(exitCode);
  }
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  for (let i = 0; i < workers; i++) fork();
  process.stdout.write(
    `Lovisa on ${workers} workers, port ${config.port}${metrics ? `; metrics at ${metrics.url}` : ''}\n`,
  );
}

if (cluster.isPrimary) await primary();
else await import('./server');
