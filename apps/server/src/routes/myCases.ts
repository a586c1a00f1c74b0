import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  AttachmentInfoSchema,
  AttachmentSlotSchema,
  CaseDetailSchema,
  CaseDocumentKindSchema,
  type CaseDocumentKind,
  CaseMessageSchema,
  CompletionAnswerInputSchema,
  MyCaseSummarySchema,
  WithdrawInputSchema,
  answerRefusal,
  type CaseActor,
  type CaseStatus,
} from '@lovisa/domain';
import { receiveUpload } from '../attachments/receive';
import { caseRouteErrors, idParams } from '../http/routeSchemas';
import { currentUser, privateTo } from '../plugins/session';
import { assertConsentFromNeighbour, uploadIntoSlot } from '../services/uploads';
import { casesOfApplicant, completionRequestOf, type CaseRow } from '../repositories/cases';
import { messagesOfApplicant } from '../repositories/messages';
import { sendCaseDocument } from '../services/caseDocuments';
import { actingCase, partyCase } from '../services/parties';
import { agentCaseIds } from '../services/powers';
import * as svc from '../services/applicantCase';
import { answerCompletion, caseProblemError, runCaseCommand } from '../services/caseCommands';

const params = idParams;
const errors = caseRouteErrors;

/** "Mina ärenden": the applicant follows their own cases, reads the messages and answers orders to complete. */
export default async function myCasesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'applicant');

  const ownCase = (request: FastifyRequest, id: string) => svc.ownCase(app, currentUser(request), id);
  // Answering an order to complete: the applicant, or an agent whose power of attorney holds (ADR 0023).
  const actOn = (request: FastifyRequest, id: string) => actingCase(app, currentUser(request), id);
  const detail = (row: CaseRow) => svc.applicantCaseDetail(app, row);
  /** The applicant's command on their own case, logged by what happened (never by who), answered as the case. */
  const applicantCommand = async (
    request: FastifyRequest,
    id: string,
    happened: string,
    may: (request: FastifyRequest, id: string) => Promise<CaseRow>,
    run: (row: CaseRow, actor: CaseActor) => Promise<CaseRow>,
  ) => {
    const row = await may(request, id);
    const changed = await run(row, svc.applicantActor(currentUser(request)));
    request.log.info({ caseId: row.id }, happened);
    return detail(changed);
  };

  await inboxRoutes(app);

  r.get(
    '/me/cases/:id',
    {
      schema: {
        tags: ['applicant'],
        summary: 'One of my cases with its history, messages and clock',
        params,
        response: { 200: CaseDetailSchema, 401: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    // A co-owner follows the case too (issue #20); the commands below stay the applicant's.
    async (request) => detail(await partyCase(app, currentUser(request), request.params.id)),
  );

  r.post(
    '/me/cases/:id/attachments',
    {
      config: { rateLimit: { max: app.config.uploadLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['applicant'],
        summary:
          'Upload a document the municipality asked for (multipart/form-data, one file, PDF/PNG/JPEG up to 25 MB), only while the case awaits completion',
        consumes: ['multipart/form-data'],
        params,
        querystring: AttachmentSlotSchema,
        response: { 201: AttachmentInfoSchema, ...errors, 413: ApiErrorSchema, 415: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const row = await actOn(request, request.params.id);
      // Refused before the file is read, as the upload service refuses it again under the case's lock.
      const refusal = answerRefusal({ status: row.status as CaseStatus, completionRequest: completionRequestOf(row) });
      if (refusal) throw caseProblemError(refusal);
      await assertConsentFromNeighbour(app.registers.land, row.propertyId, request.query);
      // The one upload check (attachments/upload.ts), as for a draft; the file then goes into this answer's slot.
      const info = await receiveUpload(request, request.query, (file) =>
        uploadIntoSlot(app, user.personnummer, { caseId: row.id }, request.query, file),
      );
      return reply.status(201).send(info);
    },
  );

  r.post(
    '/me/cases/:id/completion',
    {
      schema: {
        tags: ['applicant'],
        summary:
          'Send my answer to an order to complete: the case goes back to the officer and the clock follows the law',
        params,
        body: CompletionAnswerInputSchema,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (request) =>
      applicantCommand(request, request.params.id, 'completion received', actOn, (row, actor) =>
        answerCompletion(app, row, { version: request.body.version, note: request.body.note ?? null }, actor),
      ),
  );

  r.post(
    '/me/cases/:id/withdraw',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Withdraw my application (återkalla), any time before the decision',
        params,
        body: WithdrawInputSchema,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (request) =>
      applicantCommand(request, request.params.id, 'application withdrawn', ownCase, (row, actor) =>
        runCaseCommand(app, row, { type: 'withdraw', version: request.body.version }, actor),
      ),
  );

  app.get<{ Params: { id: string; kind: CaseDocumentKind } }>(
    '/me/cases/:id/documents/:kind',
    {
      schema: {
        tags: ['applicant'],
        summary: 'A document the municipality issued on my case (the decision, a start approval), as a PDF download',
        params: z.object({ id: z.uuid(), kind: CaseDocumentKindSchema }),
        response: { 401: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const row = await partyCase(app, currentUser(request), request.params.id);
      return sendCaseDocument(app, reply, row.id, request.params.kind);
    },
  );
}

/** The applicant's lists: cases and messages. */
async function inboxRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/me/cases',
    {
      schema: {
        tags: ['applicant'],
        summary: 'My cases, newest first, with the expected decision date',
        response: { 200: z.array(MyCaseSummarySchema), 401: ApiErrorSchema },
      },
    },
    async (request) => {
      const { personnummer } = currentUser(request);
      return casesOfApplicant(app.db, personnummer, app.clock(), await agentCaseIds(app, personnummer));
    },
  );

  r.get(
    '/me/messages',
    {
      schema: {
        tags: ['applicant'],
        summary: 'My inbox: receipts, orders to complete and decisions on all my cases, newest first',
        response: { 200: z.array(CaseMessageSchema), 401: ApiErrorSchema },
      },
    },
    async (request) => {
      const { personnummer } = currentUser(request);
      return messagesOfApplicant(app.db, personnummer, await agentCaseIds(app, personnummer));
    },
  );
}
