import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  DEFAULT_SAKAGARE_DISTANCE_M,
  KJELLSTAVIK,
  MunicipalitySchema,
  type FeeSchedule,
  type Municipality,
  type PhraseLibrary,
  type RoutingRule,
} from '@lovisa/domain';
import type { S3Settings } from './attachments/s3Store';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const bool = z.enum(['true', 'false', '1', '0', 'on', 'off']).transform((v) => v === 'true' || v === '1' || v === 'on');

export const DEFAULT_KIOSK_HELP_TEXT =
  'Personalen på medborgarkontoret hjälper dig gärna. Fråga i receptionen här i stadshuset, eller ring kontaktcenter på 0123-456 00 (vardagar 8–17).';

/** An IP address, or one with a prefix length that fits it (10.0.0.0/8, fd00::/8). */
function isIpOrCidr(value: string): boolean {
  const [address = '', prefix, ...rest] = value.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** Every setting comes from the environment; names are documented in README.md. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Loopback by default: a newcomer's `npm start` is a demo on their own machine, reachable by no one else. */
  HOST: z.string().default('localhost'),
  DATA_DIR: z.string().default(path.join(repoRoot, 'data')),
  DATABASE_URL: z.string().url().optional(),
  FIXTURES_DIR: z.string().default(path.join(repoRoot, 'fixtures')),
  /** Base URL of the registers' HTTP API (e.g. `npm run registers`); unset: read the fixtures directly. */
  REGISTERS_URL: z.string().url().optional(),
  WEB_DIST: z.string().default(path.join(repoRoot, 'apps/web/dist')),
  /** Base URL of BankID's RP API (…/rp/v6.0 is appended). Unset: this server's own simulator. */
  BANKID_URL: z.string().url().optional(),
  /** Mounts the BankID simulator, its test app and the demo mailbox. Unset: on only on loopback without BANKID_URL. */
  BANKID_SIMULATOR: bool.optional(),
  /** The only way to run the simulator with NODE_ENV=production: it lets anyone log in as anyone. */
  I_UNDERSTAND_THE_BANKID_SIMULATOR_LETS_ANYONE_LOG_IN: bool.default(false),
  NODE_ENV: z.string().optional(),
  /** Pending orders the simulator holds at once, in all and per end-user IP address. */
  BANKID_SIMULATOR_MAX_PENDING: z.coerce.number().int().positive().default(1000),
  BANKID_SIMULATOR_MAX_PENDING_PER_IP: z.coerce.number().int().positive().default(50),
  BANKID_ORDER_TTL_SECONDS: z.coerce.number().int().positive().default(180),
  /** How often browsers collect a BankID order; BankID's guidance is every 2 s. */
  BANKID_POLL_INTERVAL_MS: z.coerce.number().int().min(100).max(10_000).default(2000),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  /** BankID orders (login or sign) one IP address may start per minute. */
  BANKID_START_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /** An optional raster background for the maps, e.g. https://{s}.tiles.example/{z}/{x}/{y}.png; unset = offline map. */
  MAP_TILE_URL: z.url({ protocol: /^https?$/ }).optional(),
  MAP_TILE_ATTRIBUTION: z.string().max(300).default(''),
  /** Uploads one address may make per minute (a whole application has about ten files). */
  UPLOAD_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** Secure cookies: `auto` = on unless the site is served from localhost (where browsers allow http). */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Drafts untouched this long are deleted (cases never are). */
  DRAFT_RETENTION_DAYS: z.coerce.number().int().positive().default(90),
  /** Owners of properties this close to the site are sakägare besides the adjoining ones (across a street). */
  /** Demo and browser tests only: a file holding a number of days the server's clock runs ahead of the real one. */
  DEMO_CLOCK_FILE: z.string().min(1).optional(),
  SAKAGARE_DISTANCE_M: z.coerce.number().min(0).max(500).default(DEFAULT_SAKAGARE_DISTANCE_M),
  /** New cases wait unassigned in their team's queue, or go to the team's least-loaded officer. */
  ASSIGN_NEW_CASES: z.enum(['unassigned', 'leastLoaded']).default('unassigned'),
  PUBLIC_REGISTER_DIARY: bool.default(true),
  /** A mail server for the outbox, e.g. smtp://user:password@smtp.kjellstavik.se:587; unset = e-mail is only recorded. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The sender of Lovisa's e-mail; its domain also names the Message-IDs. */
  MAIL_FROM: z.string().max(200).default('Kjellstavik kommun <bygglov@kjellstavik.example>'),
  /**
   * The address residents reach the service at (e.g. https://bygglov.kjellstavik.se): e-mails link to the case in
   * Mina ärenden there. Unset: http://localhost:PORT on a loopback HOST, otherwise e-mails carry no link.
   */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** How often the outbox is checked for e-mail to send. */
  MAIL_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  /**
   * Which proxies in front may say who the client is (X-Forwarded-For): a hop count (`1`) or a comma-separated
   * list of their addresses or CIDR ranges. Unset: none, the socket's address is the client's.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .refine((v) => /^\d{1,2}$/.test(v) || v.split(',').every((a) => isIpOrCidr(a.trim())), {
      message: 'a hop count (e.g. 1) or a comma-separated list of IP addresses or CIDR ranges',
    })
    .optional(),
  /** Prometheus metrics (GET /metrics) on a port of their own; unset = not served. Never on the public port. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** The metrics port's interface: loopback unless an operator's scraper must reach it from elsewhere. */
  METRICS_HOST: z.string().default('127.0.0.1'),
  /** Attachments in this S3 bucket instead of DATA_DIR/attachments (the other S3_* say where and how). */
  S3_BUCKET: z.string().min(3).max(63).optional(),
  /** An S3-compatible server (MinIO, Ceph, a cloud's object storage); unset = Amazon S3. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A town-hall kiosk: every page is the kiosk face, the officer console and its API are never served. */
  KIOSK_ONLY: bool.default(false),
  /** Seconds without a touch before the kiosk asks "Vill du fortsätta?". */
  KIOSK_IDLE_SECONDS: z.coerce.number().int().min(1).max(3600).default(90),
  /** Seconds the question waits before the visit is ended and everything wiped. */
  KIOSK_COUNTDOWN_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  /** How a visitor gets help from the staff at this town hall (shown by "Be om hjälp"). */
  KIOSK_HELP_TEXT: z.string().max(600).default(DEFAULT_KIOSK_HELP_TEXT),
  /** Override single fields of fixtures/municipality.json (docs/your-town.md); checked as the file is. */
  MUNICIPALITY_NAME: z.string().optional(),
  MUNICIPALITY_NAME_EN: z.string().optional(),
  MUNICIPALITY_BOARD: z.string().optional(),
  MUNICIPALITY_LOGO: z.string().optional(),
  MUNICIPALITY_COLOUR_PRIMARY: z.string().optional(),
  MUNICIPALITY_PHONE: z.string().optional(),
  MUNICIPALITY_EMAIL: z.string().optional(),
  MUNICIPALITY_ADDRESS: z.string().optional(),
  MUNICIPALITY_OPENING_HOURS: z.string().optional(),
});

