import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, MeSchema, PropertySummarySchema, type Property } from '@lovisa/domain';
import { currentUser, privateTo } from '../plugins/session';
import { agentProperties } from '../services/powers';

/** The signed-in applicant: what the registers already know, so the applicant never types it. */
export default async function meRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'applicant');

  r.get(
    '/me',
    {
      schema: {
        tags: ['applicant'],
        summary: 'The signed-in person, from the population register',
        response: { 200: MeSchema, 401: ApiErrorSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
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
    },
  );

  r.get(
    '/me/properties',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Properties the signed-in person owns, and those an owner gave them a power of attorney for',
        response: { 200: z.array(PropertySummarySchema), 401: ApiErrorSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const [owned, person, asAgent] = await Promise.all([
        app.registers.ownership.propertyIdsOwnedBy(user.personnummer),
        app.registers.population.personByPersonnummer(user.personnummer),
        agentProperties(app, user.personnummer),
      ]);
      // An agent may apply for the properties an owner gave them a power of attorney for (ADR 0023).
      const ids = [...owned, ...asAgent.map((a) => a.propertyId).filter((id) => !owned.includes(id))];
      const properties = await Promise.all(ids.map((id) => app.registers.land.propertyById(id)));
      // A protected person may live on their plot: its street address would be theirs, so it is not shown.
      const hideAddress = person?.protectedIdentity ?? false;
      return properties
        .filter((p): p is Property => p !== null)
        .map(({ id, designation, municipality, registeredAreaM2, address, boundary }) => {
          const agent = owned.includes(id) ? undefined : asAgent.find((a) => a.propertyId === id);
          return {
            id,
            designation,
            municipality,
            registeredAreaM2,
            // Nor the address of a property the agent acts on: it may be a protected owner's home.
            address: hideAddress || agent ? null : (address ?? null),
            boundary,
            ...(agent ? { actingFor: { principalName: agent.principalName } } : {}),
          };
        })
        .sort((a, b) => a.designation.localeCompare(b.designation, 'sv'));
    },
  );
}
