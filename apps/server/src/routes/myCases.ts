import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  AttachmentInfoSchema,
  AttachmentSlotSchema,
  CaseDetailSchema,
  CaseDocumentKindSchema,
  CaseMessageSchema,
  CompletionAnswerInputSchema,
  MyCaseSummarySchema,
  WithdrawInputSchema,
  type CaseActor,
} from '@lovisa/domain';
import { AppError, notFound } from '../errors';
import { receiveUpload } from '../attachments/receive';
import { currentUser, noStore, requireRole } from '../plugins/session';
import { uploadIntoSlot } from '../services/uploads';
import { caseDetail, caseRow, casesOfApplicant, completionRequestOf, type CaseRow } from '../repositories/cases';
import { messagesOfApplicant } from '../repositories/messages';
import { sendCaseDocument } from '../services/caseDocuments';
import { answerCompletion, runCaseCommand } from '../services/caseCommands';

const params = z.object({ id: z.uuid() });
const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };

/** "Mina ärenden": the applicant follows their own cases, reads the messages and answers orders to complete. */
export default async function myCasesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', requireRole('applicant'));
  app.addHook('onSend', noStore);

  async function ownCase(request: FastifyRequest, id: string): Promise<CaseRow> {
    const row = await caseRow(app.db, id);
    // Another person's case answers as missing: its existence is nobody else's business.
    if (!row || row.applicantPersonnummer !== currentUser(request).personnummer) throw notFound('case');
    return row;
  }

  const detail = (row: CaseRow) => caseDetail(app.db, row, { today: app.clock(), face: 'applicant' });
  const applicantActor = (request: FastifyRequest): CaseActor => {
    const user = currentUser(request);
    return { role: 'applicant', personnummer: user.personnummer, name: user.name };
  };

  const notAwaiting = (status: string) =>
    new AppError(
      'conflict',
      status === 'decided' ? 'Ärendet är redan beslutat.' : status === 'withdrawn' ? 'Ansökan är återkallad.' : 'Kommunen har inte begärt någon komplettering som väntar på svar.',
    );

  r.get(
    '/me/cases',
    {
      schema: {
        tags: ['applicant'],
        summary: 'My cases, newest first, with the expected decision date',
        response: { 200: z.array(MyCaseSummarySchema), 401: ApiErrorSchema },
      },
    },
    async (request) => casesOfApplicant(app.db, currentUser(request).personnummer, app.clock()),
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
    async (request) => messagesOfApplicant(app.db, currentUser(request).personnummer),
  );

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
    async (request) => detail(await ownCase(request, request.params.id)),
  );

  r.post(
    '/me/cases/:id/attachments',
    {
      config: { rateLimit: { max: app.config.uploadLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['applicant'],
        summary: 'Upload a document the municipality asked for (multipart/form-data, one file, PDF/PNG/JPEG up to 25 MB), only while the case awaits completion',
        consumes: ['multipart/form-data'],
        params,
        querystring: AttachmentSlotSchema,
        response: { 201: AttachmentInfoSchema, ...errors, 413: ApiErrorSchema, 415: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const row = await ownCase(request, request.params.id);
      const order = completionRequestOf(row);
      if (row.status !== 'awaitingCompletion' || !order) throw notAwaiting(row.status);
      // The one upload check (attachments/upload.ts), as for a draft; the file then goes into this answer's slot.
      const file = await receiveUpload(request, request.query);
      const info = await uploadIntoSlot(app, user.personnummer, { caseId: row.id }, request.query, file);
      return reply.status(201).send(info);
    },
  );

  r.post(
    '/me/cases/:id/completion',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Send my answer to an order to complete: the case goes back to the officer and the clock follows the law',
        params,
        body: CompletionAnswerInputSchema,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (request) => {
      const row = await ownCase(request, request.params.id);
      const changed = await answerCompletion(app, row, { version: request.body.version, note: request.body.note ?? null }, applicantActor(request));
      request.log.info({ caseId: row.id }, 'completion received');
      return detail(changed);
    },
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
    async (request) => {
      const row = await ownCase(request, request.params.id);
      const changed = await runCaseCommand(app, row, { type: 'withdraw', version: request.body.version }, applicantActor(request));
      request.log.info({ caseId: row.id }, 'application withdrawn');
      return detail(changed);
    },
  );

  app.get<{ Params: { id: string; kind: 'decision' | 'startApproval' } }>(
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
      const row = await ownCase(request, request.params.id);
      return sendCaseDocument(app, reply, row.id, request.params.kind);
    },
  );
}
