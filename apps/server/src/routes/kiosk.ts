import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** What the kiosk face needs before anyone logs in (docs/kiosk.md). Public: it holds no personal data. */
export const KioskConfigSchema = z.object({
  /** This server is a kiosk: every page is the kiosk face. */
  kioskOnly: z.boolean(),
  /** Seconds without a touch before "Vill du fortsätta?". */
  idleSeconds: z.number().int().positive(),
  /** Seconds the question waits before the visit ends and everything is wiped. */
  countdownSeconds: z.number().int().positive(),
  /** How to get help from the staff at this town hall (KIOSK_HELP_TEXT). */
  helpText: z.string(),
});

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
