import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  ApplicationSubmissionSchema,
  LoginCollectInputSchema,
  QrResultSchema,
  SignCollectResultSchema,
  SignStartResultSchema,
  type DomainMessageId,
} from '@lovisa/domain';
import { renderQr } from '../bankidQr';
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

  r.post(
    '/applications',
    {
      config: { rateLimit: { max: app.config.bankidStartLimitPerMinute, timeWindow: 60_000 } },
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
        response: {
          202: SignStartResultSchema,
          400: ApiErrorSchema,
          401: ApiErrorSchema,
          403: ApiErrorSchema,
          404: ApiErrorSchema,
          409: ApiErrorSchema,
          429: ApiErrorSchema,
          503: ApiErrorSchema,
        },
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

  r.get(
    '/applications/sign/:orderRef/qr',
    {
      schema: {
        tags: ['applicant'],
        summary: 'The animated QR for signing, this second',
        params: z.object({ orderRef: z.string().min(1).max(100) }),
        response: { 200: QrResultSchema, 401: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const order = await submissions.ownOrder(currentUser(request), request.params.orderRef);
      reply.header('cache-control', 'no-store');
      return renderQr(order, app.clock());
    },
  );

  r.post(
    '/applications/sign/collect',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Poll the signature (every 2 s); on completion the case is created, once',
        body: LoginCollectInputSchema,
        response: {
          200: SignCollectResultSchema,
          401: ApiErrorSchema,
          403: ApiErrorSchema,
          404: ApiErrorSchema,
          503: ApiErrorSchema,
        },
      },
    },
    async (request) => submissions.collect(currentUser(request), request.body.orderRef, request.log),
  );

  r.post(
    '/applications/sign/cancel',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Cancel signing; nothing is submitted',
        body: LoginCollectInputSchema,
        response: { 204: z.null(), 401: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      await submissions.cancel(currentUser(request), request.body.orderRef);
      return reply.status(204).send(null);
    },
  );
}
