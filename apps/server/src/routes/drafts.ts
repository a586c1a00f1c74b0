import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { ApiErrorSchema, DraftDataSchema, DraftSchema, type DraftData } from '@lovisa/domain';
import { drafts } from '../db/schema';
import { notFound } from '../errors';
import { currentUser, privateTo } from '../plugins/session';
import { deleteOwnDraft } from '../repositories/drafts';

const toDraft = (row: typeof drafts.$inferSelect) => ({
  id: row.id,
  data: row.data as DraftData,
  updatedAt: row.updatedAt.toISOString(),
});

/** Autosaved, unfinished applications: never lost, never seen by anyone but their owner. */
export default async function draftRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'applicant');

  r.get(
    '/drafts',
    {
      schema: {
        tags: ['applicant'],
        summary: 'My drafts, newest first',
        response: { 200: z.array(DraftSchema), 401: ApiErrorSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const rows = await app.db
        .select()
        .from(drafts)
        .where(eq(drafts.ownerPersonnummer, user.personnummer))
        .orderBy(desc(drafts.updatedAt))
        .limit(20);
      return rows.map(toDraft);
    },
  );

  r.put(
    '/drafts/:id',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Create or replace one of my drafts (autosave)',
        params: z.object({ id: z.uuid() }),
        body: z.object({
          data: DraftDataSchema,
          /** Grows with every save from one browser (its clock in ms): the newest save wins, whatever order saves arrive in. */
          revision: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
        }),
        response: { 200: DraftSchema, 400: ApiErrorSchema, 401: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const now = app.clock();
      const { id } = request.params;
      const revision = request.body.revision ?? null;
      // An older save arriving late changes nothing: the condition is in the UPDATE itself.
      const newer = revision === null ? undefined : or(isNull(drafts.revision), lt(drafts.revision, revision));
      // The usual save, a later one of my own draft, is this one statement; only when it changes nothing
      // (a new draft, a stale save, or an id that is not mine) is the draft looked up.
      const [updated] = await app.db
        .update(drafts)
        .set({ data: request.body.data, updatedAt: now, revision })
        .where(and(eq(drafts.id, id), eq(drafts.ownerPersonnummer, user.personnummer), newer))
        .returning({ updatedAt: drafts.updatedAt });
      if (updated) return { id, data: request.body.data, updatedAt: updated.updatedAt.toISOString() };
      const [existing] = await app.db.select({ owner: drafts.ownerPersonnummer }).from(drafts).where(eq(drafts.id, id));
      // Someone else's draft id answers as if it did not exist: ids reveal nothing.
      if (existing && existing.owner !== user.personnummer) throw notFound('draft');
      const [row] = existing
        ? []
        : await app.db
            .insert(drafts)
            .values({
              id,
              ownerPersonnummer: user.personnummer,
              data: request.body.data,
              createdAt: now,
              updatedAt: now,
              revision,
            })
            .onConflictDoNothing()
            .returning();
      if (row) return toDraft(row);
      // Stale (a newer save got there first) or a race on the insert: answer with what is stored, if it is ours.
      const [stored] = await app.db
        .select()
        .from(drafts)
        .where(and(eq(drafts.id, id), eq(drafts.ownerPersonnummer, user.personnummer)));
      if (!stored) throw notFound('draft');
      return toDraft(stored);
    },
  );

  r.delete(
    '/drafts/:id',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Delete one of my drafts, with its files; a neighbour invited to consent to it finds it withdrawn',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), 400: ApiErrorSchema, 401: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      if (!(await deleteOwnDraft(app.db, request.params.id, user.personnummer, app.clock()))) throw notFound('draft');
      return reply.status(204).send(null);
    },
  );
}
