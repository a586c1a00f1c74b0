// The production server as the bench runs it: `node --import tsx apps/server/src/server.ts` in a child process,
// on 127.0.0.1 and a free port, with its own DATA_DIR (or a PostgreSQL database), rate limits raised.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface BenchServer {
  baseUrl: string;
  /** Where its Prometheus metrics are served (a port of their own, on loopback). */
  metricsUrl: string;
  pid: number;
  process: ChildProcess;
  /** Resident set size of the server process now, in MB (from /proc). */
  rssMB(): number;
  /** The last of what it wrote to stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  dataDir: string;
  /** A PostgreSQL URL; unset = PGlite under dataDir. */
  databaseUrl?: string;
  env?: Record<string, string>;
  /** Extra flags for node, e.g. `--cpu-prof` to see where a run's time went. */
  nodeArgs?: string[];
  /** `cluster.ts`: WORKERS processes sharing the port (PostgreSQL only). Default `server.ts`. */
  entry?: 'server.ts' | 'cluster.ts';
}

/** Every limit a load test would hit raised, logs quiet: the bench measures the server, not its rate limiter. */
export const benchEnv = {
  BANKID_START_LIMIT_PER_MINUTE: '10000000',
  UPLOAD_LIMIT_PER_MINUTE: '10000000',
  LOG_LEVEL: 'warn',
  BANKID_POLL_INTERVAL_MS: '2000',
};

export async function startBenchServer(opts: ServerOptions): Promise<BenchServer> {
  const port = await freePort();
  const metricsPort = await freePort();
  const entry = path.join('apps', 'server', 'src', opts.entry ?? 'server.ts');
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', entry], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...benchEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      METRICS_PORT: String(metricsPort),
      DATA_DIR: opts.dataDir,
      DATABASE_URL: opts.databaseUrl ?? '',
      // The bench never asks outside this machine: the registers are the fixtures, read directly.
      REGISTERS_URL: '',
      BANKID_URL: '',
      MAP_TILE_URL: '',
      NODE_ENV: 'production',
      // The bench logs in through the simulator; it never listens beyond loopback.
      I_UNDERSTAND_THE_BANKID_SIMULATOR_LETS_ANYONE_LOG_IN: 'true',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-20_000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-20_000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`bench server exited early (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`bench server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    pid: child.pid!,
    process: child,
    rssMB: () => rssOf(child.pid!),
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const hard = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(hard);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const cookieOf = (res: Response, name: string) => {
  const c = res.headers
    .getSetCookie()
    .map((s) => s.split(';')[0]!)
    .find((s) => s.startsWith(`${name}=`));
  if (!c) throw new Error(`no ${name} cookie (${res.status})`);
  return c;
};

/**
 * The simulator's test BankID app as one device (a browser with the app open): its cookie and the form token
 * that goes with it, fetched once. The token belongs to the device, so every answer after that is one POST,
 * as a tester's repeated clicks are.
 */
export interface TestAppDevice {
  cookie: string;
  csrf: string;
}

export async function testAppDevice(baseUrl: string): Promise<TestAppDevice> {
  const page = await fetch(`${baseUrl}/bankid-sim/app/`);
  const csrf = /name="bankid-sim-csrf" content="([^"]+)"/.exec(await page.text())?.[1];
  if (!csrf) throw new Error(`the test app page has no form token (${page.status})`);
  return { cookie: cookieOf(page, 'bankid_sim_app'), csrf };
}

/** The approve form's request for `personnummer`: path, headers and body (autocannon sends it as it is). */
export function testAppApproval(device: TestAppDevice, orderRef: string, personnummer: string) {
  return {
    path: `/bankid-sim/app/orders/${encodeURIComponent(orderRef)}/approve`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: device.cookie },
    body: new URLSearchParams({ csrf: device.csrf, beslut: 'godkann', personalNumber: personnummer }).toString(),
  };
}

/** Approves an order in the test app, as the tester's click does; throws when the app refuses. */
export async function approveInTestApp(baseUrl: string, device: TestAppDevice, orderRef: string, personnummer: string) {
  const { path: p, headers, body } = testAppApproval(device, orderRef, personnummer);
  const res = await fetch(baseUrl + p, { method: 'POST', headers, body, redirect: 'manual' });
  if (res.status >= 400) throw new Error(`the test app refused the approval: ${res.status}`);
}

/** A counter's value in the server's metrics, summed over its label sets. */
export async function metricValue(server: Pick<BenchServer, 'metricsUrl'>, name: string): Promise<number> {
  const text = await (await fetch(server.metricsUrl)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)(\{[^}]*\})? ([0-9.e+-]+)$/.exec(line);
    if (m && m[1] === name) sum += Number(m[3]);
  }
  return sum;
}

/** Logs in through the BankID simulator over HTTP, as a browser and the test app would. Returns the session cookie. */
export async function apiLogin(baseUrl: string, personnummer: string): Promise<string> {
  const start = await fetch(`${baseUrl}/api/auth/bankid/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"mode":"qr"}',
  });
  if (!start.ok) throw new Error(`login start refused: ${start.status} ${await start.text()}`);
  const { orderRef } = (await start.json()) as { orderRef: string };
  await approveInTestApp(baseUrl, await testAppDevice(baseUrl), orderRef, personnummer);
  const collect = await fetch(`${baseUrl}/api/auth/bankid/collect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookieOf(start, 'lovisa_login') },
    body: JSON.stringify({ orderRef }),
  });
  return cookieOf(collect, 'lovisa_session');
}

/** PUT /api/drafts/:id, as the wizard's autosave does. */
export async function putDraft(baseUrl: string, cookie: string, draftId: string, data: unknown): Promise<void> {
  const res = await fetch(`${baseUrl}/api/drafts/${draftId}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ data }),
  });
  if (!res.ok) throw new Error(`draft not saved: ${res.status} ${await res.text()}`);
}

const pdf = (label: string) =>
  `%PDF-1.7\n1 0 obj << /Type /Catalog /Title (${label}) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;

/** A draft with every drawing a permit needs, uploaded as the attachments step does; returns its id. */
export async function draftWithDrawings(
  baseUrl: string,
  cookie: string,
  propertyId: string,
  types = ['SITU', 'PLA', 'FAS', 'SEK'],
): Promise<string> {
  const draftId = crypto.randomUUID();
  await putDraft(baseUrl, cookie, draftId, { step: 'review', propertyId });
  for (const type of types) {
    const form = new FormData();
    form.append('file', new Blob([pdf(`${type} ${draftId}`)], { type: 'application/pdf' }), `${type}.pdf`);
    const res = await fetch(`${baseUrl}/api/drafts/${draftId}/attachments?type=${type}`, {
      method: 'POST',
      headers: { cookie },
      body: form,
    });
    if (res.status !== 201) throw new Error(`upload refused: ${res.status} ${await res.text()}`);
  }
  return draftId;
}

/** Runs `fn` over `items` with at most `n` at a time. */
export async function pool<T, R>(items: T[], n: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

export const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN;
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
