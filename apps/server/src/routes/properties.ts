import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DetailedPlanSchema, NeighbourSchema, PropertySchema, SurroundingsSchema } from '@lovisa/domain';
import { bbox } from '@lovisa/geo';
import { surroundingFeatures } from '@lovisa/registry';
import { noStore } from '../plugins/session';
import { neighboursOf } from '../rules/siteFor';
import { propertyErrors, propertyParams, visibleProperty } from '../services/propertyAccess';

const params = propertyParams;
const errors = propertyErrors;

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
        params,
        response: { 200: SurroundingsSchema, ...errors },
      },
    },
    async (request) => {
      const property = await visibleProperty(app, request.user, request.params.id);
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
        params,
        response: { 200: z.array(NeighbourSchema), ...errors },
      },
    },
    async (request) => {
      const property = await visibleProperty(app, request.user, request.params.id);
      return (await neighboursOf(app, property)).map(({ id, designation, address }) => ({ id, designation, address }));
    },
  );

  r.get(
    '/properties/:id',
    {
      schema: {
        tags: ['properties'],
        summary: 'A property with its boundary (EPSG:3006) and the detailed plans covering it',
        params,
        response: {
          200: z.object({ property: PropertySchema, plans: z.array(DetailedPlanSchema) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const property = await visibleProperty(app, request.user, request.params.id);
      const plans = await app.registers.land.plansForProperty(property.id);
      return { property, plans };
    },
  );
}
