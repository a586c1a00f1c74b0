import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiErrorSchema, ApplicationSubmissionSchema, CaseSummarySchema, routeCase } from '@lovisa/domain';
import { polygonWithin } from '@lovisa/geo';
import { AppError, forbidden, notFound } from '../errors';
import { currentUser, requireRole } from '../plugins/session';
import { createCase } from '../repositories/cases';

export default async function applicationRoutes(app: FastifyInstance) {
  app.addHook('onRequest', requireRole('applicant'));

  app.withTypeProvider<ZodTypeProvider>().post(
    '/applications',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Submit an application; it is checked again with the same schema the browser used',
        body: ApplicationSubmissionSchema,
        response: { 201: CaseSummarySchema, 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const application = request.body;
      const property = await app.registers.land.propertyById(application.propertyId);
      if (!property) throw notFound('Fastigheten');
      const owned = await app.registers.ownership.propertyIdsOwnedBy(user.personnummer);
      if (!owned.includes(property.id)) throw forbidden();
      const outside = application.footprints
        .map((f, i) => ({ f, i }))
        .filter(({ f }) => !polygonWithin(f.geometry, property.boundary));
      if (outside.length > 0) {
        throw new AppError(
          'invalidInput',
          'Byggnaden måste ligga inom fastigheten.',
          outside.map(({ i }) => ({ path: `body.footprints.${i}.geometry`, message: 'Byggnaden ligger utanför fastighetsgränsen.' })),
        );
      }
      const teams = await app.registers.staff.teams();
      const routing = routeCase(application, app.config.routingRules, teams[0]!.id);
      const created = await createCase(app.db, {
        application,
        applicant: { personnummer: user.personnummer, name: user.name },
        propertyDesignation: property.designation,
        routing,
        receivedAt: app.clock(),
      });
      request.log.info({ caseId: created.id, diaryNumber: created.diaryNumber }, 'application received');
      return reply.status(201).send(created);
    },
  );
}
