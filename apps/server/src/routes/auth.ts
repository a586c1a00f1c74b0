import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  LoginCollectInputSchema,
  LoginCollectResultSchema,
  LoginStartInputSchema,
  LoginStartResultSchema,
  QrResultSchema,
  SessionInfoSchema,
  type DomainMessageId,
} from '@lovisa/domain';
import { renderQr } from '../bankidQr';
import { appError } from '../errors';
import { cookieSecure, sha256 } from '../plugins/session';
import { deleteLoginOrdersOfBrowser } from '../repositories/loginOrders';
import { loginService } from '../services/login';

/** Binds a BankID order to the browser that started it, so a leaked orderRef cannot be collected elsewhere. */
const LOGIN_COOKIE = 'lovisa_login';

/**
 * Starting a login: the domain's input, plus whether it starts at a town-hall kiosk (the kiosk face sends
 * `kiosk: true`; on a KIOSK_ONLY server every login is a kiosk login whatever the page says). A kiosk login
 * is BankID on another device only: the kiosk has no BankID app of its own.
 */
const StartInputSchema = LoginStartInputSchema.extend({ kiosk: z.boolean().optional() }).refine(
  (v) => !v.kiosk || v.mode === 'qr',
  {
    // A message id, as the domain's schemas have them: the error handler answers it in Swedish, with the id.
    message: 'server.kioskQrOnly' satisfies DomainMessageId,
    path: ['mode'],
  },
);

/** Who is signed in; `kiosk: true` for a kiosk session (the page then keeps to the kiosk face). */
const SessionAnswerSchema = SessionInfoSchema.extend({ kiosk: z.literal(true).optional() });

export default async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = (request: FastifyRequest) => ({
    path: '/api/auth',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: cookieSecure(app.config.secureCookie, request),
  });

  const logins = loginService(app);
  const orderOfThisBrowser = (request: FastifyRequest, orderRef: string) =>
    logins.orderOfBrowser(request.cookies[LOGIN_COOKIE], orderRef);

  r.post(
    '/auth/bankid/start',
    {
      config: { rateLimit: { max: app.config.bankidStartLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Start a BankID login (QR on another device, or this device)',
        body: StartInputSchema,
        response: { 200: LoginStartResultSchema, 400: ApiErrorSchema, 429: ApiErrorSchema, 503: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const kiosk = app.config.kiosk.only || request.body.kiosk === true;
      if (app.config.kiosk.only && request.body.mode !== 'qr') {
        throw appError('invalidInput', 'server.kioskQrOnly');
      }
      const { nonce, orderRef, autoStartToken } = await logins.start(kiosk, request.ip, request.log);
      reply.setCookie(LOGIN_COOKIE, nonce, cookieOptions(request));
      return { orderRef, autoStartToken, pollIntervalMs: app.config.bankidPollIntervalMs };
    },
  );

  r.get(
    '/auth/bankid/:orderRef/qr',
    {
      schema: {
        tags: ['auth'],
        summary: 'The animated QR code for this second (the secret stays on the server)',
        params: z.object({ orderRef: z.string().min(1).max(100) }),
        response: { 200: QrResultSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const order = await orderOfThisBrowser(request, request.params.orderRef);
      reply.header('cache-control', 'no-store');
      return renderQr(order, app.clock());
    },
  );

  r.post(
    '/auth/bankid/collect',
    {
      schema: {
        tags: ['auth'],
        summary: 'Poll a BankID login (every 2 s); on completion the session cookie is set',
        body: LoginCollectInputSchema,
        response: { 200: LoginCollectResultSchema, 404: ApiErrorSchema, 503: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const { answer, ended, session } = await logins.collect(await orderOfThisBrowser(request, request.body.orderRef));
      if (ended) reply.clearCookie(LOGIN_COOKIE, cookieOptions(request));
      if (session) {
        await app.createSession(request, reply, session);
        request.log.info({ roles: session.roles, kiosk: session.kiosk }, 'login complete');
      }
      return answer;
    },
  );

  r.post(
    '/auth/bankid/cancel',
    {
      schema: {
        tags: ['auth'],
        summary: 'Cancel a BankID login',
        body: LoginCollectInputSchema,
        response: { 204: z.null(), 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      await logins.cancel(await orderOfThisBrowser(request, request.body.orderRef));
      reply.clearCookie(LOGIN_COOKIE, cookieOptions(request));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log out; also forgets a login this browser started and did not finish',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await app.destroySession(request, reply);
      // A kiosk visitor who walks away from the QR code leaves nothing behind either.
      const nonce = request.cookies[LOGIN_COOKIE];
      if (nonce) {
        await deleteLoginOrdersOfBrowser(app.db, sha256(nonce));
        reply.clearCookie(LOGIN_COOKIE, cookieOptions(request));
      }
      reply.header('cache-control', 'no-store');
      return reply.status(204).send(null);
    },
  );

  await sessionRoutes(app);
}

/** Who is signed in. */
async function sessionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in (a kiosk session says so)',
        response: { 200: SessionAnswerSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const user = request.user;
      return {
        authenticated: Boolean(user),
        user: user ? { name: user.name, roles: user.roles, teamId: user.teamId } : null,
        ...(user?.kiosk ? { kiosk: true as const } : {}),
      };
    },
  );
}
