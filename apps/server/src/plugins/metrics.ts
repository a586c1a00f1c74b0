import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { count, isNull, sql } from 'drizzle-orm';
import { cases, outbox } from '../db/schema';
import { createMetrics, type Metrics } from '../metrics/metrics';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Counts every answered request by its route pattern; the figures are served apart (metrics/server.ts). */
async function metricsPlugin(app: FastifyInstance) {
  const metrics = createMetrics({
    casesByStatus: async () =>
      (
        await app.db
          .select({ status: cases.status, n: sql<number>`count(*)::int` })
          .from(cases)
          .groupBy(cases.status)
      ).map((r) => ({ status: r.status, n: Number(r.n) })),
    outboxUnsent: async () => {
      const [row] = await app.db.select({ n: count() }).from(outbox).where(isNull(outbox.sentAt));
      return Number(row?.n ?? 0);
    },
    pool: () => app.database.poolStats(),
    statements: () => app.database.statements(),
  });
  app.decorate('metrics', metrics);
  app.addHook('onResponse', async (request, reply) => {
    // The pattern (/api/drafts/:id), never the URL: no ids or personal data become labels, and the set is bounded.
    const route = request.routeOptions.url ?? 'unmatched';
    const method = METHODS.has(request.method) ? request.method : 'OTHER';
    metrics.request(route, method, reply.statusCode, reply.elapsedTime / 1000);
  });
}

export default fp(metricsPlugin, { name: 'metrics', dependencies: ['db'] });
