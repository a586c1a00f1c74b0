// Every core: the same PostgreSQL database served by `cluster.ts` with one worker, then with two, and the
// health ping's and the officer queue's throughput compared in the same run (autocannon, 50 connections, 10 s).
import os from 'node:os';
import autocannon from 'autocannon';
import { defaultFixturesDir, loadFixtureRegisters } from '@lovisa/registry';
import { applicants, CONNECTIONS, DURATION_S, submitOnce } from './api.bench';
import type { BenchResult } from './geometry.bench';
import { apiLogin, draftWithDrawings, pool, testAppDevice, type BenchServer, type ServerOptions } from './server';

/** Cases in the queue while it is timed: a working day's worth for one team. */
const CASES = 40;
const SPEEDUP_BUDGET = 1.5;

const rate = async (url: string, headers: Record<string, string> = {}) => {
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S, timeout: 10 });
  return { reqPerS: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
};

/** Waits until every worker says it is listening: the cluster answers as soon as the first one is. */
async function allListening(server: BenchServer, workers: number) {
  const deadline = Date.now() + 90_000;
  while (!server.output().includes(`(${workers} up)`)) {
    if (Date.now() > deadline) throw new Error(`the cluster did not start ${workers} workers:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function runClusterBench(
  withServer: <T>(opts: ServerOptions, fn: (s: BenchServer) => Promise<T>) => Promise<T>,
  opts: ServerOptions & { databaseUrl: string },
): Promise<BenchResult[]> {
  const registers = await loadFixtureRegisters(defaultFixturesDir());
  const officer = (await registers.staff.officers()).find((o) => o.teamId === 'bygglov' && o.role === 'officer');
  if (!officer) throw new Error('no bygglov officer in the fixtures');
  const figures: Record<number, { health: Awaited<ReturnType<typeof rate>>; queue: Awaited<ReturnType<typeof rate>> }> =
    {};
  for (const workers of [1, 2]) {
    await withServer({ ...opts, entry: 'cluster.ts', env: { ...opts.env, WORKERS: String(workers) } }, async (s) => {
      await allListening(s, workers);
      if (workers === 1) {
        // The queue's cases, through real signed submissions (the second run finds them in the database).
        const device = await testAppDevice(s.baseUrl);
        const people = await applicants(s.baseUrl, registers);
        let made = 0;
        await pool(people, 4, async (a) => {
          if (made >= CASES) return;
          try {
            await submitOnce(s.baseUrl, a, await draftWithDrawings(s.baseUrl, a.cookie, a.property.id), device);
            made++;
          } catch {
            // this applicant's property does not take the test garage
          }
        });
      }
      const cookie = await apiLogin(s.baseUrl, officer.personnummer);
      figures[workers] = {
        health: await rate(`${s.baseUrl}/api/health`),
        queue: await rate(`${s.baseUrl}/api/officer/queue`, { cookie }),
      };
    });
  }
  const cores = os.availableParallelism();
  // autocannon runs on this machine too and takes about a core: two workers can only show their worth with two
  // cores free besides it.
  const judged = cores >= 3;
  const row = (what: 'health' | 'queue', label: string): BenchResult => {
    const one = figures[1]![what];
    const two = figures[2]![what];
    const speedup = two.reqPerS / one.reqPerS;
    return {
      name: `cluster [PostgreSQL] ${label}, 2 workers vs 1`,
      value: Math.round(speedup * 100) / 100,
      unit: '×',
      // Not judged = informational, as the table shows rows without a budget.
      budget: judged ? SPEEDUP_BUDGET : Infinity,
      ...(judged ? { atLeast: true } : {}),
      pass: !judged || speedup >= SPEEDUP_BUDGET,
      note:
        `1 worker ${Math.round(one.reqPerS)} req/s (p99 ${one.p99} ms), 2 workers ${Math.round(two.reqPerS)} req/s ` +
        `(p99 ${two.p99} ms); ${one.non2xx + two.non2xx} not 2xx; ${cores} cores` +
        (judged ? '' : `: not judged (the load generator shares the ${cores} cores; the budget needs 2 free)`),
      metrics: { one, two },
    };
  };
  return [row('health', 'GET /api/health'), row('queue', `officer queue first page (${CASES} cases)`)];
}