/** The MUNICIPALITY_* variables set, as the part of municipality.json they replace. */
export interface MunicipalityOverrides {
  name?: string;
  nameEn?: string;
  board?: string;
  logo?: string;
  colours?: { primary?: string };
  contact?: { phone?: string; email?: string; address?: string; openingHours?: string };
}

function municipalityOverrides(e: z.infer<typeof EnvSchema>): MunicipalityOverrides {
  const defined = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  const contact = defined({
    phone: e.MUNICIPALITY_PHONE,
    email: e.MUNICIPALITY_EMAIL,
    address: e.MUNICIPALITY_ADDRESS,
    openingHours: e.MUNICIPALITY_OPENING_HOURS,
  });
  return {
    ...defined({
      name: e.MUNICIPALITY_NAME,
      nameEn: e.MUNICIPALITY_NAME_EN,
      board: e.MUNICIPALITY_BOARD,
      logo: e.MUNICIPALITY_LOGO,
    }),
    ...(e.MUNICIPALITY_COLOUR_PRIMARY ? { colours: { primary: e.MUNICIPALITY_COLOUR_PRIMARY } } : {}),
    ...(Object.keys(contact).length ? { contact } : {}),
  };
}

/**
 * The municipality's identity: the file's (or the demo town's), with the environment's overrides on top, checked
 * as a whole — a colour that fails the contrast check stops the start with the reason, whichever source gave it.
 */
