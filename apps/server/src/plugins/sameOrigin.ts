import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { appError } from '../errors';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence in depth on top of SameSite cookies and JSON-only bodies: a state-changing /api request that a
 * browser marks as coming from another site is refused. Non-browser clients send neither header and pass.
 */
async function sameOriginPlugin(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (!stateChanging.has(request.method) || !request.url.startsWith('/api/')) return;
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    let foreign = site === 'cross-site' || site === 'same-site';
    if (!foreign && origin) {
      try {
        foreign = new URL(origin).host !== request.headers.host;
      } catch {
        foreign = true; // "null" or garbage: not our page
      }
    }
    if (foreign) throw appError('forbidden', 'server.crossOrigin');
  });
}

export default fp(sameOriginPlugin, { name: 'same-origin', dependencies: ['errors'] });
