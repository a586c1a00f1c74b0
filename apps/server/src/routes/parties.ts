import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  CasePartiesSchema,
  LoginCollectResultSchema,
  PartyCodeSchema,
  PartyLinkSchema,
  PartySignRequestSchema,
} from '@lovisa/domain';
import { caseRouteErrors } from '../http/routeSchemas';
import { bankIdSignRoutes } from '../http/bankIdSignRoutes';
import { currentUser, privateTo } from '../plugins/session';
import { openSigning, partiesService, signRequestOf } from '../services/parties';
import { partySigningService } from '../services/partySigning';

const caseParams = z.object({ id: z.uuid() });
const codeParams = z.object({ code: PartyCodeSchema });
const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };

/**
 * Who applies (issue #20): the parties who sign a case's submission. The applicant and every co-owner see who has
 * signed; the applicant makes a signing link for a co-owner, who opens it logged in with BankID and signs the
 * same version.
 */
export default async function partyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'applicant');
  const parties = partiesService(app);

  r.get(
    '/me/cases/:id/parties',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Who must sign my case’s submission, and who has (protected identities unnamed)',
        params: caseParams,
        response: { 200: CasePartiesSchema, ...errors },
      },
    },
    async (request) => parties.view(currentUser(request), request.params.id),
  );

  r.post(
    '/me/cases/:id/parties/:partyId/link',
    {
      schema: {
        tags: ['applicant'],
        summary: 'A new signing link for a co-owner still to sign; shown once, the old link stops working',
        params: caseParams.extend({ partyId: z.uuid() }),
        response: { 201: PartyLinkSchema, ...caseRouteErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await parties.link(currentUser(request), request.params.id, request.params.partyId)),
  );

  r.get(
    '/signatures/:code',
    {
      schema: {
        tags: ['applicant'],
        summary: 'A signing link, for the co-owner it was made for: exactly what they sign',
        params: codeParams,
        response: { 200: PartySignRequestSchema, ...errors },
      },
    },
    async (request) => signRequestOf(app, await openSigning(app, currentUser(request), request.params.code)),
  );

  bankIdSignRoutes(app, {
    base: '/signatures/:code',
    params: codeParams,
    key: (p) => p.code,
    tag: 'applicant',
    errors,
    collectResult: LoginCollectResultSchema,
    summaries: {
      start: 'Start signing the same submission with BankID; the order carries its hash',
      qr: 'The animated QR for the co-owner’s signature, this second',
      collect: 'Poll the co-owner’s signature; on completion it is kept with the case, if the version is unchanged',
      cancel: 'Cancel the co-owner’s signing; nothing is stored',
    },
    signing: partySigningService(app),
  });
}
