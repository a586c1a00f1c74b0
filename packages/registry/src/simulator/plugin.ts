import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyServerOptions,
} from 'fastify';
import { z } from 'zod';
import { OrganisationsnummerSchema, PersonnummerSchema } from '@lovisa/domain';
import { personOwners, type Registers } from '../interfaces';
import {
  INCLUDE_DATA,
  OrganisationRequestSchema,
  SparRequestSchema,
  toDetaljplan,
  toEnhet,
  toFastighet,
  toHandlaggare,
  toOrganisationWire,
  toSparPerson,
  type Agande,
  type OrganisationAgande,
  type Organisationer,
  type Beteckning,
  type Grannar,
  type Lagfarter,
  type Tomratter,
  type IncludeData,
  type Planer,
  type WireErrorCode,
} from '../http/wire';

/** An answer in the registers' error shape `{ error: { code, message } }`. */
export class RegisterSimError extends Error {
  constructor(
    readonly statusCode: 400 | 404,
    readonly code: WireErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface RegisterSimulatorOptions {
  /** The data served; normally `loadFixtureRegisters(dir)`. */
  registers: Registers;
}

const badRequest = (message: string) => new RegisterSimError(400, 'badRequest', message);
const notFound = (message: string) => new RegisterSimError(404, 'notFound', message);

function parse<T extends z.ZodType>(schema: T, value: unknown, message: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badRequest(message);
  return parsed.data;
}

const pnr = (value: unknown) =>
  parse(PersonnummerSchema, value, 'personnummer must be 12 digits with a valid check digit');
const orgnr = (value: unknown) =>
  parse(OrganisationsnummerSchema, value, 'organisationsnummer must be 10 digits with a valid check digit');
const uuid = (value: unknown, what: string) => parse(z.uuid(), value, `${what} must be a UUID`);

const IncludeDataSchema = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? 'basinformation')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(INCLUDE_DATA)));

/**
 * The registers' HTTP API (docs/adr/0003-register-api-shapes.md) over any `Registers`: SPAR-like population,
 * Lantmäteriet-like designation ⇄ UUID and property answers, detailed plans, the municipality's ownership
 * lookup and staff directory. Not wrapped in fastify-plugin: its error shape stays inside its prefix.
 */
