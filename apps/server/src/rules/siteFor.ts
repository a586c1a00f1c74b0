import type { FastifyInstance } from 'fastify';
import { siteFromRegisterData, siteWithLedger, type Property, type Site } from '@lovisa/domain';
import { bbox } from '@lovisa/geo';
import { surroundingFeatures } from '@lovisa/registry';
import type { Tx } from '../db/database';
import { ledgerEntriesOf } from '../repositories/permitFreeAnswers';

/** The neighbouring plots of a property, as the land register knows them (owners never included). */
export async function neighboursOf(app: FastifyInstance, property: Property) {
  const ids = await app.registers.land.neighbourIdsOf(property.id);
  const found = await Promise.all(ids.map((id) => app.registers.land.propertyById(id)));
  return found
    .filter((p): p is Property => p !== null)
    .map((p) => ({ id: p.id, designation: p.designation, address: p.address ?? null, boundary: p.boundary }));
}

/**
 * The rules' view of a property, from the same register answers the browser gets through the API, with the
 * allowance ledger's saved permit-free buildings standing on it (they count against the plot's allowance).
 * `withLedger: false` gives the registers alone, for the ledger's own balance (which adds its entries itself);
 * a transaction passed as `withLedger` reads the ledger inside it (saving an answer holds the property's lock).
 */
export async function siteFor(
  app: FastifyInstance,
  property: Property,
  withLedger: boolean | Tx = true,
): Promise<Site> {
  const [plans, neighbours, ledger] = await Promise.all([
    app.registers.land.plansForProperty(property.id),
    neighboursOf(app, property),
    withLedger === false ? [] : ledgerEntriesOf(withLedger === true ? app.db : withLedger, property.id),
  ]);
  const site = siteFromRegisterData({
    property,
    plans,
    neighbours: neighbours.map(({ id, designation, boundary }) => ({ id, designation, boundary })),
    features: surroundingFeatures(app.basemap, bbox(property.boundary)),
  });
  return siteWithLedger(site, ledger);
}
