import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, SavedQueueViewInputSchema, SavedQueueViewSchema } from '@lovisa/domain';
import { idParams } from '../http/routeSchemas';
import { currentUser, privateTo } from '../plugins/session';
import { deleteView, saveView, viewsOf } from '../repositories/queueViews';

const refusals = { 401: ApiErrorSchema, 403: ApiErrorSchema };

/** An officer's saved queue views: each officer sees, saves and deletes only their own. */
export default async function queueViewRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'officer');

  r.get(
    '/officer/queue/views',
    {
      schema: {
        tags: ['officer'],
        summary: 'My saved queue views, by name',
        response: { 200: z.object({ views: z.array(SavedQueueViewSchema) }), ...refusals },
      },
    },
    async (request) => ({ views: await viewsOf(app.db, currentUser(request).personnummer) }),
  );

  r.post(
    '/officer/queue/views',
    {
      schema: {
        tags: ['officer'],
        summary: 'Save the queue view (filters and order) under a name; my view of that name is replaced',
        body: SavedQueueViewInputSchema,
        response: { 201: SavedQueueViewSchema, 400: ApiErrorSchema, 409: ApiErrorSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const view = await saveView(app.db, currentUser(request).personnummer, request.body, app.clock());
      return reply.code(201).send(view);
    },
  );

  r.delete(
    '/officer/queue/views/:id',
    {
      schema: {
        tags: ['officer'],
        summary: 'Delete one of my saved queue views',
        params: idParams,
        response: { 204: z.null(), 404: ApiErrorSchema, 400: ApiErrorSchema, ...refusals },
      },
    },
    async (request, reply) => {
      await deleteView(app.db, currentUser(request).personnummer, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
