import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { KioskConfigSchema } from '@lovisa/domain';

export default async function kioskRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/kiosk-config',
    {
      schema: {
        tags: ['kiosk'],
        summary: 'The town-hall kiosk: kiosk-only server or not, idle time, countdown and the help text',
        response: { 200: KioskConfigSchema },
      },
    },
    async (_request, reply) => {
      // Settings change with a deploy; the page asks again on every load.
      reply.header('cache-control', 'no-cache');
      const { only, idleSeconds, countdownSeconds, helpText } = app.config.kiosk;
      return { kioskOnly: only, idleSeconds, countdownSeconds, helpText };
    },
  );
}
