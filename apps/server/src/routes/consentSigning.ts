import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  LoginCollectInputSchema,
  LoginCollectResultSchema,
  QrResultSchema,
  SignStartResultSchema,
} from '@lovisa/domain';
import { consentCodeParams, consentRouteErrors } from '../http/routeSchemas';
import { linkSigningHandlers } from '../http/linkSigning';
import { currentUser, privateTo } from '../plugins/session';
import { consentSigningService } from '../services/consentSigning';

/** The invited owner signs the consent with BankID: what they see in the app names the measure, area and distance. */
export default async function consentSigningRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'applicant');
  const neighbour = consentSigningService(app);
  const handlers = linkSigningHandlers(app, neighbour);

  r.post(
    '/consents/:code/sign',
    {
      config: { rateLimit: { max: app.config.bankidStartLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['applicant'],
        summary: 'Start signing the consent with BankID: the text names the measure, area and distance',
        params: consentCodeParams,
        response: {
          202: SignStartResultSchema,
          ...consentRouteErrors,
          409: ApiErrorSchema,
          429: ApiErrorSchema,
          503: ApiErrorSchema,
        },
      },
    },
    async (request, reply) => handlers.start(request, request.params.code, reply),
  );

  r.get(
    '/consents/:code/sign/:orderRef/qr',
    {
      schema: {
        tags: ['applicant'],
        summary: 'The animated QR for signing the consent, this second',
        params: consentCodeParams.extend({ orderRef: z.string().min(1).max(100) }),
        response: { 200: QrResultSchema, ...consentRouteErrors },
      },
    },
    async (request, reply) => handlers.qr(request, request.params.code, request.params.orderRef, reply),
  );

  r.post(
    '/consents/:code/sign/collect',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Poll the consent’s signature; on completion the answer is stored',
        params: consentCodeParams,
        body: LoginCollectInputSchema,
        response: { 200: LoginCollectResultSchema, ...consentRouteErrors, 409: ApiErrorSchema, 503: ApiErrorSchema },
      },
    },
    async (request) => neighbour.collect(currentUser(request), request.params.code, request.body.orderRef, request.log),
  );

  r.post(
    '/consents/:code/sign/cancel',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Cancel signing the consent; nothing is stored',
        params: consentCodeParams,
        body: LoginCollectInputSchema,
        response: { 204: z.null(), ...consentRouteErrors },
      },
    },
    async (request, reply) => {
      await neighbour.cancel(currentUser(request), request.params.code, request.body.orderRef);
      return reply.status(204).send(null);
    },
  );
}
