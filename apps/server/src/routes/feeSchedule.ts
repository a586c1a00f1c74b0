import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { FeeScheduleSchema } from '@lovisa/domain';

/** The municipality's fee schedule: public, so the applicant sees the fee before applying. */
export default async function feeScheduleRoutes(app: FastifyInstance) {
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
