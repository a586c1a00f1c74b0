import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  PublicBasemapSchema,
  PublicRegisterEntrySchema,
  publicBasemapFeatures,
  PublicRegisterFeatureCollectionSchema,
  PublicRegisterFeedQuerySchema,
  PublicRegisterPageSchema,
  PublicRegisterQuerySchema,
  registerFeature,
  stockholmDate,
} from '@lovisa/domain';
import { toWgs84 } from '@lovisa/geo/projection';
import { notFound } from '../errors';
import { sendCacheable } from '../http/cacheable';
import { registerEntry, registerPage } from '../services/publicRegister';

/** Five minutes: a new case or decision shows within that; the ETag makes a revalidation cheap. */
const MAX_AGE_S = 300;
const notModified = z.null().describe('Not modified (If-None-Match matched the ETag)');

/**
 * The public register (issue #25): the cases the announcement rule lets anyone see, as a list, one by one, and
 * as a GeoJSON feed. No login, cacheable by anyone, never a person (docs/security.md, "The public register").
 */
export default async function publicRegisterRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const policy = () => ({ publishDiary: app.config.publicRegisterDiary });
  const today = () => stockholmDate(app.clock());

  r.get(
    '/public/register',
    {
      schema: {
        tags: ['public'],
        summary:
          'The public register: announced decisions and (where the municipality publishes its diary) received applications — property, measure, procedure, status and dates. Newest received first; filter by status, measure, procedure and dates. No personal data.',
        querystring: PublicRegisterQuerySchema,
        response: { 200: PublicRegisterPageSchema, 304: notModified, 400: ApiErrorSchema },
      },
    },
    async (request, reply) =>
      sendCacheable(request, reply, await registerPage(app, request.query, policy(), today()), MAX_AGE_S),
  );

  r.get(
    '/public/register.geojson',
    {
      schema: {
        tags: ['public'],
        summary:
          'The public register as an RFC 7946 FeatureCollection in WGS84 (longitude, latitude): each entry the buildings drawn (MultiPolygon), or no geometry when none was drawn. Same filters as the list, pages of up to 1000.',
        querystring: PublicRegisterFeedQuerySchema,
        response: { 200: PublicRegisterFeatureCollectionSchema, 304: notModified, 400: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const page = await registerPage(app, request.query, policy(), today());
      reply.type('application/geo+json; charset=utf-8');
      return sendCacheable(
        request,
        reply,
        {
          type: 'FeatureCollection' as const,
          features: page.items.map((e) => registerFeature(e, toWgs84)),
          page: page.page,
          limit: page.limit,
          total: page.total,
        },
        MAX_AGE_S,
      );
    },
  );

  // The same for everyone and changed only with the fixtures or a deploy: made once.
  const basemap = { type: 'FeatureCollection' as const, features: publicBasemapFeatures(app.basemap.features) };
  r.get(
    '/public/basemap',
    {
      schema: {
        tags: ['public'],
        summary:
          'The offline basemap of the public register map (EPSG:3006): streets, water, parks and buildings as shapes, nothing tying a building to a plot.',
        response: { 200: PublicBasemapSchema, 304: notModified },
      },
    },
    async (request, reply) => sendCacheable(request, reply, basemap, 3600),
  );

  r.get(
    '/public/register/:id',
    {
      schema: {
        tags: ['public'],
        summary: 'One entry of the public register; 404 for an id it does not list.',
        params: z.object({ id: z.uuid() }),
        response: { 200: PublicRegisterEntrySchema, 304: notModified, 400: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const entry = await registerEntry(app, request.params.id, policy(), today());
      if (!entry) throw notFound('resource');
      return sendCacheable(request, reply, entry, MAX_AGE_S);
    },
  );
}
