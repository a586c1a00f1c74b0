import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseDetailSchema, ConsultationInputSchema } from '@lovisa/domain';
import { caseRouteErrors, idParams } from '../http/routeSchemas';
import { currentUser, privateTo } from '../plugins/session';
import { sendConsultation } from '../services/consultations';
import { officerCaseDetail, teamCase } from '../services/officerCase';

const params = idParams;
const errors = caseRouteErrors;

/** Remisser from the officer's console (issue #22); the body's side is routes/consultations.ts. */
export default async function officerConsultationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'officer');

  r.post(
    '/officer/cases/:id/consultations',
    {
      schema: {
        tags: ['officer'],
        summary:
          'Send a remiss: the case to a body (a unit of the municipality or an authority) with a question and a reply-by working day; it gets an e-mail with a link of its own, shown here once too',
        body: ConsultationInputSchema,
        params,
        response: { ...errors, 200: z.object({ case: CaseDetailSchema, link: z.string() }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const sent = await sendConsultation(app, user, await teamCase(app, user, request.params.id), request.body);
      request.log.info({ caseId: sent.row.id }, 'remiss sent');
      return { case: await officerCaseDetail(app, user, sent.row), link: sent.link };
    },
  );
}
