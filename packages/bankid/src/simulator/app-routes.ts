import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderLookupFailure, renderOrderList, renderOrderPage, type Notice, type PageContext } from './app-page';
import { buildCompletionData } from './completion-data';
import type { SimIdentity } from './identities';
import type { OrderBook, Viewer } from './order-book';

export interface AppRoutesOptions {
  orders: OrderBook;
  identities: () => Promise<SimIdentity[]>;
  clock: () => number;
  /** Keys the forms' CSRF tokens. */
  csrfSecret: string;
}

/** Orders one test app page lists at most: the page stays small whatever happens elsewhere. */
export const LIST_LIMIT = 20;

/** The test app's device cookie: which "phone" this browser is. */
export const DEVICE_COOKIE = 'bankid_sim_app';
export const CSRF_FIELD = 'csrf';

/**
 * A done action redirects back to the list (post/redirect/get) carrying a fixed code, never free text, so the
 * page cannot be made to show arbitrary messages.
 */
const doneNotices = {
  godkand: { kind: 'info', text: 'Ordern är godkänd. Tjänsten får svaret vid nästa kontroll (collect).' },
  avbruten: { kind: 'info', text: 'Ordern är avbruten.' },
} satisfies Record<string, Notice>;
type DoneCode = keyof typeof doneNotices;

/**
 * A refused action answers with the list and a 4xx status rather than a redirect, so a script driving the
 * page (an e2e test, a server test's login helper) sees the refusal in the status code.
 */
const refusals = {
  ingenIdentitet: { status: 400, text: 'Välj en identitet innan du godkänner.' },
  okandIdentitet: { status: 400, text: 'Den valda identiteten finns inte bland testidentiteterna.' },
  felPerson: {
    status: 403,
    text: 'Ordern kräver ett annat personnummer än den valda identitetens. Den godkändes inte.',
  },
  // Someone else's order answers as one that does not exist: the page tells no one whose orders are pending.
  ejPagaende: { status: 409, text: 'Ordern finns inte eller är inte längre pågående.' },
  annanSida: { status: 403, text: 'Formuläret skickades från en annan webbplats och har stoppats.' },
  gammaltFormular: { status: 403, text: 'Formuläret är för gammalt. Sidan har laddats om; försök igen.' },
} as const;
type RefusalCode = keyof typeof refusals;

const lookupNotices = {
  malformed: { kind: 'error', text: 'QR-datan har fel format.' },
  tampered: { kind: 'error', text: 'QR-datan är ogiltig: kontrollsumman stämmer inte med ordern.' },
  unknown: { kind: 'error', text: 'Ingen pågående order matchar QR-datan eller autostarttoken.' },
} satisfies Record<string, Notice>;

