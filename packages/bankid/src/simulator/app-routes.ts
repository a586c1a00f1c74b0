import type { FastifyInstance, FastifyReply } from 'fastify';
import { renderLookupFailure, renderOrderList, renderOrderPage, type Notice, type PageContext } from './app-page';
import { buildCompletionData } from './completion-data';
import type { SimIdentity } from './identities';
import type { OrderBook } from './order-book';

export interface AppRoutesOptions {
  orders: OrderBook;
  identities: () => Promise<SimIdentity[]>;
  clock: () => number;
}

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
  ejPagaende: { status: 409, text: 'Ordern finns inte eller är inte längre pågående.' },
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

  async function context(notice?: Notice): Promise<PageContext> {
    return { appPath, now: clock(), identities: await identities(), notice };
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
      .send(page);
  }

  function finished(reply: FastifyReply, code: DoneCode) {
    return reply.redirect(`${appPath}?meddelande=${code}`, 303);
  }

  async function refuse(reply: FastifyReply, code: RefusalCode) {
    const { status, text } = refusals[code];
    return html(reply, status, renderOrderList(orders.pending(), await context({ kind: 'error', text })));
  }

  // Under a prefix, '/' answers both `/app` and `/app/`: testers type this address by hand.
  app.get<{ Querystring: { meddelande?: string } }>('/', async (request, reply) => {
    const code = request.query.meddelande;
    const notice = code && Object.hasOwn(doneNotices, code) ? doneNotices[code as DoneCode] : undefined;
    return html(reply, 200, renderOrderList(orders.pending(), await context(notice)));
  });

  app.get<{ Querystring: { kod?: string } }>('/find', async (request, reply) => {
    const found = orders.lookup((request.query.kod ?? '').slice(0, 300));
    if (!found.ok) {
      return html(
        reply,
        found.reason === 'unknown' ? 404 : 400,
        renderLookupFailure(await context(lookupNotices[found.reason])),
      );
    }
    return reply.redirect(`${appPath}/orders/${encodeURIComponent(found.order.orderRef)}`, 303);
  });

  app.get<{ Params: { orderRef: string } }>('/orders/:orderRef', async (request, reply) => {
    const order = orders.get(request.params.orderRef);
    const pending = order?.outcome.status === 'pending' ? order : undefined;
    if (pending) orders.markOpened(pending);
    return html(reply, pending ? 200 : 404, renderOrderPage(pending, await context()));
  });

  app.post<{ Params: { orderRef: string } }>('/orders/:orderRef/approve', async (request, reply) => {
    const order = orders.get(request.params.orderRef);
    if (!order || order.outcome.status !== 'pending') return refuse(reply, 'ejPagaende');
    const personalNumber = field(request.body, 'personalNumber');
    if (!personalNumber) return refuse(reply, 'ingenIdentitet');
    const identity = (await identities()).find((i) => i.personalNumber === personalNumber);
    if (!identity) return refuse(reply, 'okandIdentitet');
    const required = order.requirement.personalNumber;
    if (required && required !== identity.personalNumber) return refuse(reply, 'felPerson');
    orders.complete(order, buildCompletionData(order, identity, clock()));
    return finished(reply, 'godkand');
  });

  app.post<{ Params: { orderRef: string } }>('/orders/:orderRef/cancel', async (request, reply) => {
    const order = orders.get(request.params.orderRef);
    if (!order || order.outcome.status !== 'pending') return refuse(reply, 'ejPagaende');
    orders.fail(order, 'userCancel');
    return finished(reply, 'avbruten');
  });
}