export const registerSimulator: FastifyPluginAsync<RegisterSimulatorOptions> = async (app, { registers }) => {
  app.setErrorHandler((error: FastifyError | RegisterSimError, request, reply) => {
    if (error instanceof RegisterSimError) {
      return reply.status(error.statusCode).send({ error: { code: error.code, message: error.message } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(400).send({ error: { code: 'badRequest', message: 'Malformed request' } });
    }
    request.log.error({ err: error }, 'register simulator failed');
    return reply.status(500).send({ error: { code: 'internalError', message: 'Internal error' } });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ error: { code: 'noSuchEndpoint', message: 'No such endpoint' } }),
  );

  app.get('/health', async () => ({ status: 'ok' }));

  // Population (SPAR-like). POST, so the personnummer stays out of URLs and access logs.
  app.post('/spar/v1/person', async (request) => {
    const body = parse(SparRequestSchema, request.body, 'the body must be {"personnummer": "…"}');
    const person = await registers.population.personByPersonnummer(pnr(body.personnummer));
    if (!person) throw notFound('No person with that personnummer');
    return toSparPerson(person);
  });

  // Land register: designation ⇄ UUID (Registerbeteckning-like).
  app.get('/registerbeteckning/v1/beteckning', async (request): Promise<Beteckning> => {
    const { beteckning } = parse(
      z.object({ beteckning: z.string().min(1).max(200) }),
      request.query,
      'beteckning is required',
    );
    const property = await registers.land.propertyByDesignation(beteckning);
    if (!property) throw notFound('No property with that designation');
    return { objektidentitet: property.id, beteckning: property.designation };
  });
  app.get('/registerbeteckning/v1/objektidentitet/:id', async (request): Promise<Beteckning> => {
    const id = uuid((request.params as { id: string }).id, 'objektidentitet');
    const property = await registers.land.propertyById(id);
    if (!property) throw notFound('No property with that objektidentitet');
    return { objektidentitet: property.id, beteckning: property.designation };
  });

  // Land register: property by UUID (Fastighet och samfällighet-like).
  app.get('/fastighet/v1/:id', async (request) => {
    const id = uuid((request.params as { id: string }).id, 'objektidentitet');
    const include = parse(
      IncludeDataSchema,
      (request.query as { includeData?: unknown }).includeData,
      `includeData is a comma-separated list of ${INCLUDE_DATA.join(', ')}`,
    );
    const property = await registers.land.propertyById(id);
    if (!property) throw notFound('No property with that objektidentitet');
    return toFastighet(property, new Set<IncludeData>(include));
  });

  // Neighbouring properties (Fastighetsindelning-like: plots whose boundaries touch).
  // `avstand` (metres, up to 500) widens it to plots within that distance, e.g. across a street.
  app.get('/fastighet/v1/:id/grannar', async (request): Promise<Grannar> => {
    const id = uuid((request.params as { id: string }).id, 'objektidentitet');
    const avstand = parse(
      z.coerce.number().min(0).max(500).optional(),
      (request.query as { avstand?: unknown }).avstand,
      'avstand is a distance in metres, 0–500',
    );
    if (!(await registers.land.propertyById(id))) throw notFound('No property with that objektidentitet');
    const ids =
      avstand === undefined
        ? await registers.land.neighbourIdsOf(id)
        : await registers.land.propertyIdsNear(id, avstand);
    return { fastighet: id, grannar: ids.map((objektidentitet) => ({ objektidentitet })) };
  });

  // Site leaseholds (tomträtter) with their holders' shares.
  app.get('/fastighet/v1/:id/tomratter', async (request): Promise<Tomratter> => {
    const id = uuid((request.params as { id: string }).id, 'objektidentitet');
    if (!(await registers.land.propertyById(id))) throw notFound('No property with that objektidentitet');
    return {
      fastighet: id,
      tomratter: personOwners(await registers.land.siteLeaseholdersOf(id)).map((o) => ({
        innehavare: { personnummer: o.personnummer },
        andel: fraction(o.share),
      })),
    };
  });

  // Registered owners (lagfarter) with their shares.
  app.get('/fastighet/v1/:id/lagfarter', async (request): Promise<Lagfarter> => {
    const id = uuid((request.params as { id: string }).id, 'objektidentitet');
    if (!(await registers.land.propertyById(id))) throw notFound('No property with that objektidentitet');
    const owners = await registers.land.ownersOf(id);
    return {
      fastighet: id,
      lagfarter: owners.map((o) => ({
        agare:
          o.personnummer !== undefined
            ? { personnummer: o.personnummer }
            : { organisationsnummer: o.organisationsnummer },
        andel: fraction(o.share),
      })),
    };
  });

  // Detailed plans covering a property.
  app.get('/detaljplan/v1/planer', async (request): Promise<Planer> => {
    const id = uuid((request.query as { fastighet?: unknown }).fastighet, 'fastighet');
    if (!(await registers.land.propertyById(id))) throw notFound('No property with that objektidentitet');
    const plans = await registers.land.plansForProperty(id);
    return { fastighet: id, planer: plans.map(toDetaljplan) };
  });

  // Ownership: the municipality's own property system. Owning nothing is an empty list, not a 404.
  app.get('/agande/v1/:personnummer/fastigheter', async (request): Promise<Agande> => {
    const personnummer = pnr((request.params as { personnummer: string }).personnummer);
    const ids = await registers.ownership.propertyIdsOwnedBy(personnummer);
    return { personnummer, fastigheter: ids.map((objektidentitet) => ({ objektidentitet })) };
  });

  app.get('/agande/v1/organisation/:organisationsnummer/fastigheter', async (request): Promise<OrganisationAgande> => {
    const organisationsnummer = orgnr((request.params as { organisationsnummer: string }).organisationsnummer);
    const ids = await registers.ownership.propertyIdsOwnedByOrganisation(organisationsnummer);
    return { organisationsnummer, fastigheter: ids.map((objektidentitet) => ({ objektidentitet })) };
  });

  // Company register (Bolagsverket's företagsinformation-like). POST, as there: numbers stay out of URLs.
  app.post('/foretagsinformation/v1/organisationer', async (request): Promise<Organisationer> => {
    const body = parse(OrganisationRequestSchema, request.body, 'the body must be {"identitetsbeteckning": "…"}');
    const organisation = await registers.companies.organisationByNumber(orgnr(body.identitetsbeteckning));
    if (!organisation) throw notFound('No organisation with that organisationsnummer');
    return { organisationer: [toOrganisationWire(organisation)] };
  });
  // A person's engagements: the organisations where they are a registered functionary. None is an empty list.
  app.post('/foretagsinformation/v1/engagemang', async (request): Promise<Organisationer> => {
    const body = parse(OrganisationRequestSchema, request.body, 'the body must be {"identitetsbeteckning": "…"}');
    const list = await registers.companies.organisationsOfPerson(pnr(body.identitetsbeteckning));
    return { organisationer: list.map(toOrganisationWire) };
  });

  // Staff directory.
  app.get('/personal/v1/handlaggare', async () => ({
    handlaggare: (await registers.staff.officers()).map(toHandlaggare),
  }));
  app.get('/personal/v1/handlaggare/:personnummer', async (request) => {
    const officer = await registers.staff.officerByPersonnummer(
      pnr((request.params as { personnummer: string }).personnummer),
    );
    if (!officer) throw notFound('No officer with that personnummer');
    return toHandlaggare(officer);
  });
  app.get('/personal/v1/enheter', async () => ({ enheter: (await registers.staff.teams()).map(toEnhet) }));
};

export interface CreateRegisterSimulatorOptions {
  /** Default false (tests); `main.ts` passes a pino config. */
  logger?: FastifyServerOptions['logger'];
}

/** A Fastify app serving the registers' API at its root; call `listen` (port 0 in tests) or `inject`. */
export function createRegisterSimulator(
  registers: Registers,
  options: CreateRegisterSimulatorOptions = {},
): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false });
  void app.register(registerSimulator, { registers });
  return app;
}

/** "1/2" as the title register writes a share. */
function fraction(share: string): { taljare: number; namnare: number } {
  const [taljare, namnare] = share.split('/').map(Number) as [number, number];
  return { taljare, namnare };
}
