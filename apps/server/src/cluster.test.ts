import { spawn, type ChildProcess } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPostgresDatabase, type EmptyPostgresDatabase } from './test/databases';
import { sample } from './test/metricsText';

const adminUrl = process.env.TEST_DATABASE_URL;
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

const until = async (what: string, ok: () => boolean | Promise<boolean>, output: () => string, ms = 90_000) => {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

/** A GET on a connection of its own (no keep-alive): the cluster hands each connection to a worker in turn. */
const get = (url: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpGet(url, { agent: false, timeout: 10_000 }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });

/** `npm run start:cluster` as an operator runs it: two workers on one port, one PostgreSQL. */
describe.skipIf(!adminUrl)('several workers on one host (PostgreSQL)', () => {
  let database: EmptyPostgresDatabase;
  let primary: ChildProcess;
  let output = '';
  let base: string;
  let metricsUrl: string;
  const pids = () => new Set([...output.matchAll(/worker (\d+) listening/g)].map((m) => Number(m[1])));

  beforeAll(async () => {
    database = await emptyPostgresDatabase('lovisa_cluster');
    const [port, metricsPort] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${port}`;
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    primary = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cluster.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        WORKERS: '2',
        PORT: String(port),
        HOST: '127.0.0.1',
        METRICS_PORT: String(metricsPort),
        DATABASE_URL: database.url,
        WEB_DIST: '/nonexistent',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout!.on('data', (d) => (output += d));
    primary.stderr!.on('data', (d) => (output += d));
    await until(
      'two workers',
      () => pids().size === 2,
      () => output,
    );
  }, 120_000);

  afterAll(async () => {
    if (primary && primary.exitCode === null) primary.kill('SIGKILL');
    await database?.drop();
  });

  it('serves on one port from both workers, and the primary sums their metrics', async () => {
    for (let i = 0; i < 40; i++) expect((await get(`${base}/api/health/live`)).status).toBe(200);
    const text = (await get(metricsUrl)).body;
    expect(sample(text, 'lovisa_http_requests_total{route="/api/health/live",method="GET",status="200"}')).toBe(40);
    // Read from the database by each worker, reported once.
    expect(sample(text, 'lovisa_outbox_unsent')).toBe(0);
  });

  it('replaces a worker that dies, and keeps serving meanwhile', async () => {
    const [victim] = [...pids()];
    process.kill(victim!, 'SIGKILL');
    await until(
      'the primary to see it',
      () => output.includes(`worker ${victim} ended (SIGKILL); restarting`),
      () => output,
    );
    // The other worker answers while the replacement starts (a request already handed to the dead one is lost
    // with it, as behind any load balancer: the client's next connection is served).
    expect((await get(`${base}/api/health/ready`)).status).toBe(200);
    await until(
      'a replacement worker',
      () => pids().size === 3,
      () => output,
    );
    expect((await get(`${base}/api/health/ready`)).status).toBe(200);
  }, 120_000);

  it('stops every worker on SIGTERM and exits cleanly', async () => {
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of pids()) expect(() => process.kill(pid, 0)).toThrow();
  }, 60_000);
});

describe('several workers without PostgreSQL', () => {
  it('refuses to start: the embedded database belongs to one process', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cluster.ts'], {
      cwd: repoRoot,
      env: { ...process.env, WORKERS: '2', DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('Several workers need PostgreSQL (DATABASE_URL)');
  }, 60_000);
});
