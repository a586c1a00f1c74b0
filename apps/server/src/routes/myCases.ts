import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq, gte, isNull } from 'drizzle-orm';
import {
  ApiErrorSchema,
  AttachmentInfoSchema,
  AttachmentSlotSchema,
  CaseDetailSchema,
  CaseDocumentKindSchema,
  CaseMessageSchema,
  CompletionAnswerInputSchema,
  MAX_OTHER_ATTACHMENTS,
  MyCaseSummarySchema,
  WithdrawInputSchema,
  type CaseActor,
} from '@lovisa/domain';
import { attachments } from '../db/schema';
import { AppError, notFound } from '../errors';
import { receiveUpload } from '../attachments/receive';
import { currentUser, noStore, requireRole } from '../plugins/session';
import { toAttachmentInfo } from '../repositories/attachments';
import { answerFilesOf, caseDetail, caseRow, casesOfApplicant, completionRequestOf, type CaseRow } from '../repositories/cases';
import { messagesOfApplicant } from '../repositories/messages';
import { sendCaseDocument } from '../services/caseDocuments';
import { runCaseCommand } from '../services/caseCommands';

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
      const { type, neighbourPropertyId } = request.query;
      // The one upload check (attachments/upload.ts), as for a draft.
      const { bytes, ...verdict } = await receiveUpload(request, request.query);
      const since = new Date(order.issuedAt);
      if (type === 'OVR') {
        const others = await app.db.select({ id: attachments.id }).from(attachments).where(and(eq(attachments.caseId, row.id), eq(attachments.type, 'OVR'), gte(attachments.createdAt, since)));
        if (others.length >= MAX_OTHER_ATTACHMENTS) throw new AppError('conflict', `Du kan bifoga högst ${MAX_OTHER_ATTACHMENTS} övriga handlingar.`);
      }
      const sha256 = await app.attachmentStore.put(bytes);
      const inserted = await app.db.transaction(async (tx) => {
        // Within one answer a drawing type has one file: a new upload replaces the one sent since the order.
        // What came with the application stays as it was.
        if (type !== 'OVR') {
          await tx
            .delete(attachments)
            .where(
              and(
                eq(attachments.caseId, row.id),
                eq(attachments.type, type),
                gte(attachments.createdAt, since),
                neighbourPropertyId ? eq(attachments.neighbourPropertyId, neighbourPropertyId) : isNull(attachments.neighbourPropertyId),
              ),
            );
        }
        const [added] = await tx
          .insert(attachments)
          .values({
            id: crypto.randomUUID(),
            ownerPersonnummer: user.personnummer,
            caseId: row.id,
            type,
            neighbourPropertyId: neighbourPropertyId ?? null,
            fileName: verdict.fileName,
            contentType: verdict.contentType,
            size: bytes.length,
            sha256,
            createdAt: app.clock(),
          })
          .returning();
        return added!;
      });
      return reply.status(201).send(toAttachmentInfo(inserted));
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
      const files = await answerFilesOf(app.db, row);
      const command = { type: 'answerCompletion' as const, version: request.body.version, note: request.body.note ?? null, ...files };
      const changed = await runCaseCommand(app, row, command, applicantActor(request));
      request.log.info({ caseId: row.id, files: files.answerFiles.length }, 'completion received');
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
