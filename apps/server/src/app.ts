import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import helmet from 'helmet';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { BankIdRpClient, bankIdSimulator } from '@lovisa/bankid';
import { simIdentities, type BasemapFeatureCollection, type Registers } from '@lovisa/registry';
import { isAppPage } from '@lovisa/domain';
import { kioskSessionIdleMs, type AppConfig } from './config';
import type { Database } from './db/database';
import { dbSimOrderStore } from './bankid/simOrderStore';
import { safeLogger } from './logging';
import dbPlugin from './plugins/db';
import metricsPlugin from './plugins/metrics';
import errorsPlugin from './plugins/errors';
import storableTextPlugin from './plugins/storableText';
import registersPlugin from './plugins/registers';
import sameOriginPlugin from './plugins/sameOrigin';
import attachmentsPlugin from './plugins/attachments';
import attachmentRoutes from './routes/attachments';
import type { AttachmentStore } from './attachments/store';
import sessionPlugin, { SESSION_COOKIE } from './plugins/session';
import applicationRoutes from './routes/applications';
import authRoutes from './routes/auth';
import draftRoutes from './routes/drafts';
import healthRoutes from './routes/health';
import publicSettingsRoutes from './routes/publicSettings';
import meRoutes from './routes/me';
import savedContactRoutes from './routes/savedContact';
import myCasesRoutes from './routes/myCases';
import hearingRoutes from './routes/hearings';
import officerRoutes from './routes/officer';
import officerHearingRoutes from './routes/officerHearing';
import propertyRoutes from './routes/properties';
import kioskRoutes from './routes/kiosk';
import { swedishText } from '@lovisa/domain';
import { appError } from './errors';
import { preloadsFor, readPagePreloads, withPreloads } from './webShell';

/** The answer to an address that does not exist (and, on a kiosk-only server, to what it never serves). */
const PAGE_NOT_FOUND = {
  error: { code: 'notFound', message: swedishText('server.notFound'), messageId: 'server.notFound' },
};

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
    /** Every route registered, so tests can prove none escapes the authorization matrix. */
    routeTable: { method: string; url: string }[];
    /** The BankID RP client, pointed at BankID or at this server's simulator. */
    bankid(): BankIdRpClient;
  }
}

export interface AppOptions {
  config: AppConfig;
  database: Database;
  registers: Registers;
  /** Offline basemap; none by default (the map then shows plots and plans only). */
  basemap?: BasemapFeatureCollection;
  clock?: () => Date;
  logger?: FastifyServerOptions['logger'];
  /** The BankID client's fetch; tests replace it to play a misbehaving BankID. */
  bankidFetch?: typeof fetch;
  /** Where attachment bytes go; files under DATA_DIR/attachments by default. */
  attachmentStore?: AttachmentStore;
}

/** The tile host a configured map background loads from, for img-src ("{s}" subdomains as a wildcard). */
export function tileSources(url: string | undefined): string[] {
  if (!url) return [];
  const { protocol, host } = new URL(url.replace('{s}', 'tile-subdomain'));
  return [`${protocol}//${url.includes('{s}') ? host.replace('tile-subdomain', '*') : host}`];
}

/** What a kiosk-only server refuses: the officer console's pages and API, and the demo e-mail outbox. */
export function kioskRefuses(url: string): boolean {
  let path = (url.split('?')[0] ?? '/').toLowerCase();
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape is the router's to refuse.
  }
  path = path.replace(/\/{2,}/g, '/');
  return /^\/(handlaggare|api\/officer|api\/dev)(\/|$)/.test(path);
}

/** The nearest `hops` proxies are trusted (Fastify does the same for a number; its types only take a function). */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** Kiosk pages: a kiosk-only server sends every other page address here. */
const isKioskPage = (url: string) => url === '/kiosk' || url.startsWith('/kiosk/');

/** External plugins first: security headers, rate limits (per route), the OpenAPI document. */
async function registerExternalPlugins(app: FastifyInstance, config: AppConfig) {
  // The security headers' middleware is built once. @fastify/helmet built it (and parsed the CSP) again on every
  // request: about a twentieth of a small API answer's CPU (docs/performance.md, issue #22's queue bench).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...tileSources(config.mapTiles?.url)],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        // The case view shows documents in the page: files from the API, and previews fetched as blob: URLs.
        frameSrc: ["'self'", 'blob:'],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Localhost demo over http must keep working; production sits behind TLS and sets HSTS there.
    strictTransportSecurity: config.secureCookie === true,
  });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)),
  );
  // Only routes that ask for it are limited (starting BankID orders); limits are per IP, in memory.
  await app.register(rateLimit, {
    global: false,
    // Thrown as an AppError, so the central handler answers it with its message id like any other.
    errorResponseBuilder: (_req, ctx) =>
      appError('tooManyRequests', 'server.tooManyAttempts', { seconds: Math.ceil(ctx.ttl / 1000) }),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Lovisa API', description: `Bygglov i ${config.municipality.name}`, version: '0.1.0' },
    },
    transform: jsonSchemaTransform,
    hideUntagged: true,
  });
  // The document only (GET /api/openapi.json): no Swagger UI, see docs/adr/0007-openapi-without-swagger-ui.md.
}

