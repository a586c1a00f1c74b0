import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  DetailedPlanSchema,
  NeighbourSchema,
  PropertySchema,
  SurroundingsSchema,
} from '@lovisa/domain';
import { bbox } from '@lovisa/geo';
import { surroundingFeatures } from '@lovisa/registry';
import { notFound, unauthenticated } from '../errors';
import { noStore } from '../plugins/session';
import { neighboursOf } from '../rules/siteFor';
import { assertMaySeeProperty } from '../services/propertyAccess';

export default async function propertyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onSend', noStore);

  r.get(
    '/properties/:id/surroundings',
    {
      schema: {
        tags: ['properties'],
        summary:
          'What the map and the rules read around a property: neighbouring plots, the offline basemap within 60 m, water within 300 m',
        params: z.object({ id: z.uuid() }),
        response: { 200: SurroundingsSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request) => {
      if (!request.user) throw unauthenticated();
      const property = await app.registers.land.propertyById(request.params.id);
      if (!property) throw notFound('property');
      await assertMaySeeProperty(app, request.user, property.id);
      const neighbours = await neighboursOf(app, property);
      return {
        neighbours: neighbours.map(({ id, designation, boundary }) => ({ id, designation, boundary })),
        features: surroundingFeatures(app.basemap, bbox(property.boundary)),
      };
    },
  );

  r.get(
    '/properties/:id/neighbours',
    {
      schema: {
        tags: ['properties'],
        summary: 'Properties whose boundary touches this one (designation and address; never owners)',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.array(NeighbourSchema), 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request) => {
      if (!request.user) throw unauthenticated();
      const property = await app.registers.land.propertyById(request.params.id);
      if (!property) throw notFound('property');
      await assertMaySeeProperty(app, request.user, property.id);
      return (await neighboursOf(app, property)).map(({ id, designation, address }) => ({ id, designation, address }));
    },
  );

  r.get(
    '/properties/:id',
    {
      schema: {
        tags: ['properties'],
        summary: 'A property with its boundary (EPSG:3006) and the detailed plans covering it',
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({ property: PropertySchema, plans: z.array(DetailedPlanSchema) }),
          401: ApiErrorSchema,
          403: ApiErrorSchema,
          404: ApiErrorSchema,
        },
      },
    },
    async (request) => {
      if (!request.user) throw unauthenticated();
      const property = await app.registers.land.propertyById(request.params.id);
      if (!property) throw notFound('property');
      await assertMaySeeProperty(app, request.user, property.id);
      const plans = await app.registers.land.plansForProperty(property.id);
      return { property, plans };
    },
  );
}
