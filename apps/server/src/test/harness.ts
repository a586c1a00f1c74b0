import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { fileAttachmentStore, type AttachmentStore } from '../attachments/store';
import type { ApplicationSubmission, CaseSummary } from '@lovisa/domain';
import {
  loadBasemap,
  loadFeeSchedule,
  loadPhraseLibrary,
  loadFixtureRegisters,
  loadMunicipality,
  loadRoutingRules,
  defaultFixturesDir,
  type Registers,
} from '@lovisa/registry';
import { TestAppBrowser, injectSender } from '@lovisa/bankid';
import { buildApp } from '../app';
import { loadConfig, resolveMunicipality, type AppConfig } from '../config';
import { openDatabase, type DatabaseConfig } from '../db/database';
import { seedStaff } from '../db/seed';
import { createTestDatabase, type DbKind, type TestDatabase } from './databases';

export interface Harness {
  app: FastifyInstance;
  registers: Registers;
  baseUrl: string;
  testDb: TestDatabase;
  /** Moves the app's clock. */
  setNow(date: Date): void;
  close(): Promise<void>;
}

/** The whole app on a real socket (the BankID client talks to the built-in simulator over HTTP). */
export interface HarnessOptions {
  /** Replaces the BankID client's fetch (a misbehaving BankID). */
  bankidFetch?: typeof fetch;
  /** Collects every log line the app writes, at trace level. */
  logLines?: string[];
  /** Other registers than the fixtures read directly (e.g. the HTTP clients). */
  registers?: Registers;
  /** Another attachment store than files in a temporary directory (e.g. an S3 bucket). */
  attachmentStore?: AttachmentStore;
  /** Another municipality's fixtures than Kjellstavik's (e.g. an importer's output), read as FIXTURES_DIR is. */
  fixturesDir?: string;
}

/**
 * The server as `npm start` runs it, on a database the test chose (a PGlite directory, a PostgreSQL database it
 * made), with the fixtures' registers and the real clock; `close` closes the app and the database.
 */
