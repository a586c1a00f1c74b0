import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, swedishText } from '@lovisa/domain';
import { BankIdError } from '@lovisa/bankid';

const CHECK_TIMEOUT_MS = 2_000;
const CheckSchema = z.enum(['ok', 'failed']);
const ReadinessSchema = z.object({
  status: z.enum(['ready', 'notReady']),
  checks: z.object({ database: CheckSchema, registers: CheckSchema, bankid: CheckSchema }),
});

/** Settles to ok or failed within the timeout; a check that hangs is a failed one. */
async function check(probe: () => Promise<unknown>): Promise<'ok' | 'failed'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'failed'>((resolve) => {
    timer = setTimeout(() => resolve('failed'), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([probe().then(() => 'ok' as const), timeout]);
  } catch {
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Liveness (the process answers: restart it if not) and readiness (it can serve: take it out of the load
 * balancer if not). `/api/health` stays as it was, the database only.
 */
export default async function healthRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: { 200: z.object({ status: z.literal('ok') }), 503: ApiErrorSchema },
      },
    },
    async (_request, reply) => {
      try {
        await app.database.ping();
        return { status: 'ok' as const };
      } catch {
        const messageId = 'server.databaseUnavailable';
        return reply.status(503).send({ error: { code: 'unavailable', message: swedishText(messageId), messageId } });
      }
    },
  );

  r.get(
    '/health/live',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness: the process answers (no dependency is asked)',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  r.get(
    '/health/ready',
    {
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database, the registers and BankID answer',
        response: { 200: ReadinessSchema, 503: ReadinessSchema },
      },
    },
    async (_request, reply) => {
      const [database, registers, bankid] = await Promise.all([
        check(() => app.database.ping()),
        check(() => app.registers.staff.teams()),
        // BankID has no health call: an order reference that cannot exist is refused with 400 by a BankID that
        // answers, which is all readiness needs to know.
        check(async () => {
          try {
            await app.bankid().collect('00000000-0000-4000-8000-000000000000');
          } catch (err) {
            if (err instanceof BankIdError && err.httpStatus !== null && err.httpStatus < 500) return;
            throw err;
          }
        }),
      ]);
      const checks = { database, registers, bankid };
      const ready = Object.values(checks).every((c) => c === 'ok');
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'notReady', checks });
    },
  );
}
