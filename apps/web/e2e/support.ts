import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { E2E_PGLITE_TEMPLATE } from './globalSetup';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Debian's Chromium (or CHROME_PATH). Browser downloads are not possible here, and not wanted. */
export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const hasBrowser = existsSync(chromePath);

if (!hasBrowser) {
  if (process.env.CI)
    throw new Error(`CI: no Chromium at ${chromePath}; install Debian's chromium (apt-get install chromium).`);
  console.warn(`Browser tests skipped: no Chromium at ${chromePath}. Install it with: apt-get install chromium`);
}

/** Flags for a machine without network: no background calls home, nothing slow at start. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Everything the server wrote to stdout and stderr so far (its log lines). */
  output(): string;
}

/** Starts the real server (as `npm start` does, minus the build) on a free port. */
export async function startServer(
  opts: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'lovisa-e2e-')));
  // A new embedded database starts as a copy of the run's migrated one (globalSetup.ts), not from initdb.
  const pglite = path.join(dataDir, 'pglite');
  if (!opts.env?.DATABASE_URL && !existsSync(pglite) && existsSync(E2E_PGLITE_TEMPLATE))
    await cp(E2E_PGLITE_TEMPLATE, pglite, { recursive: true });
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      BANKID_POLL_INTERVAL_MS: '500',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  // Generous: two e2e files start their servers at once, beside whatever else loads the machine.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server exited early (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      // Nobody else knows of this server yet: left running, it would outlive the test run.
      child.kill('SIGKILL');
      if (!opts.dataDir) await removeDir(dataDir);
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    dataDir,
    process: child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

export async function removeDir(dir: string) {
  await rm(dir, { recursive: true, force: true });
}

/**
 * Every request the page makes must stay on this machine: anything else fails the test.
 */
export function guardOffline(context: BrowserContext, baseUrl: string): string[] {
  const escaped: string[] = [];
  void context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    escaped.push(url);
    return route.abort();
  });
  return escaped;
}

/** Approves an order in the test BankID app at `simulatorUrl` as a browser on this machine does (cookie, form token). */
export async function simApprove(
  simulatorUrl: string,
  orderRef: string,
  personnummer: string,
): Promise<{ status: number }> {
  const page = await fetch(`${simulatorUrl}/bankid-sim/app`);
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('bankid_sim_app='))!;
  const csrf = /name="bankid-sim-csrf" content="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await fetch(`${simulatorUrl}/bankid-sim/app/orders/${orderRef}/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ csrf, personalNumber: personnummer, beslut: 'godkann' }).toString(),
    redirect: 'manual',
  });
  return { status: res.status };
}

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${name}=`))!;

/**
 * Logs in over plain HTTP, as a browser would: start, approve in the test BankID app (at `simulatorUrl`,
 * the server's own by default), collect. Returns the session cookie.
 */
export async function apiLogin(baseUrl: string, personnummer: string, simulatorUrl = baseUrl): Promise<string> {
  const start = await fetch(`${baseUrl}/api/auth/bankid/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"mode":"qr"}',
  });
  const { orderRef } = (await start.json()) as { orderRef: string };
  const approve = await simApprove(simulatorUrl, orderRef, personnummer);
  if (approve.status !== 303) throw new Error(`approval refused: ${approve.status}`);
  const collect = await fetch(`${baseUrl}/api/auth/bankid/collect`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookieOf(start, 'lovisa_login') },
    body: JSON.stringify({ orderRef }),
  });
  return cookieOf(collect, 'lovisa_session');
}

/**
 * A draft of `propertyId` with the drawings a permit needs (situationsplan, plan, fasad, unless `types` names
 * others), uploaded through the API as the attachments step does; returns the draft id to submit with.
 */
