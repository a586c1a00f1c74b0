import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  AfterPermitViewSchema,
  ApiErrorSchema,
  AttachmentInfoSchema,
  KontrollplanTickInputSchema,
  type AfterPermitCommand,
  type CaseActor,
} from '@lovisa/domain';
import { receiveUpload } from '../attachments/receive';
import { appError } from '../errors';
import { currentUser } from '../plugins/session';
import { caseRouteErrors, idParams } from '../http/routeSchemas';
import type { CaseRow } from '../repositories/cases';
import {
  afterPermitProblemError,
  afterPermitViewOf,
  caseAttachmentExists,
  runAfterPermitCommand,
  uploadKontrollplanFile,
} from '../services/afterPermit';

/** A command as a route builds it: the body's version is added by the route. */
export type CommandOf = {
  [K in AfterPermitCommand['type']]: Omit<Extract<AfterPermitCommand, { type: K }>, 'version'>;
}[AfterPermitCommand['type']];

export type Face = 'applicant' | 'officer' | 'kontrollansvarig';
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
        tags: [face === 'officer' ? 'officer' : 'applicant'],
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
        tags: [face === 'officer' ? 'officer' : 'applicant'],
        summary:
          'The steps after the decision: phases, permit validity (PBL 9 kap. 43 §), next actions, samråd, kontrollplan, startbesked and slutbesked',
        params: idParams,
        response: { 200: AfterPermitViewSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request) => afterPermitViewOf(app, (await load(request)).row, face),
  );
}

/**
 * The applicant's upload of a photo or document for a kontrollplan tick: the one upload check (receiveUpload), and
 * refused before the file is read while ticks are not yet allowed (they come with the startbesked).
 */
export function kontrollplanFileRoute(
  app: FastifyInstance,
  load: Loader,
  path: string,
  face: 'applicant' | 'kontrollansvarig' = 'applicant',
) {
  app.withTypeProvider<ZodTypeProvider>().post(
    path,
    {
      config: { rateLimit: { max: app.config.uploadLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['applicant'],
        summary:
          'Add a photo or document for a kontrollplan tick (multipart/form-data, one file, PDF/PNG/JPEG up to 25 MB, checked by content), once the startbesked is given',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: AttachmentInfoSchema, ...caseRouteErrors, 413: ApiErrorSchema, 415: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const { row } = await load(request);
      const view = await afterPermitViewOf(app, row, face);
      if (!view.allowed.includes('tickKontrollplanItem'))
        throw afterPermitProblemError(
          { code: view.phases.length === 0 ? 'NOT_APPLICABLE' : 'STARTBESKED_MISSING' },
          row,
        );
      const user = currentUser(request);
      const info = await receiveUpload(request, { type: 'OVR' }, (file) =>
        uploadKontrollplanFile(app, row, user.personnummer, file),
      );
      request.log.info({ caseId: row.id }, 'kontrollplan file added');
      return reply.status(201).send(info);
    },
  );
}

/** A tick as a command: the file it names must be one of this case's, else 400 (another case's file is unknown). */
export const tickCommand =
  (app: FastifyInstance) =>
  async (b: z.infer<typeof KontrollplanTickInputSchema>, row: CaseRow): Promise<CommandOf> => {
    const attachmentId = b.attachmentId ?? null;
    if (attachmentId && !(await caseAttachmentExists(app.db, row.id, attachmentId)))
      throw appError('invalidInput', 'afterPermit.attachmentUnknown', undefined, [
        { path: 'attachmentId', message: 'Filen finns inte i ärendet.', messageId: 'afterPermit.attachmentUnknown' },
      ]);
    return { type: 'tickKontrollplanItem', itemId: b.itemId, doneOn: b.doneOn, attachmentId, note: b.note ?? null };
  };
