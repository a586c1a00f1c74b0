import cluster from 'node:cluster';
import path from 'node:path';
import { AggregatorRegistry } from 'prom-client';
import {
  createHttpRegisters,
  loadBasemap,
  loadFeeSchedule,
  loadPhraseLibrary,
  loadFixtureRegisters,
  loadMunicipality,
  loadRoutingRules,
  type Registers,
} from '@lovisa/registry';
import { buildApp } from './app';
import { loadConfig, resolveMunicipality } from './config';
import { demoClock } from './demoClock';
import { openDatabase } from './db/database';
import { seedStaff } from './db/seed';
import { runRetention } from './jobs/retention';
import { sendValidityReminders } from './jobs/validityReminders';
import { sendConsultationReminders } from './services/consultations';
import { messageIdDomain, smtpTransport } from './notifications/mailTransport';
import { startMailDelivery } from './notifications/outboxDelivery';
import { startMetricsServer } from './metrics/server';

let config;
try {
  config = loadConfig();
} catch (err) {
  // A refusal is an operator's to read, not a stack trace to dig through.
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
config.routingRules = await loadRoutingRules(config.fixturesDir);
config.feeSchedule = await loadFeeSchedule(config.fixturesDir);
config.phraseLibrary = await loadPhraseLibrary(config.fixturesDir);
try {
  config.municipality = resolveMunicipality(await loadMunicipality(config.fixturesDir), config.municipalityOverrides);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
const database = await openDatabase(
  config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
);
const fixtures = await loadFixtureRegisters(config.fixturesDir);
// With REGISTERS_URL the registers are asked over HTTP, as a municipality would ask the real ones; the
// BankID simulator still offers the fixtures' people to log in as.
const registers: Registers = config.registersUrl
  ? {
      ...createHttpRegisters({ baseUrl: config.registersUrl }),
      ...(fixtures.testIdentities ? { testIdentities: fixtures.testIdentities } : {}),
    }
  : fixtures;
await seedStaff(database.db, registers);

const app = await buildApp({
  config,
  database,
  registers,
  basemap: await loadBasemap(config.fixturesDir),
  ...(config.demoClockFile ? { clock: demoClock(config.demoClockFile) } : {}),
  // buildApp adds the rules of logging.ts: no session cookie, personnummer, request body or query string.
  logger: { level: config.logLevel },
});

// Retention: at start and then hourly. Safe to run on every instance at once (a plain conditional delete;
// attachment files no row points at are removed only past a grace period, see jobs/retention.ts).
const retention = async () => {
  try {
    const { drafts, files } = await runRetention(
      database.db,
      app.attachmentStore,
      new Date(),
      config.draftRetentionDays,
    );
    if (drafts > 0) app.log.info({ removed: drafts }, 'stale drafts deleted');
    if (files.removed > 0) app.log.info(files, 'unreferenced attachment files deleted');
  } catch (err) {
    app.log.error({ err }, 'draft retention failed');
  }
};
await retention();
// Fire and forget: retention() catches and logs its own failures.
const retentionTimer = setInterval(() => void retention(), 3_600_000);
retentionTimer.unref();

// Reminders before a permit lapses (issue #21): hourly, so each goes out within the hour after 08:00 on its day.
// Run beside the server, never before it listens, and never two runs at once on this instance.
let remindersRunning = false;
const REMINDERS_FIRST_RUN_DELAY_MS = 60_000;
const reminders = async () => {
  if (remindersRunning) return;
  remindersRunning = true;
  try {
    const sent = await sendValidityReminders(database.db, app.clock());
    if (sent > 0) app.log.info({ sent }, 'validity reminders sent');
    // Remiss bodies that have not answered, two days before their reply-by day (issue #22).
    const reminded = await sendConsultationReminders(app);
    if (reminded > 0) app.log.info({ reminded }, 'remiss reminders sent');
  } catch (err) {
    app.log.error({ err }, 'validity reminders failed');
  } finally {
    remindersRunning = false;
  }
};
setInterval(() => void reminders(), 3_600_000).unref();

// E-mail: with a mail server configured, the outbox is sent from here; every instance may run it (entries are
// claimed with SKIP LOCKED). Without one, e-mail stays recorded in the outbox (README, SMTP_URL).
const mail = config.mail.smtpUrl
  ? startMailDelivery({
      db: database.db,
      transport: smtpTransport(config.mail.smtpUrl),
      from: config.mail.from,
      messageIdDomain: messageIdDomain(config.mail.from),
      publicUrl: config.publicUrl,
      intervalMs: config.mail.pollMs,
      log: app.log,
    })
  : null;

let metrics: Awaited<ReturnType<typeof startMetricsServer>> | null = null;
let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  clearInterval(retentionTimer);
  await mail?.stop();
  metrics?.server.close();
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
// The first run waits a minute: a server that just started (or restarted under load) answers its users first,
// and a reminder is due within the hour after 08:00 anyway. On a database never visited by the job (the first start
// after an upgrade), that first run works through every old granted permit once; each sets its next day.
setTimeout(() => void reminders(), REMINDERS_FIRST_RUN_DELAY_MS).unref();
// Metrics on their own port (METRICS_PORT), never the public one. A cluster's worker hands its figures to the
// primary (cluster.ts), which serves them summed.
if (cluster.isWorker) {
  new AggregatorRegistry(); // constructing one is what makes a worker answer the primary's requests
  AggregatorRegistry.setRegistries([app.metrics.registry]);
} else if (config.metrics) metrics = await startMetricsServer(app.metrics.registry, config.metrics);
if (metrics) app.log.info(`metrics at ${metrics.url}`);
for (const note of config.bankidSimulatorNotes) app.log[note.level](note.message);
app.log.info(
  `Lovisa is running on http://localhost:${(app.server.address() as { port: number }).port} (database: ${database.kind})`,
);
