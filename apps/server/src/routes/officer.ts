import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  CaseDetailSchema,
  CaseDocumentKindSchema,
  FilledPhraseSchema,
  QueuePageSchema,
  QueueQuerySchema,
  opensCompletion,
} from '@lovisa/domain';
import { caseRouteErrors, idParams } from '../http/routeSchemas';
import { commandRoutes } from '../http/officerCommandRoutes';
import { currentUser, privateTo } from '../plugins/session';
import { markCompletionRead, queueOfTeam } from '../repositories/cases';
import { sendCaseDocument, sendPdf } from '../services/caseDocuments';
import { previewCaseDocument, runCaseCommand } from '../services/caseCommands';
import { contentDisposition } from '../http/contentDisposition';
import { casePhrases, officerActor, officerCaseDetail, teamCase, teamOf } from '../services/officerCase';

const params = idParams;
const errors = caseRouteErrors;

/** The building officer's console: the team's queue and the case loop. */
export default async function officerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'officer');

  r.get(
    '/officer/queue',
    {
      schema: {
        tags: ['officer'],
        summary:
          "My team's cases (or mine, or those nobody has taken): filters, flags, search, sort (open ones by soonest decision deadline unless asked otherwise) and pages",
        querystring: QueueQuerySchema,
        response: { 200: QueuePageSchema, 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      return queueOfTeam(app.db, teamOf(user), request.query, user.personnummer, app.clock());
    },
  );

  r.get(
    '/officer/cases/:id',
    {
      schema: {
        tags: ['officer'],
        summary: 'A case of my team: applicant, assessment, clock, attachments, timeline and what I may do',
        params,
        response: { 200: CaseDetailSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const row = await teamCase(app, user, request.params.id);
      if (row.completionUnread && opensCompletion(row.assignedTo, user.personnummer)) {
        await markCompletionRead(app.db, row.id);
        row.completionUnread = false;
      }
      return officerCaseDetail(app, user, row);
    },
  );

  r.get(
    '/officer/cases/:id/phrases',
    {
      schema: {
        tags: ['officer'],
        summary:
          "The municipality's conditions library for a case of my team: the conditions that fit its measure, with its facts filled in",
        params,
        response: {
          200: z.array(FilledPhraseSchema),
          401: ApiErrorSchema,
          403: ApiErrorSchema,
          404: ApiErrorSchema,
        },
      },
    },
    async (request) => casePhrases(app, await teamCase(app, currentUser(request), request.params.id)),
  );

  for (const c of commandRoutes) {
    r.post(
      `/officer/cases/:id/${c.path}`,
      {
        schema: {
          tags: ['officer'],
          summary: c.summary,
          params,
          body: c.body,
          response: { 200: CaseDetailSchema, ...errors },
        },
      },
      async (request) => {
        const user = currentUser(request);
        const row = await teamCase(app, user, request.params.id);
        const command = await c.command(request.body, { app, user, row });
        const changed = await runCaseCommand(app, row, command, await officerActor(app, user));
        request.log.info({ caseId: row.id, command: command.type, status: changed.status }, 'case command');
        return officerCaseDetail(app, user, changed);
      },
    );
    if (!c.preview) continue;
    r.post(
      `/officer/cases/:id/${c.path}/preview`,
      {
        schema: {
          tags: ['officer'],
          summary: `The PDF this would issue, to read before it is issued (nothing is stored): ${c.summary}`,
          params,
          body: c.body,
          response: errors,
        },
      },
      async (request, reply) => {
        const user = currentUser(request);
        const row = await teamCase(app, user, request.params.id);
        const command = await c.command(request.body, { app, user, row });
        const { fileName, bytes } = await previewCaseDocument(app, row, command, await officerActor(app, user));
        reply.header('cache-control', 'no-store');
        return sendPdf(reply, bytes, contentDisposition('inline', `Förhandsgranskning ${fileName}`));
      },
    );
  }

  r.get(
    '/officer/cases/:id/documents/:kind',
    {
      schema: {
        tags: ['officer'],
        summary:
          'A document the municipality issued on a case of my team (the decision, a start approval), as a PDF download',
        params: z.object({ id: z.uuid(), kind: CaseDocumentKindSchema }),
        response: { 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const row = await teamCase(app, currentUser(request), request.params.id);
      return sendCaseDocument(app, reply, row.id, request.params.kind);
    },
  );
}
