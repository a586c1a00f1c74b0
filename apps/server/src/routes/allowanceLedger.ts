import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AllowanceLedgerSchema, ApiErrorSchema, PermitFreeAnswerInputSchema } from '@lovisa/domain';
import { noStore } from '../plugins/session';
import { propertyErrors as errors, propertyParams as params, visibleProperty } from '../services/propertyAccess';
import { ledgerOf, savePermitFreeAnswer } from '../services/allowanceLedger';

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
        response: {
          201: z.object({
            answerId: z.uuid(),
            outcome: z.enum(['none', 'notification']),
            ledger: AllowanceLedgerSchema,
          }),
          400: ApiErrorSchema,
          409: ApiErrorSchema,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const property = await visibleProperty(app, request.user, request.params.id);
      const saved = await savePermitFreeAnswer(app, request.user!, property, request.body);
      return reply.status(201).send(saved);
    },
  );
}
