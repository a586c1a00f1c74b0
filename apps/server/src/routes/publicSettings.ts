import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FeeScheduleSchema } from '@lovisa/domain';

/**
 * Public settings of the municipality that the web app reads at run time: the fee schedule, so the applicant
 * sees the fee before applying, and the map background (none by default: the maps work offline).
 */
export default async function publicSettingsRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/map-config',
    {
      schema: {
        tags: ['rules'],
        summary: 'The optional raster background of the maps (MAP_TILE_URL); null means the offline map only',
        response: { 200: z.object({ tileUrl: z.string().nullable(), attribution: z.string() }) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return { tileUrl: app.config.mapTiles?.url ?? null, attribution: app.config.mapTiles?.attribution ?? '' };
    },
  );

  const schedule = app.config.feeSchedule;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/fee-schedule',
    {
      schema: {
        tags: ['rules'],
        summary: 'The fee schedule (taxa) the estimate before submission is computed from',
        response: { 200: FeeScheduleSchema },
      },
    },
    async (_request, reply) => {
      if (!schedule) throw new Error('fee schedule not loaded');
      reply.header('cache-control', 'public, max-age=3600');
      return schedule;
    },
  );
}
