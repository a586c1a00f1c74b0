import type { FastifyInstance } from 'fastify';
import { siteFromRegisterData, type Property, type Site } from '@lovisa/domain';
import { bbox } from '@lovisa/geo';
import { surroundingFeatures } from '@lovisa/registry';

/** The neighbouring plots of a property, as the land register knows them (owners never included). */
export async function neighboursOf(app: FastifyInstance, property: Property) {
  const ids = await app.registers.land.neighbourIdsOf(property.id);
  const found = await Promise.all(ids.map((id) => app.registers.land.propertyById(id)));
  return found
    .filter((p): p is Property => p !== null)
    .map((p) => ({ id: p.id, designation: p.designation, address: p.address ?? null, boundary: p.boundary }));
}

/** The rules' view of a property, from the same register answers the browser gets through the API. */
export async function siteFor(app: FastifyInstance, property: Property): Promise<Site> {
  const [plans, neighbours] = await Promise.all([
    app.registers.land.plansForProperty(property.id),
    neighboursOf(app, property),
  ]);
  return siteFromRegisterData({
    property,
    plans,
    neighbours: neighbours.map(({ id, designation, boundary }) => ({ id, designation, boundary })),
    features: surroundingFeatures(app.basemap, bbox(property.boundary)),
  });
}
