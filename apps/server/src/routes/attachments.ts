import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq, isNull } from 'drizzle-orm';
import { ApiErrorSchema, AttachmentInfoSchema, AttachmentSlotSchema, DraftDataSchema, MAX_OTHER_ATTACHMENTS, stockholmDate } from '@lovisa/domain';
import { polygonProblems } from '@lovisa/geo';
import { attachments, cases, drafts } from '../db/schema';
import { AppError, forbidden, notFound, unauthenticated } from '../errors';
import { renderSitePlan } from '../sitePlan/renderSitePlan';
import { plannedBuildings, sitePlanInputFor } from '../sitePlan/sitePlanInput';
import { receiveUpload } from '../attachments/receive';
import { toAttachmentInfo } from '../repositories/attachments';
import { currentUser, noStore, requireRole } from '../plugins/session';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };

/** RFC 6266: an ASCII fallback and the real (Swedish) name, UTF-8 encoded. */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'bilaga';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Files for a draft: drawings, the site plan, neighbours' consents. Checked by one module (attachments/upload). */
export default async function attachmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onSend', noStore);
  const applicant = requireRole('applicant');

  async function ownDraft(request: FastifyRequest, id: string) {
    const user = currentUser(request);
    const [draft] = await app.db.select({ id: drafts.id }).from(drafts).where(and(eq(drafts.id, id), eq(drafts.ownerPersonnummer, user.personnummer)));
    if (!draft) throw notFound('draft');
    return user;
  }

  r.get(
    '/drafts/:id/attachments',
    { onRequest: applicant, schema: { tags: ['applicant'], summary: 'The files attached to one of my drafts', params: z.object({ id: z.uuid() }), response: { 200: z.array(AttachmentInfoSchema), ...errors } } },
    async (request) => {
      await ownDraft(request, request.params.id);
      const rows = await app.db.select().from(attachments).where(eq(attachments.draftId, request.params.id)).orderBy(attachments.createdAt);
      return rows.map(toAttachmentInfo);
    },
  );

  r.post(
    '/drafts/:id/attachments',
    {
      onRequest: applicant,
      config: { rateLimit: { max: app.config.uploadLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['applicant'],
        summary: 'Attach a file (multipart/form-data, one file, PDF/PNG/JPEG up to 25 MB, checked by content)',
        consumes: ['multipart/form-data'],
        params: z.object({ id: z.uuid() }),
        querystring: AttachmentSlotSchema,
        response: { 201: AttachmentInfoSchema, ...errors, 409: ApiErrorSchema, 413: ApiErrorSchema, 415: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const user = await ownDraft(request, request.params.id);
      const { type, neighbourPropertyId } = request.query;
      const { bytes, ...verdict } = await receiveUpload(request, request.query);
      const draftId = request.params.id;
      if (type === 'OVR') {
        const others = await app.db.select({ id: attachments.id }).from(attachments).where(and(eq(attachments.draftId, draftId), eq(attachments.type, 'OVR')));
        if (others.length >= MAX_OTHER_ATTACHMENTS) throw new AppError('conflict', `Du kan bifoga högst ${MAX_OTHER_ATTACHMENTS} övriga handlingar.`);
      }
      const sha256 = await app.attachmentStore.put(bytes);
      const row = await app.db.transaction(async (tx) => {
        // A drawing type, or one neighbour's consent, has one file: a new upload replaces the old.
        if (type !== 'OVR') {
          await tx
            .delete(attachments)
            .where(
              and(
                eq(attachments.draftId, draftId),
                eq(attachments.type, type),
                neighbourPropertyId ? eq(attachments.neighbourPropertyId, neighbourPropertyId) : isNull(attachments.neighbourPropertyId),
              ),
            );
        }
        const [inserted] = await tx
          .insert(attachments)
          .values({
            id: crypto.randomUUID(),
            ownerPersonnummer: user.personnummer,
            draftId,
            type,
            neighbourPropertyId: neighbourPropertyId ?? null,
            fileName: verdict.fileName,
            contentType: verdict.contentType,
            size: bytes.length,
            sha256,
            createdAt: app.clock(),
          })
          .returning();
        return inserted!;
      });
      return reply.status(201).send(toAttachmentInfo(row));
    },
  );

  r.post(
    '/drafts/:id/attachments/site-plan',
    {
      onRequest: applicant,
      config: { rateLimit: { max: app.config.uploadLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['applicant'],
        summary: 'Make the situationsplan from the draft’s drawing and attach it (replacing an earlier one)',
        params: z.object({ id: z.uuid() }),
        response: { 201: AttachmentInfoSchema, ...errors },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const [draft] = await app.db.select().from(drafts).where(and(eq(drafts.id, request.params.id), eq(drafts.ownerPersonnummer, user.personnummer)));
      if (!draft) throw notFound('draft');
      const data = DraftDataSchema.parse(draft.data);
      const footprints = (data.footprints ?? []).filter((f) => polygonProblems(f.geometry).length === 0);
      if (!data.propertyId || footprints.length === 0) throw new AppError('invalidInput', 'Rita byggnaden på kartan först, så kan situationsplanen göras.');
      const property = await app.registers.land.propertyById(data.propertyId);
      if (!property) throw notFound('property');
      const owned = await app.registers.ownership.propertyIdsOwnedBy(user.personnummer);
      if (!owned.includes(property.id)) throw forbidden();
      const pdf = await renderSitePlan(await sitePlanInputFor(app, property, plannedBuildings(footprints), stockholmDate(app.clock())));
      const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      const sha256 = await app.attachmentStore.put(bytes);
      const row = await app.db.transaction(async (tx) => {
        await tx.delete(attachments).where(and(eq(attachments.draftId, draft.id), eq(attachments.type, 'SITU')));
        const [inserted] = await tx
          .insert(attachments)
          .values({
            id: crypto.randomUUID(),
            ownerPersonnummer: user.personnummer,
            draftId: draft.id,
            type: 'SITU',
            fileName: `Situationsplan ${property.designation}.pdf`,
            contentType: 'application/pdf',
            size: bytes.length,
            sha256,
            generated: 'drawing',
            createdAt: app.clock(),
          })
          .returning();
        return inserted!;
      });
      return reply.status(201).send(toAttachmentInfo(row));
    },
  );

  r.delete(
    '/drafts/:id/attachments/:attachmentId',
    { onRequest: applicant, schema: { tags: ['applicant'], summary: 'Remove a file from one of my drafts', params: z.object({ id: z.uuid(), attachmentId: z.uuid() }), response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await ownDraft(request, request.params.id);
      const removed = await app.db
        .delete(attachments)
        .where(and(eq(attachments.id, request.params.attachmentId), eq(attachments.draftId, request.params.id)))
        .returning({ id: attachments.id });
      if (removed.length === 0) throw notFound('file');
      return reply.status(204).send(null);
    },
  );

  // Untyped replies: the answer is the file's bytes, not JSON (the params are still checked by zod).
  app.get<{ Params: { id: string } }>(
    '/attachments/:id',
    {
      schema: {
        tags: ['applicant', 'officer'],
        summary: 'Download a file: its owner, or an officer of the team holding its case. Always as a download, never run in the page.',
        params: z.object({ id: z.uuid() }),
        response: { 401: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const user = request.user;
      if (!user) throw unauthenticated();
      const [row] = await app.db
        .select({ a: attachments, teamId: cases.teamId })
        .from(attachments)
        .leftJoin(cases, eq(cases.id, attachments.caseId))
        .where(eq(attachments.id, request.params.id));
      const mayRead = row && (row.a.ownerPersonnummer === user.personnummer || (user.roles.includes('officer') && row.teamId !== null && row.teamId === user.teamId));
      // Someone else's file answers as if it did not exist.
      if (!row || !mayRead) throw notFound('file');
      const bytes = await app.attachmentStore.get(row.a.sha256);
      if (!bytes) throw notFound('file');
      return reply
        .header('content-type', row.a.contentType)
        .header('content-disposition', contentDisposition('attachment', row.a.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(bytes);
    },
  );
}
