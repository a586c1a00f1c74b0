import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, CaseDetailSchema, CaseSummarySchema } from '@lovisa/domain';
import { notFound } from '../errors';
import { currentUser, noStore, requireRole } from '../plugins/session';
import { caseDetail, caseRow, casesOfApplicant } from '../repositories/cases';

/** "Mina ärenden": the applicant follows their own cases. */
export default async function myCasesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', requireRole('applicant'));
  app.addHook('onSend', noStore);

  r.get(
    '/me/cases',
    { schema: { tags: ['applicant'], summary: 'My cases, newest first', response: { 200: z.array(CaseSummarySchema), 401: ApiErrorSchema } } },
    async (request) => casesOfApplicant(app.db, currentUser(request).personnummer),
  );

  r.get(
    '/me/cases/:id',
    {
      schema: {
        tags: ['applicant'],
        summary: 'One of my cases with its history',
        params: z.object({ id: z.uuid() }),
        response: { 200: CaseDetailSchema, 401: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request) => {
      const row = await caseRow(app.db, request.params.id);
      // Another person's case answers as missing: its existence is nobody else's business.
      if (!row || row.applicantPersonnummer !== currentUser(request).personnummer) throw notFound('Ärendet');
      return caseDetail(app.db, row);
    },
  );
}