export async function bootOn(
  where: DatabaseConfig,
  opts: { attachmentsDir?: string; attachmentStore?: AttachmentStore; config?: Partial<AppConfig> } = {},
) {
  const database = await openDatabase(where);
  const registers = await loadFixtureRegisters(defaultFixturesDir());
  await seedStaff(database.db, registers);
  const app = await buildApp({
    config: { ...loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' }), ...opts.config },
    database,
    registers,
    ...(opts.attachmentsDir ? { attachmentStore: fileAttachmentStore(opts.attachmentsDir) } : {}),
    ...(opts.attachmentStore ? { attachmentStore: opts.attachmentStore } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  return { app, registers, baseUrl, close: () => app.close().then(() => database.close()) };
}

export async function startHarness(
  kind: DbKind,
  overrides: Partial<AppConfig> = {},
  opts: HarnessOptions = {},
): Promise<Harness> {
  const testDb = await createTestDatabase(kind);
  const fixturesDir = opts.fixturesDir ?? defaultFixturesDir();
  const registers = opts.registers ?? (await loadFixtureRegisters(fixturesDir));
  await seedStaff(testDb.database.db, registers);
  let now = new Date('2026-11-23T10:00:00+01:00');
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' }), fixturesDir, ...overrides };
  config.routingRules = await loadRoutingRules(fixturesDir);
  config.feeSchedule = await loadFeeSchedule(fixturesDir);
  config.municipality = resolveMunicipality(await loadMunicipality(fixturesDir), config.municipalityOverrides);
  config.phraseLibrary = await loadPhraseLibrary(fixturesDir);
  const attachmentsDir = await mkdtemp(path.join(os.tmpdir(), 'lovisa-attachments-'));
  const logLines = opts.logLines;
  const logger = logLines ? { level: 'trace', stream: { write: (line: string) => void logLines.push(line) } } : false;
  const app = await buildApp({
    config,
    database: testDb.database,
    registers,
    basemap: await loadBasemap(fixturesDir),
    clock: () => now,
    logger,
    attachmentStore: opts.attachmentStore ?? fileAttachmentStore(attachmentsDir),
    ...(opts.bankidFetch ? { bankidFetch: opts.bankidFetch } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  return {
    app,
    registers,
    baseUrl: `http://127.0.0.1:${address.port}`,
    testDb,
    setNow: (d) => {
      now = d;
    },
    close: async () => {
      await app.close();
      await testDb.drop();
      await rm(attachmentsDir, { recursive: true, force: true });
    },
  };
}

/** The test BankID app, in a browser on this machine (where Lovisa's tests start their orders). */
export const testApp = (h: Pick<Harness, 'app'>) => new TestAppBrowser(injectSender(h.app));

/**
 * Logs `personnummer` in through the real BankID flow: start (with `body`), approve in the test app, collect.
 * Returns the cookie header.
 */
export async function login(
  h: Pick<Harness, 'app'>,
  personnummer: string,
  body: object = { mode: 'qr' },
): Promise<string> {
  const start = await h.app.inject({ method: 'POST', url: '/api/auth/bankid/start', payload: body });
  if (start.statusCode !== 200) throw new Error(`start failed: ${start.statusCode} ${start.body}`);
  const { orderRef } = start.json() as { orderRef: string };
  const loginCookie = start.cookies.find((c) => c.name === 'lovisa_login')!;
  const approve = await testApp(h).approve(orderRef, personnummer);
  if (approve.status >= 400) throw new Error(`approve failed: ${approve.status} ${approve.body}`);
  const collect = await h.app.inject({
    method: 'POST',
    url: '/api/auth/bankid/collect',
    payload: { orderRef },
    cookies: { lovisa_login: loginCookie.value },
  });
  const session = collect.cookies.find((c) => c.name === 'lovisa_session');
  if (!session) throw new Error(`collect did not complete: ${collect.body}`);
  return `lovisa_session=${session.value}`;
}

/**
 * Submits through the real path: POST (checked, sign order started), the applicant approves in the test
 * BankID app, collect creates the case. Returns the collect answer's case.
 */
export async function submitSigned(
  h: Pick<Harness, 'app'>,
  cookie: string,
  application: ApplicationSubmission,
  signer?: string,
): Promise<CaseSummary> {
  // An application without a draft gets one, with the drawings a permit needs: the rules require them.
  if (!application.draftId) application = await withDrawings(h, cookie, application);
  const started = await h.app.inject({
    method: 'POST',
    url: '/api/applications',
    headers: { cookie },
    payload: application,
  });
  if (started.statusCode !== 202) throw new Error(`submission not started: ${started.statusCode} ${started.body}`);
  const { orderRef } = started.json() as { orderRef: string };
  const session = await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
  const personnummer = signer ?? (session.json() as { personnummer: string }).personnummer;
  const approve = await testApp(h).approve(orderRef, personnummer);
  if (approve.status >= 400) throw new Error(`sign approval refused: ${approve.status}`);
  const collect = await h.app.inject({
    method: 'POST',
    url: '/api/applications/sign/collect',
    headers: { cookie },
    payload: { orderRef },
  });
  const body = collect.json() as { status: string; case?: CaseSummary };
  if (body.status !== 'complete' || !body.case) throw new Error(`signing did not complete: ${collect.body}`);
  return body.case;
}

/** A multipart/form-data body with one file, as a browser sends it. */
export function multipartFile(fileName: string, bytes: Uint8Array, contentType = 'application/pdf') {
  const boundary = `----lovisa${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.from(bytes), tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** A small, clean PDF (a drawing, as far as the checks can tell). */
export const testPdf = (label = 'ritning') =>
  new TextEncoder().encode(
    `%PDF-1.7\n1 0 obj << /Type /Catalog /Title (${label}) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

/** Uploads one file to a draft; returns the response. */
export async function uploadTo(
  h: Pick<Harness, 'app'>,
  cookie: string,
  draftId: string,
  query: string,
  fileName: string,
  bytes: Uint8Array,
  contentType?: string,
) {
  const body = multipartFile(fileName, bytes, contentType);
  return h.app.inject({
    method: 'POST',
    url: `/api/drafts/${draftId}/attachments?${query}`,
    headers: { cookie, 'content-type': body.contentType },
    payload: body.payload,
  });
}

/**
 * The application with a draft of its own carrying every drawing type (situationsplan, plan, fasad, sektion),
 * as the wizard's attachments step would leave it.
 */
export async function withDrawings(
  h: Pick<Harness, 'app'>,
  cookie: string,
  application: ApplicationSubmission,
  types = ['SITU', 'PLA', 'FAS', 'SEK'],
): Promise<ApplicationSubmission> {
  const draftId = randomUUID();
  const put = await h.app.inject({
    method: 'PUT',
    url: `/api/drafts/${draftId}`,
    headers: { cookie },
    payload: { data: { step: 'review', propertyId: application.propertyId } },
  });
  if (put.statusCode !== 200) throw new Error(`draft not saved: ${put.statusCode} ${put.body}`);
  for (const type of types) {
    const res = await uploadTo(h, cookie, draftId, `type=${type}`, `${type}.pdf`, testPdf(type));
    if (res.statusCode !== 201) throw new Error(`upload refused: ${res.statusCode} ${res.body}`);
  }
  return { ...application, draftId };
}
