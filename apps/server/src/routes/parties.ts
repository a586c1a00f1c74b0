import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  CasePartiesSchema,
  LoginCollectInputSchema,
  LoginCollectResultSchema,
  PartyCodeSchema,
  PartyLinkSchema,
  PartySignRequestSchema,
  QrResultSchema,
  SignStartResultSchema,
} from '@lovisa/domain';
import { caseRouteErrors } from '../http/routeSchemas';
import { linkSigningHandlers } from '../http/linkSigning';
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
  const signing = partySigningService(app);
  const handlers = linkSigningHandlers(app, signing);

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

  // jscpd:ignore-start -- signing through a link is one protocol: these routes answer as a neighbour's consent's do
  // (routes/consentSigning.ts), with the same handlers (http/linkSigning.ts); only the schemas' words differ.
  r.post(
    '/signatures/:code/sign',
    {
      config: { rateLimit: { max: app.config.bankidStartLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['applicant'],
        summary: 'Start signing the same submission with BankID; the order carries its hash',
        params: codeParams,
        response: {
          202: SignStartResultSchema,
          ...errors,
          409: ApiErrorSchema,
          429: ApiErrorSchema,
          503: ApiErrorSchema,
        },
      },
    },
    async (request, reply) => handlers.start(request, request.params.code, reply),
  );

  r.get(
    '/signatures/:code/sign/:orderRef/qr',
    {
      schema: {
        tags: ['applicant'],
        summary: 'The animated QR for the co-owner’s signature, this second',
        params: codeParams.extend({ orderRef: z.string().min(1).max(100) }),
        response: { 200: QrResultSchema, ...errors },
      },
    },
    async (request, reply) => handlers.qr(request, request.params.code, request.params.orderRef, reply),
  );

  // jscpd:ignore-end

  r.post(
    '/signatures/:code/sign/collect',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Poll the co-owner’s signature; on completion it is kept with the case, if the version is unchanged',
        params: codeParams,
        body: LoginCollectInputSchema,
        response: { 200: LoginCollectResultSchema, ...errors, 409: ApiErrorSchema, 503: ApiErrorSchema },
      },
    },
    async (request) => signing.collect(currentUser(request), request.params.code, request.body.orderRef, request.log),
  );

  r.post(
    '/signatures/:code/sign/cancel',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Cancel the co-owner’s signing; nothing is stored',
        params: codeParams,
        body: LoginCollectInputSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await signing.cancel(currentUser(request), request.params.code, request.body.orderRef);
      return reply.status(204).send(null);
    },
  );
}
