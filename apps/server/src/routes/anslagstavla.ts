import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AnnouncementQuerySchema, ApiErrorSchema, PublicAnnouncementPageSchema, stockholmDate } from '@lovisa/domain';
import { sendCacheable } from '../http/cacheable';
import { currentAnnouncements } from '../services/decisionNotice';

/**
 * The municipality's digital anslagstavla (kommunallagen 8 kap. 9 §) for building-permit decisions: public, no
 * login, cacheable. An announcement is listed while its last day has not passed; none is ever deleted.
 */
export default async function anslagstavlaRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/public/anslagstavla',
    {
      schema: {
        tags: ['public'],
        summary:
          'Current announcements (kungörelser) of granted permits: property, measure, decision day, up from and until (the last day to appeal). No personal data.',
        querystring: AnnouncementQuerySchema,
        response: {
          200: PublicAnnouncementPageSchema,
          304: z.null().describe('Not modified (If-None-Match matched the ETag)'),
          400: ApiErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { page, pageSize } = request.query;
      const found = await currentAnnouncements(app.db, stockholmDate(app.clock()), page, pageSize);
      return sendCacheable(request, reply, { ...found, page, pageSize }, 300);
    },
  );
}