export async function draftWithDrawings(
  baseUrl: string,
  cookie: string,
  propertyId: string,
  types = ['SITU', 'PLA', 'FAS'],
): Promise<string> {
  const draftId = crypto.randomUUID();
  const put = await fetch(`${baseUrl}/api/drafts/${draftId}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ data: { step: 'attachments', propertyId } }),
  });
  if (!put.ok) throw new Error(`draft not saved: ${put.status}`);
  for (const type of types) {
    const form = new FormData();
    form.append(
      'file',
      new Blob([`%PDF-1.7\n1 0 obj << /Type /Catalog /Title (${type}) >> endobj\n%%EOF\n`], {
        type: 'application/pdf',
      }),
      `${type}.pdf`,
    );
    const res = await fetch(`${baseUrl}/api/drafts/${draftId}/attachments?type=${type}`, {
      method: 'POST',
      headers: { cookie },
      body: form,
    });
    if (res.status !== 201) throw new Error(`upload refused: ${res.status} ${await res.text()}`);
  }
  return draftId;
}

/**
 * A building's application on `propertyId` (one footprint of `measure`, an outbuilding unless told, and the
 * drawings a permit needs), submitted through the API and signed in the BankID simulator by `identity`, as the
 * test app would; returns the case made.
 */
export async function submitSignedBuilding(
  baseUrl: string,
  cookie: string,
  identity: string,
  application: {
    propertyId: string;
    ring: number[][];
    description: string;
    ridgeHeightM: number;
    measure?: 'outbuilding' | 'smallDwelling';
  },
): Promise<{ id: string; diaryNumber: string; teamId: string }> {
  const json = { 'content-type': 'application/json', cookie };
  const measure = application.measure ?? 'outbuilding';
  const started = await fetch(`${baseUrl}/api/applications`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      // An attefallshus's notification also needs a section drawing.
      draftId: await draftWithDrawings(
        baseUrl,
        cookie,
        application.propertyId,
        measure === 'smallDwelling' ? ['SITU', 'PLA', 'FAS', 'SEK'] : undefined,
      ),
      propertyId: application.propertyId,
      measure,
      footprints: [{ id: 'f1', measure, geometry: { type: 'Polygon', coordinates: [application.ring] } }],
      details: {
        description: application.description,
        ridgeHeightM: application.ridgeHeightM,
        plannedStart: '2027-05-01',
        email: 'anna.lindqvist@example.se',
      },
    }),
  });
  if (started.status !== 202) throw new Error(`submission refused: ${started.status} ${await started.text()}`);
  const { orderRef } = (await started.json()) as { orderRef: string };
  const approved = await simApprove(baseUrl, orderRef, identity);
  if (approved.status !== 303) throw new Error(`simulator did not approve: ${approved.status}`);
  const signed = await fetch(`${baseUrl}/api/applications/sign/collect`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ orderRef }),
  });
  const body = (await signed.json()) as { status: string; case: { id: string; diaryNumber: string; teamId: string } };
  if (body.status !== 'complete') throw new Error(`signature not complete: ${body.status}`);
  return body.case;
}

/** WCAG 2.1 AA as axe checks it: every screen a test visits must pass. */
export async function expectAccessible(page: Page, screen: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe on ${screen}`).toEqual([]);
}

/**
 * A new screen looked at as the project asks: axe in Swedish and in English, then full-page screenshots at 390 and
 * 1280 px into `dir` (the page's own width is put back after).
 */
export async function lookAtScreen(page: Page, screen: string, dir: string, name: string) {
  await expectAccessible(page, `${screen} (sv)`);
  await page.getByRole('button', { name: 'In English' }).click();
  await page.locator('html[lang="en"]').waitFor();
  await expectAccessible(page, `${screen} (en)`);
  await page.getByRole('button', { name: 'På svenska' }).click();
  await page.locator('html[lang="sv"]').waitFor();
  const width = page.viewportSize()!.width;
  for (const w of [390, 1280]) {
    await page.setViewportSize({ width: w, height: 900 });
    await shoot(page, dir, name);
  }
  await page.setViewportSize({ width, height: 900 });
}