/** The BankID RP client: pointed at BANKID_URL, or at the built-in simulator. */
function decorateBankId(app: FastifyInstance, opts: AppOptions) {
  // The built-in simulator is asked in-process: its own routes through app.inject, the same requests and
  // answers as over HTTP, without a loopback socket and a second HTTP round per BankID call.
  // A replaced fetch (tests playing a misbehaving BankID) still reaches the simulator over this server's port.
  const builtIn = !opts.config.bankidUrl;
  const selfUrl = () => {
    const address = app.server.address() as AddressInfo | null;
    if (!address)
      throw new Error(
        'The server is not listening; a replaced BankID fetch reaches the built-in simulator on its port.',
      );
    return `http://127.0.0.1:${address.port}/bankid-sim`;
  };
  const simulatorFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const res = await app.inject({
      method: (init?.method ?? 'GET') as 'POST',
      url: url.pathname + url.search,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      payload: typeof init?.body === 'string' ? init.body : undefined,
      remoteAddress: '127.0.0.1',
    });
    return new Response([101, 204, 205, 304].includes(res.statusCode) ? null : res.payload, { status: res.statusCode });
  };
  app.decorate(
    'bankid',
    () =>
      new BankIdRpClient({
        baseUrl: opts.config.bankidUrl ?? (opts.bankidFetch ? selfUrl() : 'http://in-process/bankid-sim'),
        timeoutMs: 10_000,
        ...(opts.bankidFetch ? { fetch: opts.bankidFetch } : builtIn ? { fetch: simulatorFetch } : {}),
      }),
  );
}

