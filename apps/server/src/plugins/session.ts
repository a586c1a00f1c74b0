import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Role } from '@lovisa/domain';
import { sessions } from '../db/schema';
import { forbidden, unauthenticated } from '../errors';

export const SESSION_COOKIE = 'lovisa_session';

export interface SessionUser {
  personnummer: string;
  name: string;
  roles: Role[];
  teamId: string | null;
  /**
   * A session whose login started at a town-hall kiosk (or any session on a KIOSK_ONLY server): it may do
   * what an applicant does and never what an officer does, even when the person is an officer.
   */
  kiosk: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionTokenHash: string | null;
  }
  interface FastifyInstance {
    /** A fresh session for a completed login; any session the browser already had is ended (no fixation). */
    createSession(request: FastifyRequest, reply: FastifyReply, user: SessionUser): Promise<void>;
    destroySession(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export interface SessionOptions {
  /** Idle lifetime; every request extends it. */
  idleMs: number;
  /** Idle lifetime of a kiosk session: the kiosk's own question and countdown plus a margin. */
  kioskIdleMs: number;
  /** Every session on this server is a kiosk session. */
  kioskOnly: boolean;
  secureCookie: 'auto' | boolean;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether cookies for this request get the Secure flag: always outside localhost unless told otherwise. */
export function cookieSecure(setting: 'auto' | boolean, request: FastifyRequest): boolean {
  if (setting !== 'auto') return setting;
  const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  return !LOCAL_HOSTS.has(host);
}

async function sessionPlugin(app: FastifyInstance, opts: SessionOptions) {
  await app.register(cookie);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionTokenHash', null);

  const cookieOptions = (request: FastifyRequest) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: cookieSecure(opts.secureCookie, request),
  });

  app.decorate('createSession', async (request: FastifyRequest, reply: FastifyReply, user: SessionUser) => {
    const previous = request.cookies[SESSION_COOKIE];
    if (previous) await app.db.delete(sessions).where(eq(sessions.tokenHash, sha256(previous)));
    const token = randomBytes(32).toString('base64url');
    const now = app.clock();
    const kiosk = user.kiosk || opts.kioskOnly;
    await app.db.insert(sessions).values({
      tokenHash: sha256(token),
      personnummer: user.personnummer,
      name: user.name,
      // A kiosk session never carries the officer role, whoever logged in.
      roles: kiosk ? user.roles.filter((r) => r !== 'officer') : user.roles,
      teamId: kiosk ? null : user.teamId,
      kiosk,
      createdAt: now,
      expiresAt: new Date(now.getTime() + (kiosk ? opts.kioskIdleMs : opts.idleMs)),
    });
    reply.setCookie(SESSION_COOKIE, token, cookieOptions(request));
  });

  app.decorate('destroySession', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.sessionTokenHash) await app.db.delete(sessions).where(eq(sessions.tokenHash, request.sessionTokenHash));
    reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
  });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return;
    const tokenHash = sha256(token);
    const now = app.clock();
    const [row] = await app.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
      .limit(1);
    if (!row) return;
    request.sessionTokenHash = tokenHash;
    const kiosk = row.kiosk || opts.kioskOnly;
    const roles = row.roles as Role[];
    request.user = {
      personnummer: row.personnummer,
      name: row.name,
      roles: kiosk ? roles.filter((r) => r !== 'officer') : roles,
      teamId: kiosk ? null : row.teamId,
      kiosk,
    };
    // Sliding expiry, written at most once a minute so reads stay reads.
    const renewed = new Date(now.getTime() + (kiosk ? opts.kioskIdleMs : opts.idleMs));
    if (renewed.getTime() - row.expiresAt.getTime() > 60_000) {
      await app.db.update(sessions).set({ expiresAt: renewed }).where(eq(sessions.tokenHash, tokenHash));
    }
  });

  // Expired sessions are removed lazily; a background job is not worth it at this scale.
  app.addHook('onReady', async () => {
    await app.db.delete(sessions).where(lt(sessions.expiresAt, app.clock()));
  });
}

export default fp(sessionPlugin, { name: 'session', dependencies: ['db'] });

/** onRequest hook for a route scope: the signed-in user must hold `role`. */
export function requireRole(role: Role) {
  return async (request: FastifyRequest) => {
    if (!request.user) throw unauthenticated();
    if (!request.user.roles.includes(role)) throw forbidden();
    // Belt and braces: a kiosk session has no officer role, and is refused here even if one slipped in.
    if (role === 'officer' && request.user.kiosk) throw forbidden();
  };
}

/** The signed-in user of a route guarded by requireRole. */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw unauthenticated();
  return request.user;
}

/** onSend hook for scopes that answer with personal data: never kept in any cache (shared kiosks included). */
export async function noStore(_request: FastifyRequest, reply: FastifyReply) {
  reply.header('cache-control', 'no-store');
}

/** A scope of one role's own data: the role checked on every request, the answers never cached. */
export function privateTo(scope: FastifyInstance, role: Role): void {
  scope.addHook('onRequest', requireRole(role));
  scope.addHook('onSend', noStore);
}
