import type { FastifyInstance } from 'fastify';
import type { Me, MyProperty, Property } from '@lovisa/domain';
import type { SessionUser } from '../plugins/session';
import { representedOrganisations } from './organisations';
import { agentProperties } from './powers';

/**
 * The signed-in applicant as the population register knows them, so the applicant never types it. Protected
 * identities never have an address shown, sent or logged.
 */
export async function applicantProfile(app: FastifyInstance, user: SessionUser): Promise<Me> {
  const person = await app.registers.population.personByPersonnummer(user.personnummer);
  if (!person) {
    const [givenName = user.name, ...rest] = user.name.split(' ');
    return {
      name: user.name,
      givenName,
      surname: rest.join(' '),
      personnummer: user.personnummer,
      address: null,
      protectedIdentity: false,
    };
  }
  return {
    name: `${person.givenName} ${person.surname}`,
    givenName: person.givenName,
    surname: person.surname,
    personnummer: person.personnummer,
    // Protected identities never have an address shown, sent or logged.
    address: person.protectedIdentity ? null : person.address,
    protectedIdentity: person.protectedIdentity,
  };
}

/**
 * The properties a person may apply for: their own, those of the organisations they sign for (ADR 0024) and those
 * an owner gave them a power of attorney for (ADR 0023). Where the address would give away where a protected person
 * lives, it is left out.
 */
export async function applicantProperties(app: FastifyInstance, user: SessionUser): Promise<MyProperty[]> {
  const [owned, person, asAgent, organisations] = await Promise.all([
    app.registers.ownership.propertyIdsOwnedBy(user.personnummer),
    app.registers.population.personByPersonnummer(user.personnummer),
    agentProperties(app, user.personnummer),
    representedOrganisations(app, user.personnummer),
  ]);
  // Their own first; a property of an organisation they sign for says whom they would apply for (ADR 0024), and
  // one an owner gave them a power of attorney for, whose owner they act for (ADR 0023).
  const representing = new Map(organisations.flatMap((o) => o.propertyIds.map((id) => [id, o.organisation])));
  for (const id of owned) representing.delete(id);
  const agentFor = new Map(
    asAgent
      .filter((a) => !owned.includes(a.propertyId) && !representing.has(a.propertyId))
      .map((a) => [a.propertyId, a]),
  );
  const all = [...new Set([...owned, ...representing.keys(), ...agentFor.keys()])];
  const properties = await Promise.all(all.map((id) => app.registers.land.propertyById(id)));
  // A protected person may live on their plot: its street address would be theirs, so it is not shown.
  const hideAddress = person?.protectedIdentity ?? false;
  return properties
    .filter((p): p is Property => p !== null)
    .map(({ id, designation, municipality, registeredAreaM2, address, boundary }) => {
      const agent = agentFor.get(id);
      return {
        id,
        designation,
        municipality,
        registeredAreaM2,
        // An organisation's property is not where the signatory lives: its address is the register's to show.
        // Not so a property an agent acts on: it may be a protected owner's home.
        address: (hideAddress && !representing.has(id)) || agent ? null : (address ?? null),
        boundary,
        representing: representing.get(id) ?? null,
        ...(agent ? { actingFor: { principalName: agent.principalName } } : {}),
      };
    })
    .sort((a, b) => a.designation.localeCompare(b.designation, 'sv'));
}
