import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, LoginCollectInputSchema, QrResultSchema, SignStartResultSchema } from '@lovisa/domain';
import { renderQr } from '../bankidQr';
import { currentUser, type SessionUser } from '../plugins/session';

/**
 * A BankID signing as its service offers it, keyed by what is signed (a link's code, a saved answer's id) or, for
 * a signing whose order alone says what it is (an application, a power of attorney), by nothing: see `byOrderOnly`.
 */
export interface KeyedSigning<Collected> {
  startSign?(
    user: SessionUser,
    key: string,
    endUserIp: string,
    log: FastifyBaseLogger,
  ): Promise<{ orderRef: string; autoStartToken: string }>;
  ownOrder(
    user: SessionUser,
    key: string,
    orderRef: string,
  ): Promise<{ qrStartToken: string; qrStartSecret: string; createdAt: Date }>;
  collect(user: SessionUser, key: string, orderRef: string, log: FastifyBaseLogger): Promise<Collected>;
  cancel(user: SessionUser, key: string, orderRef: string): Promise<void>;
}

/** A signing whose routes carry no key (`/applications/sign/…`): the order reference is all it needs. */
export function byOrderOnly<Collected>(signing: {
  ownOrder(
    user: SessionUser,
    orderRef: string,
  ): Promise<{ qrStartToken: string; qrStartSecret: string; createdAt: Date }>;
  collect(user: SessionUser, orderRef: string, log: FastifyBaseLogger): Promise<Collected>;
  cancel(user: SessionUser, orderRef: string): Promise<void>;
}): KeyedSigning<Collected> {
  return {
    ownOrder: (user, _key, orderRef) => signing.ownOrder(user, orderRef),
    collect: (user, _key, orderRef, log) => signing.collect(user, orderRef, log),
    cancel: (user, _key, orderRef) => signing.cancel(user, orderRef),
  };
}

export interface SignRoutesOptions<P extends z.ZodObject, Collected> {
  /** Where the routes hang: `${base}/sign` (start), `${base}/sign/:orderRef/qr`, `…/sign/collect`, `…/sign/cancel`. */
  base: string;
  /** The base's own path parameters (none for `/applications`). */
  params?: P;
  /** Which thing of the service's the parameters name. */
  key?: (params: z.infer<P>) => string;
  tag: string;
  /** The errors every one of the routes may answer (401, 404 …); start adds 409, 429 and 503, collect 409 and 503. */
  errors: Record<number, z.ZodType>;
  collectResult: z.ZodType;
  /** What each route does, in the OpenAPI document. A start without a summary is the caller's own route. */
  summaries: { start?: string; qr: string; collect: string; cancel: string };
  signing: KeyedSigning<Collected>;
}

const orderRefParam = z.object({ orderRef: z.string().min(1).max(100) });

/** A signing start's route options: limited per IP (BankID orders are not free), answering 202 with the order. */
export function signStartRoute(app: FastifyInstance, errors: Record<number, z.ZodType>) {
  return {
    config: { rateLimit: { max: app.config.bankidStartLimitPerMinute, timeWindow: 60_000 } },
    response: {
      202: SignStartResultSchema,
      ...errors,
      409: ApiErrorSchema,
      429: ApiErrorSchema,
      503: ApiErrorSchema,
    },
  };
}

/**
 * The routes every BankID signing shares (start, this second's QR, collect, cancel): one protocol, the same
 * answers (202 with the poll interval; the QR never cached; 204 on cancel), whoever signs what.
 */
export function bankIdSignRoutes<P extends z.ZodObject, Collected>(
  app: FastifyInstance,
  opts: SignRoutesOptions<P, Collected>,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = opts.params ?? z.object({});
  const keyOf = (p: unknown) => (opts.key ? opts.key(p as z.infer<P>) : '');
  const { signing, summaries, errors } = opts;
  const tags = [opts.tag];

  if (summaries.start && signing.startSign) {
    const startSign = signing.startSign.bind(signing);
    const start = signStartRoute(app, errors);
    r.post(
      `${opts.base}/sign`,
      { config: start.config, schema: { tags, summary: summaries.start, params, response: start.response } },
      async (request, reply) => {
        const order = await startSign(currentUser(request), keyOf(request.params), request.ip, request.log);
        return reply.status(202).send({ ...order, pollIntervalMs: app.config.bankidPollIntervalMs });
      },
    );
  }

  r.get(
    `${opts.base}/sign/:orderRef/qr`,
    {
      schema: {
        tags,
        summary: summaries.qr,
        params: params.extend(orderRefParam.shape),
        response: { 200: QrResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { orderRef } = request.params as { orderRef: string };
      const order = await signing.ownOrder(currentUser(request), keyOf(request.params), orderRef);
      reply.header('cache-control', 'no-store');
      return renderQr(order, app.clock());
    },
  );

  r.post(
    `${opts.base}/sign/collect`,
    {
      schema: {
        tags,
        summary: summaries.collect,
        params,
        body: LoginCollectInputSchema,
        response: { 200: opts.collectResult, ...errors, 409: ApiErrorSchema, 503: ApiErrorSchema },
      },
    },
    async (request) => signing.collect(currentUser(request), keyOf(request.params), request.body.orderRef, request.log),
  );

  r.post(
    `${opts.base}/sign/cancel`,
    {
      schema: {
        tags,
        summary: summaries.cancel,
        params,
        body: LoginCollectInputSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await signing.cancel(currentUser(request), keyOf(request.params), request.body.orderRef);
      return reply.status(204).send(null);
    },
  );
}
