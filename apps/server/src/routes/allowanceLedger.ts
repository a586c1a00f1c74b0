import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AllowanceLedgerSchema,
  ApiErrorSchema,
  LoginCollectResultSchema,
  MeasureAnswerInputSchema,
  PermitFreeAnswerInputSchema,
  SavedAnswerSchema,
} from '@lovisa/domain';
import { bankIdSignRoutes } from '../http/bankIdSignRoutes';
import { currentUser, noStore } from '../plugins/session';
import { ledgerSigningService } from '../services/ledgerSigning';
import { propertyErrors as errors, propertyParams as params, visibleProperty } from '../services/propertyAccess';
import { ledgerOf, saveMeasureAnswer, savePermitFreeAnswer } from '../services/allowanceLedger';

const savedAnswer = z.object({ answerId: z.uuid(), outcome: z.enum(['none', 'notification']) });
/** A saved answer's replies: 201 with it, 400 for bad input, 409 when it needs a permit (or cannot be saved). */
const savedResponses = <T extends z.ZodType>(created: T) => ({
  201: created,
  400: ApiErrorSchema,
  409: ApiErrorSchema,
  ...errors,
});

/** The plot's permit-free allowance (issue #23): what is used and left, and the owner's saved answers. */
export default async function allowanceLedgerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onSend', noStore);

  r.get(
    '/properties/:id/allowance-ledger',
    {
      schema: {
        tags: ['properties'],
        summary:
          'The plot’s permit-free allowance: registered friggebodar/attefall buildings and saved Lovisa answers, summed per allowance under today’s rule set',
        params,
        response: { 200: AllowanceLedgerSchema, ...errors },
      },
    },
    async (request) => ledgerOf(app, await visibleProperty(app, request.user, request.params.id)),
  );

  r.post(
    '/properties/:id/permit-free-answers',
    {
      schema: {
        tags: ['properties'],
        summary:
          'Save a "no permit needed" answer to the plot’s ledger: judged again on the server; 409 when the drawing needs a permit',
        params,
        body: PermitFreeAnswerInputSchema,
        response: savedResponses(savedAnswer.extend({ ledger: AllowanceLedgerSchema })),
      },
    },
    async (request, reply) => {
      const property = await visibleProperty(app, request.user, request.params.id);
      const saved = await savePermitFreeAnswer(app, request.user!, property, request.body);
      return reply.status(201).send(saved);
    },
  );

  r.post(
    '/properties/:id/permit-free-measure-answers',
    {
      schema: {
        tags: ['properties'],
        summary:
          'Save a "no permit needed" answer for a measure beyond buildings (plank, altan, solar panels …): judged again on the server with the drawing measured; not on the allowance; 409 when it needs a permit or a fact is missing',
        params,
        body: MeasureAnswerInputSchema,
        response: savedResponses(savedAnswer),
      },
    },
    async (request, reply) => {
      const property = await visibleProperty(app, request.user, request.params.id);
      return reply.status(201).send(await saveMeasureAnswer(app, request.user!, property, request.body));
    },
  );

  savedAnswerRoutes(app);
}

/**
 * A saved answer, read back and signed with BankID by an owner (issue #23): the signature covers the SHA-256 of
 * the canonical answer (rule set, drawing, answers, verdict); one signature per answer.
 */
function savedAnswerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signing = ledgerSigningService(app);
  const answerParams = z.object({ answerId: z.uuid() });
  const answerErrors = { 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };

  r.get(
    '/permit-free-answers/:answerId',
    {
      schema: {
        tags: ['properties'],
        summary:
          'A saved "no permit needed" answer with its signature: the canonical text, its SHA-256 now, and whether the signed hash still matches',
        params: answerParams,
        response: { 200: SavedAnswerSchema, ...answerErrors },
      },
    },
    async (request) => signing.view(currentUser(request), request.params.answerId),
  );

  bankIdSignRoutes(app, {
    base: '/permit-free-answers/:answerId',
    params: answerParams,
    key: (p) => p.answerId,
    tag: 'properties',
    errors: answerErrors,
    collectResult: LoginCollectResultSchema,
    summaries: {
      start: 'An owner starts signing the saved answer with BankID (409 when it is signed already)',
      qr: 'The animated QR for signing the saved answer, this second',
      collect: 'Poll the signature of the saved answer; on completion it is recorded, once',
      cancel: 'Cancel signing the saved answer; nothing is stored',
    },
    signing,
  });
}
