import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, CasePartiesSchema, PaperConsentInputSchema } from '@lovisa/domain';
import { caseRouteErrors } from '../http/routeSchemas';
import { currentUser, privateTo } from '../plugins/session';
import { teamCase } from '../services/officerCase';
import { loadPartiesView, recordPaperConsent } from '../services/parties';

const params = z.object({ id: z.uuid() });

/** The officer sees who signed the submission, and records a co-owner's consent given on paper (issue #20). */
export default async function officerPartyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'officer');

  r.get(
    '/officer/cases/:id/parties',
    {
      schema: {
        tags: ['officer'],
        summary: 'Who must sign the submission, who has, and whether every owner has signed (or consented on paper)',
        params,
        response: { 200: CasePartiesSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request) => {
      const row = await teamCase(app, currentUser(request), request.params.id);
      return loadPartiesView(app, row, null);
    },
  );

  r.post(
    '/officer/cases/:id/parties/:partyId/paper-consent',
    {
      schema: {
        tags: ['officer'],
        summary: 'Record that a party consented on paper: the owner then counts as having signed',
        params: params.extend({ partyId: z.uuid() }),
        body: PaperConsentInputSchema,
        response: { 200: CasePartiesSchema, ...caseRouteErrors },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const row = await teamCase(app, user, request.params.id);
      return recordPaperConsent(app, user, row, request.params.partyId, request.body.receivedOn);
    },
  );
}