/** A full-page screenshot named by screen and viewport width, into `dir` (created if missing). */
export async function shoot(page: Page, dir: string, name: string) {
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}-${page.viewportSize()?.width}.png`), fullPage: true });
}

/**
 * Plays the tester with the simulator's test BankID app: picks the identity in the newest order (or the one
 * found by its QR data or autostart token) and approves it.
 */
export async function approveInTestApp(browser: Browser, baseUrl: string, identity: string, lookup?: string) {
  const context = await browser.newContext();
  const app = await context.newPage();
  await app.goto(`${baseUrl}/bankid-sim/app`);
  if (lookup) {
    await app.getByLabel('QR-data eller autostarttoken').fill(lookup);
    await app.getByRole('button', { name: 'Hitta order' }).click();
  }
  const order = app.getByRole('region').first();
  await order.getByLabel('Identitet').selectOption({ label: identity });
  await order.getByRole('button', { name: 'Godkänn' }).click();
  await context.close();
}

/** Logs in through the page with BankID on another device (QR), approved in the test app. */
export async function uiLogin(page: Page, browser: Browser, baseUrl: string, identity: string) {
  await page.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).click();
  await page.getByAltText('QR-kod för inloggning med BankID').waitFor();
  await approveInTestApp(browser, baseUrl, identity);
}

/**
 * Logs in with "BankID på den här enheten": the page's link carries the autostart token, by which the test app
 * finds the order, as the BankID app on this phone would.
 */
export async function uiLoginOnThisDevice(page: Page, browser: Browser, baseUrl: string, identity: string) {
  await page.getByRole('button', { name: 'BankID på den här enheten' }).click();
  const href = await page.getByRole('link', { name: 'Öppna BankID' }).getAttribute('href');
  const token = new URL(href!.replace('bankid:///', 'https://app.invalid/')).searchParams.get('autostarttoken');
  if (!token) throw new Error(`no autostart token in ${href}`);
  await approveInTestApp(browser, baseUrl, identity, token);
}

/**
 * Renders a PDF's first page to PNG with Debian's pdftoppm (poppler-utils), for people to look at. CI installs
 * it; elsewhere a missing pdftoppm skips the picture with a hint rather than failing the test.
 */
export async function pdfFirstPageToPng(pdfPath: string, pngPath: string): Promise<boolean> {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  if (!existsSync('/usr/bin/pdftoppm')) {
    if (process.env.CI) throw new Error('CI: pdftoppm is missing (apt-get install poppler-utils)');
    console.warn('Skipping the PDF picture: no pdftoppm (apt-get install poppler-utils)');
    return false;
  }
  await promisify(execFile)('/usr/bin/pdftoppm', [
    '-png',
    '-r',
    '110',
    '-singlefile',
    '-f',
    '1',
    '-l',
    '1',
    pdfPath,
    pngPath.replace(/\.png$/, ''),
  ]);
  return true;
}

type ServerOptions = Parameters<typeof startServer>[0];

/** Servers to be stopped together; their data dirs (one per dir, however many servers shared it) go with them. */
function serverPool() {
  const servers: RunningServer[] = [];
  return {
    async start(opts?: ServerOptions): Promise<RunningServer> {
      const server = await startServer(opts);
      servers.push(server);
      return server;
    },
    async stopAll(signal?: NodeJS.Signals) {
      const stopping = servers.splice(0);
      for (const s of stopping) await s.stop(signal);
      for (const dir of new Set(stopping.map((s) => s.dataDir))) await removeDir(dir);
    },
  };
}

/**
 * For blocks that start, kill and restart servers themselves (no browser): every server started through
 * `start` is killed after the block and its data dir removed. `stopAll` does the same earlier, for a test
 * that starts several rounds of servers.
 */
export function useServers() {
  const pool = serverPool();
  // SIGKILL: these servers' data is thrown away, and some are already dead.
  afterAll(() => pool.stopAll('SIGKILL'));
  return { start: pool.start, stopAll: () => pool.stopAll('SIGKILL') };
}

export interface ServerAndBrowserOptions {
  /**
   * How to start the server. A function is called as the server starts, after the block's earlier
   * beforeAll hooks, so it can name what those started (a mail server's URL, say).
   */
  server?: ServerOptions | (() => ServerOptions);
  /** A fresh server, with fresh data, for each test (the browser is still shared by the whole block). */
  serverPerTest?: boolean;
}

/**
 * One real server and one browser for a describe block: started before its tests and stopped after them,
 * every context it hands out closed at the end, and none of them allowed to reach past its server's origin
 * (checked when the block ends). Contexts are Swedish, in Stockholm time, unless told otherwise.
 *
 * Vitest runs after-hooks in reverse order: a block's own afterAll registered before this call runs once the
 * server has stopped (to read its whole log, or to close what the server used); one registered after it runs
 * while the server is still up.
 */
export function useServerAndBrowser(options: ServerAndBrowserOptions = {}) {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const pool = serverPool();
  const contexts: BrowserContext[] = [];
  const escaped: string[] = [];
  const start = async () => {
    server = await pool.start(typeof options.server === 'function' ? options.server() : options.server);
  };
  const closeContexts = async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => {});
  };
  beforeAll(async () => {
    if (!options.serverPerTest) await start();
    browser = await launchBrowser();
  });
  if (options.serverPerTest) {
    beforeEach(start);
    afterEach(async () => {
      await closeContexts();
      await pool.stopAll();
    });
  }
  afterAll(async () => {
    await closeContexts();
    await browser?.close();
    await pool.stopAll();
    expect(escaped).toEqual([]);
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    /** Every request a context tried to send elsewhere, so far (for tests that check on their way). */
    escaped: escaped as readonly string[],
    /**
     * A context kept to `origin` (the block's server unless told), closed at the end. Whatever `options`
     * name replaces the Swedish defaults.
     */
    async newContext(options: BrowserContextOptions = {}, origin = server!.baseUrl): Promise<BrowserContext> {
      const context = await browser!.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', ...options });
      contexts.push(context);
      escaped.push(...guardOffline(context, origin));
      return context;
    },
    /** A page in a fresh context that already carries `session` (a cookie from `apiLogin`), `width` px wide. */
    async pageWithSession(session: string, width = 1280): Promise<Page> {
      const context = await this.newContext({ viewport: { width, height: 900 } });
      const [name, value] = session.split('=') as [string, string];
      await context.addCookies([{ name, value, url: server!.baseUrl }]);
      return context.newPage();
    },
    /**
     * Another server, stopped with the block's own (its data dir removed unless shared with it): for a
     * test that moves on to a second server, as the kiosk's visitors go home.
     */
    startServer: (opts?: ServerOptions) => pool.start(opts),
  };
}

/** Eken 1:23, where Anna Lindqvist's garages stand in the e2e tests. */
export const EKEN_1_23 = '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e23';
/** 8 × 7 m in the middle of Eken 1:23 (EPSG:3006): a permit within the plan, or a deviation with a tall ridge. */
export const EKEN_1_23_GARAGE: number[][] = [
  [620_071, 6_650_019],
  [620_079, 6_650_019],
  [620_079, 6_650_026],
  [620_071, 6_650_026],
  [620_071, 6_650_019],
];
