import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { ApiErrorSchema, SavedContactAnswerSchema, SavedContactSchema } from '@lovisa/domain';
import { savedContacts } from '../db/schema';
import { currentUser, privateTo } from '../plugins/session';

/**
 * The applicant's remembered e-mail and phone, for the next application: kept only while they want it. Saving
 * is their consent (the tick in the details step), removing it withdraws it; nobody else can read it.
 */
export default async function savedContactRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'applicant');
  const mine = (personnummer: string) => eq(savedContacts.personnummer, personnummer);

  r.get(
    '/me/contact',
    {
      schema: {
        tags: ['applicant'],
        summary: 'My remembered contact details, if I asked for them to be kept',
        response: { 200: SavedContactAnswerSchema, 401: ApiErrorSchema },
      },
    },
    async (request) => {
      const [row] = await app.db
        .select()
        .from(savedContacts)
        .where(mine(currentUser(request).personnummer));
      return {
        contact: row ? { email: row.email, phone: row.phone, savedAt: row.savedAt.toISOString() } : null,
      };
    },
  );

  r.put(
    '/me/contact',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Keep my contact details for my next application (replaces what was kept)',
        body: SavedContactSchema,
        response: { 200: SavedContactAnswerSchema, 400: ApiErrorSchema, 401: ApiErrorSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const values = {
        email: request.body.email?.trim() ?? '',
        phone: request.body.phone?.trim() ?? '',
        savedAt: app.clock(),
      };
      await app.db
        .insert(savedContacts)
        .values({ personnummer: user.personnummer, ...values })
        .onConflictDoUpdate({ target: savedContacts.personnummer, set: values });
      return { contact: { email: values.email, phone: values.phone, savedAt: values.savedAt.toISOString() } };
    },
  );

  r.delete(
    '/me/contact',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Forget my contact details (nothing is kept for the next application)',
        response: { 204: z.null(), 401: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      await app.db.delete(savedContacts).where(mine(currentUser(request).personnummer));
      return reply.status(204).send(null);
    },
  );
}
