import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OutboxEntrySchema } from '@lovisa/domain';
import { noStore } from '../plugins/session';
import { outboxEntries } from '../repositories/messages';

/**
 * The demo's mailbox: every e-mail Lovisa sends is first recorded in the outbox, and this page lists it with
 * its delivery state (only recorded when no SMTP server is configured). Registered only with the BankID simulator (BANKID_SIMULATOR=true), where
 * anyone may be anyone anyway; never in production.
 */
export default async function devOutboxRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onSend', noStore);
  r.get(
    '/dev/outbox',
    {
      schema: {
        tags: ['dev'],
        summary: 'Demo only: the e-mails Lovisa has recorded for sending, newest first, with their delivery state',
        response: { 200: z.array(OutboxEntrySchema) },
      },
    },
    async () => outboxEntries(app.db, app.config.mail.smtpUrl !== null),
  );
}