/** The API's routes, under /api. */
async function registerApiRoutes(app: FastifyInstance, api: FastifyInstance, config: AppConfig) {
  // The API speaks JSON only: any other body is 415, not a string that fails validation later.
  api.removeContentTypeParser('text/plain');
  await api.register(healthRoutes);
  await api.register(publicSettingsRoutes);
  await api.register(import('./routes/anslagstavla'));
  await api.register(import('./routes/publicRegister'));
  await api.register(authRoutes);
  await api.register(propertyRoutes);
  await api.register(import('./routes/allowanceLedger'));
  await api.register(meRoutes);
  await api.register(savedContactRoutes);
  await api.register(draftRoutes);
  await api.register(attachmentRoutes);
  await api.register(applicationRoutes);
  await api.register(import('./routes/consents'));
  await api.register(import('./routes/consentSigning'));
  await api.register(myCasesRoutes);
  await api.register(import('./routes/myReceipt'));
  await api.register(import('./routes/parties'));
  await api.register(import('./routes/powers'));
  await api.register(hearingRoutes);
  await api.register(import('./routes/consultations'));
  await api.register(kioskRoutes);
  // Not even registered on a kiosk (the hook above answers 404 for the whole prefix as well).
  if (!config.kiosk.only) await api.register(officerRoutes);
  if (!config.kiosk.only) await api.register(import('./routes/officerConsultations'));
  if (!config.kiosk.only) await api.register(officerHearingRoutes);
  if (!config.kiosk.only) await api.register(import('./routes/officerParties'));
  if (!config.kiosk.only) await api.register(import('./routes/statistics'));
  if (!config.kiosk.only) await api.register(import('./routes/queueViews'));
  if (!config.kiosk.only) await api.register(import('./routes/committee'));
  // After the permit (issue #21): the applicant's routes always, the officer's off a kiosk like the rest.
  await api.register(import('./routes/afterPermit'), { officer: !config.kiosk.only });
  await api.register(import('./routes/afterPermitKa'));
  await api.register(import('./routes/sitePlans'));
  // The recorded e-mail outbox: a demo page, mounted only with the BankID simulator.
  if (config.bankidSimulator) await api.register(import('./routes/devOutbox'));
  api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

/** Builds the whole application as a plugin tree; server.ts only listens. Tests build it the same way. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const clock = opts.clock ?? (() => new Date());
  const app = Fastify({
    // Whatever logger is given, it logs through the same rules: no personnummer, body or query string.
    logger: safeLogger(opts.logger ?? false),
    // Off unless TRUST_PROXY names the proxies: otherwise any client could pick its own address (X-Forwarded-For)
    // and step round the per-IP limits. Behind a proxy without it, every citizen shares the proxy's limit.
    trustProxy: typeof opts.config.trustProxy === 'number' ? trustHops(opts.config.trustProxy) : opts.config.trustProxy,
    // Errors the router raises before any route runs (bad URL encoding, over-long path parameters) get the
    // same shape as every other client error.
    frameworkErrors: (error, _request, reply) => {
      const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      void (reply as FastifyReply).status(status).send({
        error: {
          code: 'invalidInput',
          message: status === 414 ? 'Adressen är för lång.' : 'Adressen är inte giltig.',
        },
      });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', opts.config);
  app.decorate('routeTable', []);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) app.routeTable.push({ method, url: route.url });
  });

  await registerExternalPlugins(app, opts.config);

  // Application plugins.
  await app.register(errorsPlugin);
  await app.register(storableTextPlugin);
  await app.register(sameOriginPlugin);
  await app.register(attachmentsPlugin, opts.attachmentStore ? { store: opts.attachmentStore } : {});
  await app.register(dbPlugin, { database: opts.database, clock });
  await app.register(metricsPlugin);
  await app.register(registersPlugin, {
    registers: opts.registers,
    basemap: opts.basemap ?? { type: 'FeatureCollection', features: [] },
  });
  // A kiosk-only server never serves the officer console, its API, or the demo outbox (other people's e-mail),
  // whoever asks: 404, as for an address that does not exist. Checked before any session or route runs.
  if (opts.config.kiosk.only) {
    app.addHook('onRequest', async (request, reply) => {
      if (kioskRefuses(request.url)) {
        return reply.status(404).header('cache-control', 'no-store').send(PAGE_NOT_FOUND);
      }
    });
  }
  await app.register(sessionPlugin, {
    idleMs: opts.config.sessionIdleMs,
    kioskIdleMs: kioskSessionIdleMs(opts.config),
    kioskOnly: opts.config.kiosk.only,
    secureCookie: opts.config.secureCookie,
  });

  decorateBankId(app, opts);

  if (opts.config.bankidSimulator) {
    await app.register(bankIdSimulator, {
      prefix: '/bankid-sim',
      identities: async () => simIdentities(opts.registers),
      clock: () => clock().getTime(),
      orderTtlMs: opts.config.bankidOrderTtlMs,
      // In the database: an order outlives a restart (as at BankID), and every instance sees the same orders.
      store: dbSimOrderStore(opts.database.db),
      limits: opts.config.bankidSimulatorLimits,
    });
  }

  await app.register((api) => registerApiRoutes(app, api, opts.config), { prefix: '/api' });

  const hasWeb = existsSync(opts.config.webDist);
  const preloads = hasWeb ? await readPagePreloads(opts.config.webDist) : [];
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: opts.config.webDist,
      wildcard: false,
      index: false,
      // The build writes x.br and x.gz beside each file over 1 KB (apps/web/vite.config.ts): sent, with
      // Content-Encoding and `Vary: Accept-Encoding`, to a browser that accepts them, the file itself otherwise.
      preCompressed: true,
      // They are no addresses of their own.
      globIgnore: ['**/*.br', '**/*.gz'],
      setHeaders(reply, filePath) {
        // Vite fingerprints assets: cache forever. index.html must be re-read on every visit.
        reply.header(
          'cache-control',
          filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    // HEAD too: monitors and link checkers ask it of "/", and it must answer as GET does.
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !url.startsWith('/api/') &&
      !url.startsWith('/bankid-sim/') &&
      !/\.[a-z0-9]+$/i.test(url);
    // On a kiosk-only server every page is the kiosk face: a fresh start at the attract screen.
    if (isPage && opts.config.kiosk.only && !isKioskPage(url)) {
      return reply.header('cache-control', 'no-store').redirect('/kiosk', 302);
    }
    if (isPage && hasWeb && (opts.config.kiosk.only || isKioskPage(url))) {
      // The kiosk's page is never kept (nor put in the back-forward cache): the back button finds nothing of
      // the last visitor. Sent by hand, as the static plugin would overwrite the cache header.
      const html = await readFile(path.join(opts.config.webDist, 'index.html'));
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
    }
    if (isPage && hasWeb && !isAppPage(url)) {
      // No page of the app: the shell still loads and shows "Sidan finns inte", but the status says so too.
      const html = await readFile(path.join(opts.config.webDist, 'index.html'));
      return reply.status(404).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
    }
    // Signed in as far as the page can tell: the session itself is checked when the answers are asked for.
    const preload = isPage && hasWeb ? preloadsFor(preloads, url, Boolean(request.cookies[SESSION_COOKIE])) : null;
    if (preload && (preload.files.length || preload.fetches.length)) {
      const html = await readFile(path.join(opts.config.webDist, 'index.html'), 'utf8');
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(withPreloads(html, preload));
    }
    if (isPage && hasWeb) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send(PAGE_NOT_FOUND);
  });

  return app;
}
