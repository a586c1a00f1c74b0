import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  ConsentDeclineInputSchema,
  ConsentInvitationCreatedSchema,
  ConsentInvitationSchema,
  ConsentInviteInputSchema,
  ConsentRequestViewSchema,
  stockholmDate,
} from '@lovisa/domain';
import { consentCodeParams, consentRouteErrors } from '../http/routeSchemas';
import { currentUser, privateTo } from '../plugins/session';
import { consentApplicantService, consentNeighbourService } from '../services/consent';
import { plannedBuildings } from '../sitePlan/sitePlanInput';
import { sendSitePlan } from '../sitePlan/sendSitePlan';

const draftParams = z.object({ id: z.uuid() });

/**
 * A neighbour's consent with BankID, bound to the drawing. The applicant invites the owners of a neighbouring
 * property; an owner opens the invitation by its code, logged in with BankID, and signs or declines.
 */
export default async function consentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Anyone logged in with BankID is an "applicant"; the service checks they own the invited property.
  privateTo(app, 'applicant');
  const applicant = consentApplicantService(app);
  const neighbour = consentNeighbourService(app);

  r.post(
    '/drafts/:id/consents',
    {
      schema: {
        tags: ['applicant'],
        summary:
          'Invite the owners of a neighbouring property to consent to my draft’s drawing; the code is shown once',
        params: draftParams,
        body: ConsentInviteInputSchema,
        response: { 201: ConsentInvitationCreatedSchema, ...consentRouteErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await applicant.invite(currentUser(request), request.params.id, request.body.neighbourPropertyId)),
  );

  r.get(
    '/drafts/:id/consents',
    {
      schema: {
        tags: ['applicant'],
        summary: 'My draft’s invitations, with each owner’s answer (protected identities unnamed)',
        params: draftParams,
        response: { 200: z.array(ConsentInvitationSchema), ...consentRouteErrors },
      },
    },
    async (request) => applicant.list(currentUser(request), request.params.id),
  );

  r.delete(
    '/drafts/:id/consents/:invitationId',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Withdraw an invitation: its code stops working',
        params: draftParams.extend({ invitationId: z.uuid() }),
        response: { 204: z.null(), ...consentRouteErrors },
      },
    },
    async (request, reply) => {
      await applicant.withdraw(currentUser(request), request.params.id, request.params.invitationId);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/consents/:code',
    {
      schema: {
        tags: ['applicant'],
        summary: 'An invitation to consent, for a registered owner of the invited property',
        params: consentCodeParams,
        response: { 200: ConsentRequestViewSchema, ...consentRouteErrors },
      },
    },
    async (request) => neighbour.view(currentUser(request), request.params.code),
  );

  r.get(
    '/consents/:code/site-plan.pdf',
    {
      schema: {
        tags: ['applicant'],
        summary: 'The situationsplan of what the neighbour is asked to consent to',
        params: consentCodeParams,
        response: { ...consentRouteErrors, 503: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const { site, data } = await neighbour.open(currentUser(request), request.params.code);
      return sendSitePlan(app, reply, site, plannedBuildings(data.footprints ?? []), stockholmDate(app.clock()));
    },
  );

  r.post(
    '/consents/:code/decline',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Decline, with a reason the applicant sees',
        params: consentCodeParams,
        body: ConsentDeclineInputSchema,
        response: { 204: z.null(), ...consentRouteErrors },
      },
    },
    async (request, reply) => {
      await neighbour.decline(currentUser(request), request.params.code, request.body.reason);
      return reply.status(204).send(null);
    },
  );
}
