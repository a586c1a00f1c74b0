import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, CaseDetailSchema, DecisionInputSchema, QueuePageSchema, QueueQuerySchema, canDecide } from '@lovisa/domain';
import { AppError, forbidden, notFound } from '../errors';
import { currentUser, noStore, requireRole, type SessionUser } from '../plugins/session';
import { caseDetail, caseRow, decideCase, queueOfTeam } from '../repositories/cases';

function teamOf(user: SessionUser): string {
  if (!user.teamId) throw forbidden();
  return user.teamId;
}

/** The building officer's console: the team's queue and the case loop. */
export default async function officerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', requireRole('officer'));
  app.addHook('onSend', noStore);

  async function teamCase(user: SessionUser, id: string) {
    const row = await caseRow(app.db, id);
    if (!row) throw notFound('Ärendet');
    if (row.teamId !== teamOf(user)) throw forbidden();
    return row;
  }

  r.get(
    '/officer/queue',
    {
      schema: {
        tags: ['officer'],
        summary: "My team's cases, soonest decision deadline first: filters, search and pages",
        querystring: QueueQuerySchema,
        response: { 200: QueuePageSchema, 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema },
      },
    },
    async (request) => queueOfTeam(app.db, teamOf(currentUser(request)), request.query),
  );

  r.get(
    '/officer/cases/:id',
    {
      schema: {
        tags: ['officer'],
        summary: 'A case of my team',
        params: z.object({ id: z.uuid() }),
        response: { 200: CaseDetailSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request) => caseDetail(app.db, await teamCase(currentUser(request), request.params.id)),
  );

  r.post(
    '/officer/cases/:id/decision',
    {
      schema: {
        tags: ['officer'],
        summary: 'Approve or refuse a case',
        params: z.object({ id: z.uuid() }),
        body: DecisionInputSchema,
        response: {
          200: CaseDetailSchema,
          400: ApiErrorSchema,
          401: ApiErrorSchema,
          403: ApiErrorSchema,
          404: ApiErrorSchema,
          409: ApiErrorSchema,
        },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const row = await teamCase(user, request.params.id);
      const alreadyDecided = () => new AppError('conflict', 'Ärendet är redan beslutat.');
      if (!canDecide(row.status as 'received' | 'decided')) throw alreadyDecided();
      const decided = await decideCase(app.db, row.id, request.body, user, app.clock());
      if (!decided) throw alreadyDecided();
      request.log.info({ caseId: row.id, outcome: request.body.outcome }, 'case decided');
      return caseDetail(app.db, decided);
    },
  );
}
