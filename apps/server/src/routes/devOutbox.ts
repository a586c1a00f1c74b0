import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, OutboxEntrySchema } from '@lovisa/domain';
import { currentUser, privateTo } from '../plugins/session';
import { outboxEntries } from '../repositories/messages';

/**
 * The demo's mailbox: every e-mail Lovisa sends is first recorded in the outbox, and this page lists it with
 * its delivery state (only recorded when no SMTP server is configured). Registered only with the BankID
 * simulator, and even then only for a signed-in demo user: an applicant sees the e-mail about their own cases,
 * an officer their team's, nobody else's.
 */
export default async function devOutboxRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'applicant');
  r.get(
    '/dev/outbox',
    {
      schema: {
        tags: ['dev'],
        summary: 'Demo only: the e-mails Lovisa has recorded for sending, newest first, with their delivery state',
        response: { 200: z.array(OutboxEntrySchema), 401: ApiErrorSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const viewer =
        user.roles.includes('officer') && user.teamId ? { team: user.teamId } : { applicant: user.personnummer };
      return outboxEntries(app.db, viewer, {
        delivering: app.config.mail.smtpUrl !== null,
        publicUrl: app.config.publicUrl,
      });
    },
  );
}
