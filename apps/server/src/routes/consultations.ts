import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, ConsultationAnswerInputSchema, ConsulteeViewSchema } from '@lovisa/domain';
import { caseRouteErrors } from '../http/routeSchemas';
import {
  answerConsultation,
  consulteeView,
  openConsultation,
  sendConsultationDocument,
} from '../services/consultations';

/** The link's secret as the e-mail carries it: 32 URL-safe characters. */
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{32}$/) });

/**
 * The remiss body's side: the link in its e-mail opens the question and the application and takes one answer.
 * No login: the body is a unit's mailbox, and the link is its key (192 random bits, only its hash is kept).
 */
export default async function consultationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // A guessed link is 192 bits away; a limit per address still keeps anyone from trying them in bulk.
  const rateLimit = { max: 30, timeWindow: 60_000 };

  r.get(
    '/consultations/:token',
    {
      config: { rateLimit },
      schema: {
        tags: ['consultee'],
        summary: 'The remiss a link opens: the question, the reply-by day, the application and its documents',
        params: tokenParams,
        response: { 200: ConsulteeViewSchema, 400: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request) => {
      request.log.info('remiss opened');
      return consulteeView(app, await openConsultation(app, request.params.token));
    },
  );

  r.post(
    '/consultations/:token/answer',
    {
      config: { rateLimit },
      schema: {
        tags: ['consultee'],
        summary: "The body's answer to the remiss: no objection, or comments; once, while the case is open",
        params: tokenParams,
        body: ConsultationAnswerInputSchema,
        response: { 200: ConsulteeViewSchema, ...caseRouteErrors },
      },
    },
    async (request) => {
      await answerConsultation(app, await openConsultation(app, request.params.token), request.body);
      request.log.info({ kind: request.body.kind }, 'remiss answered');
      return consulteeView(app, await openConsultation(app, request.params.token));
    },
  );

  // Untyped reply: the answer is the file's bytes (the params are still checked by zod).
  app.get<{ Params: { token: string; fileId: string } }>(
    '/consultations/:token/documents/:fileId',
    {
      config: { rateLimit },
      schema: {
        tags: ['consultee'],
        summary: "One of the application's documents, for the body the remiss went to, as a download",
        params: tokenParams.extend({ fileId: z.uuid() }),
        response: { 400: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) =>
      sendConsultationDocument(app, reply, await openConsultation(app, request.params.token), request.params.fileId),
  );
}
