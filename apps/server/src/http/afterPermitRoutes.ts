import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AfterPermitViewSchema, ApiErrorSchema, type AfterPermitCommand, type CaseActor } from '@lovisa/domain';
import { caseRouteErrors, idParams } from '../http/routeSchemas';
import type { CaseRow } from '../repositories/cases';
import { afterPermitViewOf, runAfterPermitCommand } from '../services/afterPermit';

/** A command as a route builds it: the body's version is added by the route. */
export type CommandOf = {
  [K in AfterPermitCommand['type']]: Omit<Extract<AfterPermitCommand, { type: K }>, 'version'>;
}[AfterPermitCommand['type']];

export type Face = 'applicant' | 'officer';
export type Loader = (request: FastifyRequest) => Promise<{ row: CaseRow; actor: CaseActor }>;
type Body = z.ZodObject<{ version: z.ZodNumber }>;

/**
 * One POST per after-permit command, for either face: body schema in, domain command out, the view of the
 * changed case back. Logged by what happened, never with the body.
 */
export function commandRoute<B extends Body>(
  app: FastifyInstance,
  face: Face,
  load: Loader,
  path: string,
  summary: string,
  body: B,
  toCommand: (body: z.infer<B>, row: CaseRow) => CommandOf | Promise<CommandOf>,
) {
  app.withTypeProvider<ZodTypeProvider>().post(
    path,
    {
      schema: {
        tags: [face],
        summary,
        params: idParams,
        body,
        response: { 200: AfterPermitViewSchema, ...caseRouteErrors },
      },
    },
    async (request) => {
      const { row, actor } = await load(request);
      const input = request.body as z.infer<B>;
      const command = { ...(await toCommand(input, row)), version: input.version } as AfterPermitCommand;
      const changed = await runAfterPermitCommand(app, row, command, actor);
      request.log.info({ caseId: row.id, command: command.type }, 'after-permit command');
      return afterPermitViewOf(app, changed, face);
    },
  );
}

export function viewRoute(app: FastifyInstance, face: Face, load: Loader, path: string) {
  app.withTypeProvider<ZodTypeProvider>().get(
    path,
    {
      schema: {
        tags: [face],
        summary:
          'The steps after the decision: phases, permit validity (PBL 9 kap. 43 §), next actions, samråd, kontrollplan, startbesked and slutbesked',
        params: idParams,
        response: { 200: AfterPermitViewSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request) => afterPermitViewOf(app, (await load(request)).row, face),
  );
}