function field(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

function cookieValue(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** A state-changing request a browser says came from another site (or from an opaque origin). */
function crossSite(request: FastifyRequest): boolean {
  // Fetch metadata is the browser's own word on where the post came from; Origin is the fallback for older ones.
  const site = request.headers['sec-fetch-site'];
  if (site) return site !== 'same-origin';
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/** The test BankID app, under `/app`: browser forms only. */
export async function appRoutes(app: FastifyInstance, opts: AppRoutesOptions): Promise<void> {
  const { orders, identities, clock } = opts;
  const appPath = app.prefix;

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 8 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  const csrfToken = (device: string) =>
    createHmac('sha256', opts.csrfSecret).update(`csrf:${device}`).digest('base64url');

  /**
   * This browser's device id, from its cookie or new. Its own orders (started from its address) and the ones
   * it opened with a QR code or autostart token are all it is shown, as a phone shows only its own.
   */
  function viewerOf(request: FastifyRequest, reply: FastifyReply): Viewer & { fresh: boolean } {
    const existing = cookieValue(request, DEVICE_COOKIE);
    if (existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing)) return { ip: request.ip, device: existing, fresh: false };
    const device = randomBytes(24).toString('base64url');
    const secure = request.protocol === 'https' ? '; Secure' : '';
    void reply.header('set-cookie', `${DEVICE_COOKIE}=${device}; Path=${appPath}; HttpOnly; SameSite=Strict${secure}`);
    return { ip: request.ip, device, fresh: true };
  }

  /** The form's token matches this browser's cookie, and the browser does not say the post came from elsewhere. */
  function formRefusal(request: FastifyRequest, viewer: Viewer & { fresh: boolean }): RefusalCode | undefined {
    if (crossSite(request)) return 'annanSida';
    const sent = Buffer.from(field(request.body, CSRF_FIELD) ?? '');
    const expected = Buffer.from(csrfToken(viewer.device));
    if (viewer.fresh || sent.length !== expected.length || !timingSafeEqual(sent, expected)) return 'gammaltFormular';
    return undefined;
  }

  async function context(viewer: Viewer, notice?: Notice): Promise<PageContext> {
    return { appPath, now: clock(), identities: await identities(), notice, csrfToken: csrfToken(viewer.device) };
  }

  function html(reply: FastifyReply, status: number, page: string) {
    return reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
      )
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .send(page);
  }

  function finished(reply: FastifyReply, code: DoneCode) {
    return reply.redirect(`${appPath}?meddelande=${code}`, 303);
  }

  async function refuse(reply: FastifyReply, viewer: Viewer, code: RefusalCode) {
    const { status, text } = refusals[code];
    return html(
      reply,
      status,
      renderOrderList(await orders.pendingFor(viewer, LIST_LIMIT), await context(viewer, { kind: 'error', text })),
    );
  }

  /** The order this form acts on, if the form is genuine and the order is pending and this app's to answer. */
  async function formOrder(request: FastifyRequest<{ Params: { orderRef: string } }>, reply: FastifyReply) {
    const viewer = viewerOf(request, reply);
    const refusal = formRefusal(request, viewer);
    if (refusal) return { viewer, refusal } as const;
    const order = await orders.get(request.params.orderRef);
    if (!order || order.outcome.status !== 'pending' || !orders.visibleTo(order, viewer))
      return { viewer, refusal: 'ejPagaende' } as const;
    return { viewer, order } as const;
  }

  // Under a prefix, '/' answers both `/app` and `/app/`: testers type this address by hand.
  app.get<{ Querystring: { meddelande?: string } }>('/', async (request, reply) => {
    const viewer = viewerOf(request, reply);
    const code = request.query.meddelande;
    const notice = code && Object.hasOwn(doneNotices, code) ? doneNotices[code as DoneCode] : undefined;
    return html(
      reply,
      200,
      renderOrderList(await orders.pendingFor(viewer, LIST_LIMIT), await context(viewer, notice)),
    );
  });

  app.get<{ Querystring: { kod?: string } }>('/find', async (request, reply) => {
    const viewer = viewerOf(request, reply);
    const found = await orders.lookup((request.query.kod ?? '').slice(0, 300), viewer);
    if (!found.ok) {
      return html(
        reply,
        found.reason === 'unknown' ? 404 : 400,
        renderLookupFailure(await context(viewer, lookupNotices[found.reason])),
      );
    }
    // Opening binds the order to this app, so it can be answered from here even from another address.
    await orders.markOpened(found.order, viewer);
    return reply.redirect(`${appPath}/orders/${encodeURIComponent(found.order.orderRef)}`, 303);
  });

  app.get<{ Params: { orderRef: string } }>('/orders/:orderRef', async (request, reply) => {
    const viewer = viewerOf(request, reply);
    const order = await orders.get(request.params.orderRef);
    const pending = order?.outcome.status === 'pending' && orders.visibleTo(order, viewer) ? order : undefined;
    if (pending) await orders.markOpened(pending, viewer);
    return html(reply, pending ? 200 : 404, renderOrderPage(pending, await context(viewer)));
  });

  app.post<{ Params: { orderRef: string } }>('/orders/:orderRef/approve', async (request, reply) => {
    const form = await formOrder(request, reply);
    if (!form.order) return refuse(reply, form.viewer, form.refusal);
    const { order, viewer } = form;
    const personalNumber = field(request.body, 'personalNumber');
    if (!personalNumber) return refuse(reply, viewer, 'ingenIdentitet');
    const identity = (await identities()).find((i) => i.personalNumber === personalNumber);
    if (!identity) return refuse(reply, viewer, 'okandIdentitet');
    const required = order.requirement.personalNumber;
    if (required && required !== identity.personalNumber) return refuse(reply, viewer, 'felPerson');
    if (!(await orders.complete(order, buildCompletionData(order, identity, clock()))))
      return refuse(reply, viewer, 'ejPagaende');
    return finished(reply, 'godkand');
  });

  app.post<{ Params: { orderRef: string } }>('/orders/:orderRef/cancel', async (request, reply) => {
    const form = await formOrder(request, reply);
    if (!form.order) return refuse(reply, form.viewer, form.refusal);
    if (!(await orders.fail(form.order, 'userCancel'))) return refuse(reply, form.viewer, 'ejPagaende');
    return finished(reply, 'avbruten');
  });
}
