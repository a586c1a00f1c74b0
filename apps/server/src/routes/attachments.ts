import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  AttachmentInfoSchema,
  AttachmentSlotSchema,
  DraftDataSchema,
  stockholmDate,
} from '@lovisa/domain';
import { polygonProblems } from '@lovisa/geo';
import { appError, forbidden, notFound, unauthenticated } from '../errors';
import { renderSitePlan } from '../sitePlan/renderSitePlan';
import { plannedBuildings, sitePlanInputFor } from '../sitePlan/sitePlanInput';
import { receiveUpload } from '../attachments/receive';
import {
  attachmentWithTeam,
  attachmentsOfDraft,
  draftOfOwner,
  removeFromDraft,
  toAttachmentInfo,
} from '../repositories/attachments';
import { assertConsentFromNeighbour, uploadIntoSlot } from '../services/uploads';
import { currentUser, noStore, requireRole } from '../plugins/session';
import { contentDisposition } from '../http/contentDisposition';
import { propertyIdsActingFor } from '../services/organisations';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };

/** Files for a draft: drawings, the site plan, neighbours' consents. Checked by one module (attachments/upload). */
export default async function attachmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onSend', noStore);
  const applicant = requireRole('applicant');

  async function ownDraft(request: FastifyRequest, id: string) {
    const user = currentUser(request);
    const draft = await draftOfOwner(app.db, id, user.personnummer);
    if (!draft) throw notFound('draft');
    return { user, draft };
  }

  r.get(
    '/drafts/:id/attachments',
    {
      onRequest: applicant,
      schema: {
        tags: ['applicant'],
        summary: 'The files attached to one of my drafts',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.array(AttachmentInfoSchema), ...errors },
      },
    },
    async (request) => {
      await ownDraft(request, request.params.id);
      return (await attachmentsOfDraft(app.db, request.params.id)).map(toAttachmentInfo);
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
        response: {
          201: AttachmentInfoSchema,
          ...errors,
          409: ApiErrorSchema,
          413: ApiErrorSchema,
          415: ApiErrorSchema,
        },
      },
    },
    async (request, reply) => {
      // Refused before the body is read: no 25 MB for a draft that is not theirs.
      const { user, draft } = await ownDraft(request, request.params.id);
      const data = DraftDataSchema.safeParse(draft.data);
      await assertConsentFromNeighbour(app.registers.land, data.success ? data.data.propertyId : null, request.query);
      const info = await receiveUpload(request, request.query, (file) =>
        uploadIntoSlot(app, user.personnummer, { draftId: request.params.id }, request.query, file),
      );
      return reply.status(201).send(info);
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
        response: { 201: AttachmentInfoSchema, ...errors, 409: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const { user, draft } = await ownDraft(request, request.params.id);
      const data = DraftDataSchema.parse(draft.data);
      const footprints = (data.footprints ?? []).filter((f) => polygonProblems(f.geometry).length === 0);
      if (!data.propertyId || footprints.length === 0) throw appError('invalidInput', 'server.sitePlan.drawFirst');
      const property = await app.registers.land.propertyById(data.propertyId);
      if (!property) throw notFound('property');
      const owned = await propertyIdsActingFor(app, user.personnummer);
      if (!owned.includes(property.id)) throw forbidden();
      const pdf = await renderSitePlan(
        await sitePlanInputFor(app, property, plannedBuildings(footprints), stockholmDate(app.clock())),
      );
      const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      const file = {
        body: bytes,
        size: bytes.length,
        fileName: `Situationsplan ${property.designation}.pdf`,
        contentType: 'application/pdf',
        generated: 'drawing' as const,
      };
      const info = await uploadIntoSlot(app, user.personnummer, { draftId: draft.id }, { type: 'SITU' }, file);
      return reply.status(201).send(info);
    },
  );

  r.delete(
    '/drafts/:id/attachments/:attachmentId',
    {
      onRequest: applicant,
      schema: {
        tags: ['applicant'],
        summary: 'Remove a file from one of my drafts',
        params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await ownDraft(request, request.params.id);
      if (!(await removeFromDraft(app.db, request.params.id, request.params.attachmentId))) throw notFound('file');
      return reply.status(204).send(null);
    },
  );

  await downloadRoutes(app);
}

/** Downloads: the owner, or an officer of the team holding the case. */
async function downloadRoutes(app: FastifyInstance) {
  // Untyped replies: the answer is the file's bytes, not JSON (the params are still checked by zod).
  app.get<{ Params: { id: string }; Querystring: { view?: 'inline' } }>(
    '/attachments/:id',
    {
      schema: {
        tags: ['applicant', 'officer'],
        summary:
          "Download a file: its owner, or an officer of the team holding its case. A download unless `view=inline` asks to show it in the case view's document viewer (PDF and images only, framed by Lovisa's own pages only).",
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ view: z.enum(['inline']).optional() }),
        response: { 401: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const user = request.user;
      if (!user) throw unauthenticated();
      const row = await attachmentWithTeam(app.db, request.params.id);
      const mayRead =
        row &&
        (row.attachment.ownerPersonnummer === user.personnummer ||
          (user.roles.includes('officer') && row.teamId !== null && row.teamId === user.teamId));
      // Someone else's file answers as if it did not exist.
      if (!row || !mayRead) throw notFound('file');
      // Streamed from the store as it is read, never held whole (a drawing may be 25 MB).
      const body = await app.attachmentStore.getStream(row.attachment.sha256);
      if (!body) throw notFound('file');
      return (
        reply
          .header('content-type', row.attachment.contentType)
          .header('content-length', row.attachment.size)
          .header(
            'content-disposition',
            contentDisposition(request.query.view ? 'inline' : 'attachment', row.attachment.fileName),
          )
          .header('x-content-type-options', 'nosniff')
          // Shown inline, a PDF needs the browser's viewer, which a sandboxed document may not load; the types a
          // file may have (PDF, PNG, JPEG, checked at upload, never sniffed) hold no page to run, and only
          // Lovisa's own pages may frame it.
          .header(
            'content-security-policy',
            request.query.view ? "default-src 'none'; frame-ancestors 'self'" : "default-src 'none'; sandbox",
          )
          .send(body)
      );
    },
  );
}
