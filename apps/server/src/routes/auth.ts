import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq, lt } from 'drizzle-orm';
import {
  ApiErrorSchema,
  LoginCollectInputSchema,
  LoginCollectResultSchema,
  LoginStartInputSchema,
  LoginStartResultSchema,
  QrResultSchema,
  SessionInfoSchema,
  bankIdMessage,
  fullName,
  type Role,
} from '@lovisa/domain';
import { BankIdError } from '@lovisa/bankid';
import { renderQr } from '../bankidQr';
import { loginOrders } from '../db/schema';
import { appError } from '../errors';
import { cookieSecure, sha256 } from '../plugins/session';

/** Binds a BankID order to the browser that started it, so a leaked orderRef cannot be collected elsewhere. */
const LOGIN_COOKIE = 'lovisa_login';
/** Orders older than this are gone at BankID too; rows past it are swept. */
const ORDER_MAX_AGE_MS = 10 * 60_000;

/**
 * Starting a login: the domain's input, plus whether it starts at a town-hall kiosk (the kiosk face sends
 * `kiosk: true`; on a KIOSK_ONLY server every login is a kiosk login whatever the page says). A kiosk login
 * is BankID on another device only: the kiosk has no BankID app of its own.
 */
const StartInputSchema = LoginStartInputSchema.extend({ kiosk: z.boolean().optional() }).refine((v) => !v.kiosk || v.mode === 'qr', {
  message: 'Vid kiosken loggar du in med Mobilt BankID på en annan enhet.',
  path: ['mode'],
});

/** Who is signed in; `kiosk: true` for a kiosk session (the page then keeps to the kiosk face). */
const SessionAnswerSchema = SessionInfoSchema.extend({ kiosk: z.literal(true).optional() });

function unavailable() {
  return appError('unavailable', 'server.bankIdUnavailable');
}

export default async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = (request: FastifyRequest) => ({
    path: '/api/auth',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: cookieSecure(app.config.secureCookie, request),
  });

  async function orderOfThisBrowser(request: FastifyRequest, orderRef: string) {
    const nonce = request.cookies[LOGIN_COOKIE];
    if (!nonce) throw appError('notFound', 'server.loginNotFound');
    const [order] = await app.db
      .select()
      .from(loginOrders)
      .where(and(eq(loginOrders.orderRef, orderRef), eq(loginOrders.browserNonceHash, sha256(nonce))));
    if (!order) throw appError('notFound', 'server.loginNotFound');
    return order;
  }

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
      let order;
      try {
        order = await app.bankid().auth({ endUserIp: request.ip });
      } catch (err) {
        request.log.warn({ errorCode: err instanceof BankIdError ? err.errorCode : 'unknown' }, 'bankid auth failed');
        throw unavailable();
      }
      const nonce = randomBytes(24).toString('base64url');
      const now = app.clock();
      await app.db.delete(loginOrders).where(lt(loginOrders.createdAt, new Date(now.getTime() - ORDER_MAX_AGE_MS)));
      await app.db.insert(loginOrders).values({
        orderRef: order.orderRef,
        browserNonceHash: sha256(nonce),
        qrStartToken: order.qrStartToken,
        qrStartSecret: order.qrStartSecret,
        kiosk,
        createdAt: now,
      });
      reply.setCookie(LOGIN_COOKIE, nonce, cookieOptions(request));
      return { orderRef: order.orderRef, autoStartToken: order.autoStartToken, pollIntervalMs: app.config.bankidPollIntervalMs };
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
      const order = await orderOfThisBrowser(request, request.body.orderRef);
      let result;
      try {
        result = await app.bankid().collect(order.orderRef);
      } catch (err) {
        if (err instanceof BankIdError && err.httpStatus === 400) {
          await app.db.delete(loginOrders).where(eq(loginOrders.orderRef, order.orderRef));
          return { status: 'failed' as const, hintCode: 'notFound', message: bankIdMessage('notFound', 'failed') };
        }
        throw unavailable();
      }
      if (result.status === 'pending') {
        return { status: 'pending' as const, hintCode: result.hintCode, message: bankIdMessage(result.hintCode, 'pending') };
      }
      await app.db.delete(loginOrders).where(eq(loginOrders.orderRef, order.orderRef));
      reply.clearCookie(LOGIN_COOKIE, cookieOptions(request));
      if (result.status === 'failed') {
        return { status: 'failed' as const, hintCode: result.hintCode, message: bankIdMessage(result.hintCode, 'failed') };
      }
      const { personalNumber, name } = result.completionData.user;
      const kiosk = order.kiosk || app.config.kiosk.only;
      // At a kiosk an officer is one more visitor: no officer role, no team (the session plugin insists too).
      const officer = kiosk ? undefined : await app.registers.staff.officerByPersonnummer(personalNumber);
      const roles: Role[] = officer ? ['applicant', 'officer'] : ['applicant'];
      await app.createSession(request, reply, {
        personnummer: personalNumber,
        name: officer ? fullName(officer) : name,
        roles,
        teamId: officer?.teamId ?? null,
        kiosk,
      });
      request.log.info({ roles, kiosk }, 'login complete');
      return { status: 'complete' as const, message: bankIdMessage(undefined, 'complete') };
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
      const order = await orderOfThisBrowser(request, request.body.orderRef);
      await app.db.delete(loginOrders).where(eq(loginOrders.orderRef, order.orderRef));
      try {
        await app.bankid().cancel(order.orderRef);
      } catch {
        // The order may already have ended at BankID; the login is cancelled on our side either way.
      }
      reply.clearCookie(LOGIN_COOKIE, cookieOptions(request));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Log out; also forgets a login this browser started and did not finish', response: { 204: z.null() } } },
    async (request, reply) => {
      await app.destroySession(request, reply);
      // A kiosk visitor who walks away from the QR code leaves nothing behind either.
      const nonce = request.cookies[LOGIN_COOKIE];
      if (nonce) {
        await app.db.delete(loginOrders).where(eq(loginOrders.browserNonceHash, sha256(nonce)));
        reply.clearCookie(LOGIN_COOKIE, cookieOptions(request));
      }
      reply.header('cache-control', 'no-store');
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/session',
    { schema: { tags: ['auth'], summary: 'Who is signed in (a kiosk session says so)', response: { 200: SessionAnswerSchema } } },
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
