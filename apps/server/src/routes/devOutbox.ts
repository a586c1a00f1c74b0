import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OutboxEntrySchema } from '@lovisa/domain';
import { noStore } from '../plugins/session';
import { outboxEntries } from '../repositories/messages';

/**
 * The demo's mailbox: no SMTP server is configured, so every e-mail Lovisa would send is recorded in the
 * outbox, and this page lists it. Registered only with the BankID simulator (BANKID_SIMULATOR=true), where
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
        summary: 'Demo only: the e-mails Lovisa has recorded for sending, newest first',
        response: { 200: z.array(OutboxEntrySchema) },
      },
    },
    async () => outboxEntries(app.db),
  );
}
