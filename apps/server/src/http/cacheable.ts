import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A strong ETag of what the answer's body will be: the same data gives the same tag on every server. */
export function etagOf(body: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
}

/** Whether If-None-Match names this tag: a list, a weak form (W/"…", compared weakly as RFC 9110 says) or `*`. */
export function notModified(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(etag);
}

/**
 * A public answer any cache may keep for `maxAgeS` seconds, tagged by its content: a client that sends the tag
 * back gets 304 and no body. For the public, login-free routes only (nothing personal is ever cached this way).
 */
export function sendCacheable<T>(request: FastifyRequest, reply: FastifyReply, body: T, maxAgeS: number) {
  const etag = etagOf(body);
  reply.header('cache-control', `public, max-age=${maxAgeS}`);
  reply.header('etag', etag);
  if (notModified(request, etag)) return reply.code(304).send(null);
  return body;
}
