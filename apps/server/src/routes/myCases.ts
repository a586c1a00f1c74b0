import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq, gte } from 'drizzle-orm';
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
  applicantMessages,
  attachmentLabels,
  caseClock,
  isOpen,
  neighbourConsentMissing,
  stockholmDate,
  withCompletion,
  CaseAssessmentSchema,
  type CaseStatus,
} from '@lovisa/domain';
import { attachments } from '../db/schema';
import { AppError, notFound } from '../errors';
import { receiveUpload } from '../attachments/receive';
import { currentUser, noStore, requireRole } from '../plugins/session';
import { uploadIntoSlot } from '../services/uploads';
import { caseDetail, caseEventsOf, caseRow, casesOfApplicant, changeCase, clockFactsOf, completionRequestOf, type CaseRow } from '../repositories/cases';
import { messagesOfApplicant } from '../repositories/messages';
import { sendDocument } from './officer';

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
    if (!row || row.applicantPersonnummer !== currentUser(request).personnummer) throw notFound('Ärendet');
    return row;
  }

  const detail = (row: CaseRow) => caseDetail(app.db, row, { today: app.clock(), face: 'applicant' });

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
      const order = completionRequestOf(row);
      if (row.status !== 'awaitingCompletion' || !order) throw notAwaiting(row.status);
      const since = new Date(order.issuedAt);
      const files = await app.db.select().from(attachments).where(and(eq(attachments.caseId, row.id), gte(attachments.createdAt, since)));
      const missing = order.items.filter((item) => !files.some((f) => f.type === item));
      if (missing.length > 0) {
        throw new AppError(
          'invalidInput',
          missing.length === 1 ? `Bifoga ${attachmentLabels[missing[0]!].sv.toLowerCase()} innan du skickar.` : 'Bifoga de handlingar som kommunen bad om innan du skickar.',
          missing.map((m) => ({ path: `items.${m}`, message: `Bifoga ${attachmentLabels[m].sv.toLowerCase()}.` })),
        );
      }
      const note = request.body.note?.trim() || null;
      if (files.length === 0 && !note) throw new AppError('invalidInput', 'Bifoga en fil eller skriv ett svar.', [{ path: 'note', message: 'Skriv ett svar.' }]);
      const at = app.clock();
      const facts = withCompletion(clockFactsOf(row), stockholmDate(at));
      const clock = caseClock(facts, at);
      const events = await caseEventsOf(app.db, row.id);
      const assessed = CaseAssessmentSchema.safeParse(events.find((e) => e.type === 'assessed')?.data);
      const allTypes = (await app.db.select({ type: attachments.type }).from(attachments).where(eq(attachments.caseId, row.id))).map((f) => f.type);
      const changed = await changeCase(app.db, {
        id: row.id,
        version: request.body.version,
        actor: { name: row.applicantName, event: 'applicant' },
        at,
        set: {
          status: 'received',
          completionRequest: null,
          clock: facts,
          decisionDeadline: clock.deadline ?? row.decisionDeadline,
          neighbourConsentMissing: assessed.success ? neighbourConsentMissing(assessed.data, allTypes) : row.neighbourConsentMissing,
        },
        events: [{ type: 'completed', data: { attachments: files.map((f) => ({ id: f.id, type: f.type, fileName: f.fileName })), note, clockRestarted: clock.basis === 'completion', deadline: clock.deadline } }],
        messages: [applicantMessages.completionReceived({ diaryNumber: row.diaryNumber, deadline: clock.deadline })],
      });
      request.log.info({ caseId: row.id, files: files.length }, 'completion received');
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
      if (!isOpen(row.status as CaseStatus)) throw notAwaiting(row.status);
      const at = app.clock();
      const changed = await changeCase(app.db, {
        id: row.id,
        version: request.body.version,
        actor: { name: row.applicantName, event: 'applicant' },
        at,
        set: { status: 'withdrawn', withdrawnAt: at, completionRequest: null, proposal: null },
        events: [{ type: 'withdrawn', data: {} }],
        messages: [applicantMessages.withdrawn({ diaryNumber: row.diaryNumber })],
      });
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
      return sendDocument(app, reply, row.id, request.params.kind);
    },
  );
}