export function resolveMunicipality(base: Municipality, overrides: MunicipalityOverrides): Municipality {
  const parsed = MunicipalitySchema.safeParse({
    ...base,
    ...overrides,
    colours: { ...base.colours, ...overrides.colours },
    contact: { ...base.contact, ...overrides.contact },
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  municipality.${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  return parsed.data;
}

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  fixturesDir: string;
  registersUrl: string | undefined;
  webDist: string;
  bankidUrl: string | undefined;
  bankidSimulator: boolean;
  /** What start-up must say about BankID (see decideBankIdSimulator); the server logs it. */
  bankidSimulatorNotes: SimulatorNote[];
  bankidSimulatorLimits: { maxPending: number; maxPendingPerIp: number };
  bankidOrderTtlMs: number;
  bankidPollIntervalMs: number;
  sessionIdleMs: number;
  bankidStartLimitPerMinute: number;
  uploadLimitPerMinute: number;
  mapTiles: { url: string; attribution: string } | null;
  secureCookie: 'auto' | boolean;
  logLevel: string;
  /** Where GET /metrics is served, apart from the public port; null = nowhere. */
  metrics: { port: number; host: string } | null;
  /** Fastify's trustProxy: false (the socket's address), a hop count, or the proxies' addresses and ranges. */
  trustProxy: false | number | string[];
  draftRetentionDays: number;
  /** Sakägare: owners of properties adjoining the site or within this many metres of it. */
  sakagareDistanceM: number;
  /** DEMO_CLOCK_FILE: the days in this file are added to the real clock (demos and browser tests). */
  demoClockFile: string | null;
  /** `unassigned`: a new case waits in the team's queue; `leastLoaded`: it goes to the officer with fewest open cases. */
  assignNewCases: 'unassigned' | 'leastLoaded';
  /**
   * PUBLIC_REGISTER_DIARY: the public register lists the diary too (applications in handling, refusals,
   * withdrawals…), not only announced decisions. Public records either way; on by default.
   */
  publicRegisterDiary: boolean;
  /** The town-hall kiosk (docs/kiosk.md). */
  kiosk: KioskConfig;
  /** Attachments in an S3 bucket (S3_BUCKET set); null = files under `dataDir/attachments`. */
  s3: S3Settings | null;
  /** Outgoing e-mail; `smtpUrl` null = messages are recorded in the outbox only (the dev page lists them). */
  mail: { smtpUrl: string | null; from: string; pollMs: number };
  /** Where residents reach the service, without a trailing slash; null = unknown (e-mails carry no link). */
  publicUrl: string | null;
  routingRules: RoutingRule[];
  /** The municipality's fee schedule (fixtures/fees.json); null until loaded. */
  feeSchedule: FeeSchedule | null;
  /** The municipality's decision conditions to pick from (fixtures/phrases.json); empty until loaded. */
  phraseLibrary: PhraseLibrary;
  /** Name, logo, colour and contact (fixtures/municipality.json with MUNICIPALITY_* on top); Kjellstavik's until loaded. */
  municipality: Municipality;
  /** The MUNICIPALITY_* variables, applied again when the fixtures' municipality.json is loaded. */
  municipalityOverrides: MunicipalityOverrides;
}

export interface KioskConfig {
  /** This server is a kiosk: pages are the kiosk face, every session is a kiosk session, no officer console. */
  only: boolean;
  idleSeconds: number;
  countdownSeconds: number;
  helpText: string;
}

/**
 * How long a kiosk session lives on the server without a request: the page's own idle question and countdown,
 * plus two minutes for a page that died without logging out (a crashed browser, a pulled plug). Sliding
 * expiry is written at most once a minute, hence the margin. Never longer than an ordinary session.
 */
export function kioskSessionIdleMs(config: Pick<AppConfig, 'kiosk' | 'sessionIdleMs'>): number {
  return Math.min(config.sessionIdleMs, (config.kiosk.idleSeconds + config.kiosk.countdownSeconds + 120) * 1000);
}

/** PUBLIC_URL without its trailing slash; on a loopback host the local address is a safe guess. */
export function publicUrlOf(configured: string | undefined, host: string, port: number): string | null {
  if (configured) return configured.replace(/\/+$/, '');
  return isLoopbackHost(host) ? `http://localhost:${port}` : null;
}

/** Addresses only this machine can reach. `0.0.0.0` and `::` are every interface, the opposite. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

export interface SimulatorNote {
  level: 'info' | 'warn';
  message: string;
}

export interface SimulatorDecisionInput {
  host: string;
  /** BANKID_SIMULATOR as set; undefined when not set at all. */
  requested: boolean | undefined;
  bankidUrl: string | undefined;
  nodeEnv: string | undefined;
  /** I_UNDERSTAND_THE_BANKID_SIMULATOR_LETS_ANYONE_LOG_IN */
  acknowledged: boolean;
}

export type SimulatorDecision =
  | { ok: true; enabled: boolean; notes: SimulatorNote[] }
  /** The server must not start: `reason` says what to set. */
  | { ok: false; reason: string };

const ACK_FLAG = 'I_UNDERSTAND_THE_BANKID_SIMULATOR_LETS_ANYONE_LOG_IN';

/**
 * Whether the BankID simulator (and the demo mailbox that comes with it) is mounted. The simulator lets anyone
 * who reaches the server log in as anyone, officers included, so it is never on by accident where others can
 * reach it: unset, it is on only when the server listens on loopback and no real BankID is configured.
 * Production refuses it unless the operator has said in writing that they know what it does.
 */
export function decideBankIdSimulator(input: SimulatorDecisionInput): SimulatorDecision {
  const loopback = isLoopbackHost(input.host);
  const enabled = input.requested ?? (loopback && !input.bankidUrl);
  const notes: SimulatorNote[] = [];
  if (enabled && input.nodeEnv === 'production' && !input.acknowledged) {
    return {
      ok: false,
      reason:
        `The BankID simulator is on (BANKID_SIMULATOR${input.requested === undefined ? ' unset, HOST is loopback' : '=true'}) and NODE_ENV=production. ` +
        `The simulator lets anyone log in as anyone. Set BANKID_URL to BankID and BANKID_SIMULATOR=false, ` +
        `or, for a demo only, ${ACK_FLAG}=true.`,
    };
  }
  if (enabled && !loopback) {
    notes.push({
      level: 'warn',
      message:
        `!!! The BankID simulator is on and the server listens on ${input.host}: ANYONE WHO CAN REACH IT CAN LOG IN AS ANYONE, ` +
        `officers included, and read the demo mailbox. Only for a demo on a network you trust; set BANKID_SIMULATOR=false otherwise.`,
    });
  } else if (enabled) {
    notes.push({
      level: 'info',
      message: 'BankID simulator on (loopback only): log in with the test BankID app at /bankid-sim/app.',
    });
  }
  if (!enabled && !input.bankidUrl) {
    notes.push({
      level: 'warn',
      message:
        `No BankID: nobody can log in. ` +
        (input.requested === false
          ? "Set BANKID_URL to BankID's RP API."
          : `HOST=${input.host} is not loopback, so the simulator stays off. Set BANKID_URL to BankID's RP API, ` +
            `or BANKID_SIMULATOR=true for a demo on a trusted network (anyone who reaches it can then log in as anyone), ` +
            `or HOST=localhost to try Lovisa on this machine.`),
    });
  }
  return { ok: true, enabled, notes };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // An empty variable means unset (e.g. DATABASE_URL= to force the embedded database).
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  const simulator = decideBankIdSimulator({
    host: e.HOST,
    requested: e.BANKID_SIMULATOR,
    bankidUrl: e.BANKID_URL,
    nodeEnv: e.NODE_ENV,
    acknowledged: e.I_UNDERSTAND_THE_BANKID_SIMULATOR_LETS_ANYONE_LOG_IN,
  });
  if (!simulator.ok) throw new Error(`Refusing to start: ${simulator.reason}`);
  // Moving the clock moves every deadline: only where anyone may log in as anyone anyway.
  if (e.DEMO_CLOCK_FILE && !simulator.enabled)
    throw new Error('Refusing to start: DEMO_CLOCK_FILE is for demos and tests, with the BankID simulator only');
  const s3 = s3Settings(e);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    fixturesDir: e.FIXTURES_DIR,
    registersUrl: e.REGISTERS_URL,
    webDist: e.WEB_DIST,
    bankidUrl: e.BANKID_URL,
    bankidSimulator: simulator.enabled,
    bankidSimulatorNotes: simulator.notes,
    bankidSimulatorLimits: {
      maxPending: e.BANKID_SIMULATOR_MAX_PENDING,
      maxPendingPerIp: e.BANKID_SIMULATOR_MAX_PENDING_PER_IP,
    },
    bankidOrderTtlMs: e.BANKID_ORDER_TTL_SECONDS * 1000,
    bankidPollIntervalMs: e.BANKID_POLL_INTERVAL_MS,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    bankidStartLimitPerMinute: e.BANKID_START_LIMIT_PER_MINUTE,
    uploadLimitPerMinute: e.UPLOAD_LIMIT_PER_MINUTE,
    mapTiles: e.MAP_TILE_URL ? { url: e.MAP_TILE_URL, attribution: e.MAP_TILE_ATTRIBUTION } : null,
    secureCookie: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    logLevel: e.LOG_LEVEL,
    metrics: e.METRICS_PORT === undefined ? null : { port: e.METRICS_PORT, host: e.METRICS_HOST },
    trustProxy:
      e.TRUST_PROXY === undefined
        ? false
        : /^\d+$/.test(e.TRUST_PROXY)
          ? Number(e.TRUST_PROXY)
          : e.TRUST_PROXY.split(',').map((a) => a.trim()),
    draftRetentionDays: e.DRAFT_RETENTION_DAYS,
    sakagareDistanceM: e.SAKAGARE_DISTANCE_M,
    demoClockFile: e.DEMO_CLOCK_FILE ?? null,
    assignNewCases: e.ASSIGN_NEW_CASES,
    publicRegisterDiary: e.PUBLIC_REGISTER_DIARY,
    s3,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM, pollMs: e.MAIL_POLL_SECONDS * 1000 },
    publicUrl: publicUrlOf(e.PUBLIC_URL, e.HOST, e.PORT),
    kiosk: {
      only: e.KIOSK_ONLY,
      idleSeconds: e.KIOSK_IDLE_SECONDS,
      countdownSeconds: e.KIOSK_COUNTDOWN_SECONDS,
      helpText: e.KIOSK_HELP_TEXT,
    },
    routingRules: [],
    feeSchedule: null,
    phraseLibrary: [],
    municipality: resolveMunicipality(KJELLSTAVIK, municipalityOverrides(e)),
    municipalityOverrides: municipalityOverrides(e),
  };
}

/**
 * The S3 store's settings, or null for the file store. Half a configuration stops the start with what is missing,
 * rather than quietly writing the files to local disk on a server that was meant to share a bucket.
 */
function s3Settings(e: z.infer<typeof EnvSchema>): S3Settings | null {
  const named = (['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter(
    (k) => e[k] !== undefined,
  );
  if (!e.S3_BUCKET) {
    if (named.length > 0) throw new Error(`Invalid configuration: ${named.join(', ')} set but S3_BUCKET is not`);
    return null;
  }
  if (!e.S3_REGION) throw new Error('Invalid configuration: S3_BUCKET is set but S3_REGION is not (e.g. eu-north-1)');
  if ((e.S3_ACCESS_KEY_ID === undefined) !== (e.S3_SECRET_ACCESS_KEY === undefined))
    throw new Error(
      'Invalid configuration: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (the SDK then finds credentials itself)',
    );
  return {
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT } : {}),
    ...(e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY } }
      : {}),
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
  };
}
