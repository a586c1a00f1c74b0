import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, HearingOnlineAnswerInputSchema, NeighbourHearingViewSchema } from '@lovisa/domain';
import { caseRouteErrors } from '../http/routeSchemas';
import { currentUser, privateTo } from '../plugins/session';
import { answerOnline, neighbourHearingView, openHearing, sendHearingDocument } from '../services/neighbourHearing';

/** The code printed in the letter, as typed: letters, digits and dashes. */
const codeParams = z.object({
  code: z
    .string()
    .trim()
    .min(8)
    .max(20)
    .regex(/^[0-9A-Za-z-]+$/),
});

/**
 * The neighbour's side of a hearing (PBL 9 kap. 25 §): after a BankID login, the code of their letter opens
 * what they were sent, and only for them, and they answer online while the hearing runs.
 */
export default async function hearingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Anyone signed in (every login is an applicant); the code and the land register decide the rest.
  privateTo(app, 'applicant');

  r.get(
    '/hearings/:code',
    {
      // A code is 60 random bits; a limit per address still keeps anyone from trying them in bulk.
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: ['neighbour'],
        summary:
          'The hearing my letter (underrättelse) is about: the application, its drawing, the deviations, the documents and the reply-by day. Only for the party the letter went to.',
        params: codeParams,
        response: {
          200: NeighbourHearingViewSchema,
          400: ApiErrorSchema,
          401: ApiErrorSchema,
          403: ApiErrorSchema,
          404: ApiErrorSchema,
        },
      },
    },
    async (request) => {
      const opened = await openHearing(app, currentUser(request), request.params.code);
      return neighbourHearingView(app, opened);
    },
  );

  r.post(
    '/hearings/:code/answer',
    {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: ['neighbour'],
        summary:
          'Answer the hearing online (identified by the BankID login): no objection, an objection or a comment, until the reply-by day. A later answer replaces the earlier.',
        params: codeParams,
        body: HearingOnlineAnswerInputSchema,
        response: { 200: NeighbourHearingViewSchema, ...caseRouteErrors },
      },
    },
    async (request) => {
      const user = currentUser(request);
      await answerOnline(app, user, await openHearing(app, user, request.params.code), request.body);
      request.log.info({ kind: request.body.kind }, 'hearing answered online');
      return neighbourHearingView(app, await openHearing(app, user, request.params.code));
    },
  );

  // Untyped reply: the answer is the file's bytes (the params are still checked by zod).
  app.get<{ Params: { code: string; fileId: string } }>(
    '/hearings/:code/documents/:fileId',
    {
      schema: {
        tags: ['neighbour'],
        summary: "One of the application's documents, for the party whose letter the code is. Always as a download.",
        params: codeParams.extend({ fileId: z.uuid() }),
        response: { 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const opened = await openHearing(app, currentUser(request), request.params.code);
      return sendHearingDocument(app, reply, opened, request.params.fileId);
    },
  );
}
