import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, MeSchema, MyPropertySchema } from '@lovisa/domain';
import { currentUser, privateTo } from '../plugins/session';
import { applicantProfile, applicantProperties } from '../services/me';

/** The signed-in applicant: what the registers already know, so the applicant never types it. */
export default async function meRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'applicant');

  r.get(
    '/me',
    {
      schema: {
        tags: ['applicant'],
        summary: 'The signed-in person, from the population register',
        response: { 200: MeSchema, 401: ApiErrorSchema },
      },
    },
    async (request) => applicantProfile(app, currentUser(request)),
  );

  r.get(
    '/me/properties',
    {
      schema: {
        tags: ['applicant'],
        summary:
          'Properties the signed-in person owns, those of the organisations they sign for, and those an owner gave them a power of attorney for',
        response: { 200: z.array(MyPropertySchema), 401: ApiErrorSchema },
      },
    },
    async (request) => applicantProperties(app, currentUser(request)),
  );
}
