import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  ApplicationSubmissionSchema,
  SignCollectResultSchema,
  type DomainMessageId,
} from '@lovisa/domain';
import { bankIdSignRoutes, byOrderOnly, signStartRoute } from '../http/bankIdSignRoutes';
import { currentUser, privateTo } from '../plugins/session';
import { submissionService } from '../services/submission';

/**
 * Submitting is signing: the application is checked, a BankID sign order shows the applicant what they sign,
 * and the case is created only when BankID answers `complete` for the person who is logged in.
 */
export default async function applicationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'applicant');
  const submissions = submissionService(app);
  const errors = { 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };
  const start = signStartRoute(app, { 400: ApiErrorSchema, ...errors });

  r.post(
    '/applications',
    {
      config: start.config,
      schema: {
        tags: ['applicant'],
        summary: 'Submit an application: checked with the same schema as in the browser, then signed with BankID',
        body: ApplicationSubmissionSchema,
        headers: z.object({
          /** Sent again with a retry: the first request's answer comes back, and one BankID order is started. */
          'idempotency-key': z
            .string()
            .regex(/^[A-Za-z0-9_-]{16,100}$/, 'server.idempotencyKeyFormat' satisfies DomainMessageId)
            .optional(),
        }),
        response: start.response,
      },
    },
    async (request, reply) => {
      const order = await submissions.start(
        currentUser(request),
        request.body,
        request.headers['idempotency-key'],
        request.ip,
        request.log,
      );
      return reply.status(202).send({ ...order, pollIntervalMs: app.config.bankidPollIntervalMs });
    },
  );

  bankIdSignRoutes(app, {
    base: '/applications',
    tag: 'applicant',
    errors,
    collectResult: SignCollectResultSchema,
    summaries: {
      qr: 'The animated QR for signing, this second',
      collect: 'Poll the signature (every 2 s); on completion the case is created, once',
      cancel: 'Cancel signing; nothing is submitted',
    },
    signing: byOrderOnly(submissions),
  });
}
