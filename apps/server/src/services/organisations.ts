import type { FastifyInstance } from 'fastify';
import {
  applicantStanding,
  signingOf,
  stockholmDate,
  type ApplicantStanding,
  type Organisation,
  type PropertyOwner,
  type RepresentedOrganisation,
} from '@lovisa/domain';
import { powerOf, powersHeldBy } from '../repositories/powers';

/**
 * Organisations as owners and applicants (issue #20, ADR 0024): the land register's owners as the domain's
 * signing rules see them, with each owning organisation's signatories and firmateckning read from the company
 * register, and the organisations a person may sign for.
 */

/** An organisation whose firmateckning cannot be read has no signatory here: it applies on paper. */
const organisationOwner = (orgnr: string, organisation: Organisation | null): PropertyOwner => {
  const signing = organisation && signingOf(organisation);
  return signing
    ? { kind: 'organisation', orgnr, signatories: signing.signatories, rule: signing.rule }
    : { kind: 'organisation', orgnr, signatories: [], rule: { kind: 'alone' } };
};

/** The property's registered owners, people and organisations, with the organisations as the register has them. */
export async function ownersForSigning(
  app: FastifyInstance,
  propertyId: string,
): Promise<{ owners: PropertyOwner[]; organisations: Map<string, Organisation> }> {
  const registered = await app.registers.land.ownersOf(propertyId);
  const organisations = new Map<string, Organisation>();
  const owners = await Promise.all(
    registered.map(async (o): Promise<PropertyOwner> => {
      if (o.personnummer !== undefined) return { kind: 'person', personnummer: o.personnummer };
      const organisation = await app.registers.companies.organisationByNumber(o.organisationsnummer);
      if (organisation) organisations.set(organisation.orgnr, organisation);
      return organisationOwner(o.organisationsnummer, organisation);
    }),
  );
  return { owners, organisations };
}

/**
 * Whether the person may apply for the property (and act on the case) today, and as what: owner, signatory of an
 * owning organisation, or agent through a power of attorney that holds (the domain's `applicantStanding`).
 */
export async function standingOn(
  app: FastifyInstance,
  personnummer: string,
  propertyId: string,
  at: Date,
  caseId: string | null = null,
): Promise<{ standing: ApplicantStanding | null; owners: PropertyOwner[]; organisations: Map<string, Organisation> }> {
  const [{ owners, organisations }, held] = await Promise.all([
    ownersForSigning(app, propertyId),
    powersHeldBy(app.db, personnummer),
  ]);
  const standing = applicantStanding(personnummer, owners, {
    propertyId,
    caseId,
    today: stockholmDate(at),
    powers: held.map(powerOf),
  });
  return { standing, owners, organisations };
}

/** The organisations the person signs for (alone or jointly), with what each owns. A suppleant signs for none. */
export async function representedOrganisations(
  app: FastifyInstance,
  personnummer: string,
): Promise<{ organisation: RepresentedOrganisation; propertyIds: string[] }[]> {
  const engagements = await app.registers.companies.organisationsOfPerson(personnummer);
  const signing = engagements.flatMap((o) => {
    const s = signingOf(o);
    return s?.signatories.includes(personnummer)
      ? [{ organisation: { orgnr: o.orgnr, name: o.name, legalForm: o.legalForm, rule: s.rule } }]
      : [];
  });
  return Promise.all(
    signing.map(async (s) => ({
      ...s,
      propertyIds: await app.registers.ownership.propertyIdsOwnedByOrganisation(s.organisation.orgnr),
    })),
  );
}
