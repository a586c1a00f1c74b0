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
    await app.db.insert(sessions).values({
      tokenHash: sha256(token),
      personnummer: user.personnummer,
      name: user.name,
      roles: user.roles,
      teamId: user.teamId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + opts.idleMs),
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
    request.user = { personnummer: row.personnummer, name: row.name, roles: row.roles as Role[], teamId: row.teamId };
    // Sliding expiry, written at most once a minute so reads stay reads.
    const renewed = new Date(now.getTime() + opts.idleMs);
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
