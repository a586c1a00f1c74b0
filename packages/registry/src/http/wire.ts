/**
 * The registers' HTTP API as it travels over the wire (docs/adr/0003-register-api-shapes.md): one zod schema per
 * answer, plus the mapping to and from the domain types. The simulator builds its answers with `to*`, the HTTP
 * client reads them with the schemas and `from*`, so both sides share one contract.
 */
import { z } from 'zod';
import {
  MultiPolygonSchema,
  type DetailedPlan,
  type LegalForm,
  type Officer,
  type Organisation,
  type Person,
  type Property,
  type Team,
} from '@lovisa/domain';

// ---------------------------------------------------------------- errors

export const WireErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type WireErrorCode = 'badRequest' | 'notFound' | 'noSuchEndpoint' | 'internalError';

// ---------------------------------------------------------------- population (SPAR-like)

export const SparRequestSchema = z.object({ personnummer: z.string() });

export const SparPersonSchema = z.object({
  personId: z.object({ idNummer: z.string(), typ: z.enum(['PERSONNUMMER', 'SAMORDNINGSNUMMER']) }),
  /** "J": protected identity (sekretessmarkering); the answer then never carries an address. */
  sekretessmarkering: z.enum(['J', 'N']),
  namn: z.object({ fornamn: z.string(), efternamn: z.string() }),
  folkbokforingsadress: z
    .object({ utdelningsadress2: z.string(), postNr: z.string().regex(/^\d{5}$/), postort: z.string() })
    .optional(),
});
export type SparPerson = z.infer<typeof SparPersonSchema>;

export function toSparPerson(person: Person): SparPerson {
  const answer: SparPerson = {
    personId: {
      idNummer: person.personnummer,
      typ: Number(person.personnummer.slice(6, 8)) > 60 ? 'SAMORDNINGSNUMMER' : 'PERSONNUMMER',
    },
    sekretessmarkering: person.protectedIdentity ? 'J' : 'N',
    namn: { fornamn: person.givenName, efternamn: person.surname },
  };
  // Whatever the source holds, a protected person's address never leaves the register.
  if (!person.protectedIdentity && person.address) {
    answer.folkbokforingsadress = {
      utdelningsadress2: person.address.street,
      postNr: person.address.postalCode.replace(/\s/g, ''),
      postort: person.address.city,
    };
  }
  return answer;
}

/** Postal codes come back in the written form "742 31". */
export function fromSparPerson(answer: SparPerson): Person {
  const protectedIdentity = answer.sekretessmarkering === 'J';
  const a = answer.folkbokforingsadress;
  return {
    personnummer: answer.personId.idNummer,
    givenName: answer.namn.fornamn,
    surname: answer.namn.efternamn,
    address:
      !protectedIdentity && a
        ? { street: a.utdelningsadress2, postalCode: `${a.postNr.slice(0, 3)} ${a.postNr.slice(3)}`, city: a.postort }
        : null,
    protectedIdentity,
  };
}

// ---------------------------------------------------------------- land register: designation ⇄ UUID

export const BeteckningSchema = z.object({ objektidentitet: z.uuid(), beteckning: z.string() });
export type Beteckning = z.infer<typeof BeteckningSchema>;

// ---------------------------------------------------------------- land register: property by UUID

export const INCLUDE_DATA = ['basinformation', 'geometri', 'planer'] as const;
export type IncludeData = (typeof INCLUDE_DATA)[number];

export const EPSG_3006_URN = 'urn:ogc:def:crs:EPSG::3006';
const PositionSchema = z.tuple([z.number(), z.number()]);

/** One separate area of a property: a GeoJSON Polygon, positions [easting, northing] in SWEREF 99 TM. */
export const YtaSchema = z.object({
  type: z.literal('Polygon'),
  crs: z.object({ type: z.literal('name'), properties: z.object({ name: z.literal(EPSG_3006_URN) }) }),
  coordinates: z.array(z.array(PositionSchema)).min(1),
});

export const FastighetSchema = z.object({
  objektidentitet: z.uuid(),
  basinformation: z
    .object({
      beteckning: z.string(),
      kommun: z.string(),
      registreradLandarealM2: z.number(),
      belagenhetsadress: z.string().nullable().optional(),
    })
    .optional(),
  registerenhetsomrade: z.array(z.object({ omradesnummer: z.number().int().positive(), yta: YtaSchema })).optional(),
  planer: z.array(z.object({ planId: z.string() })).optional(),
});
export type Fastighet = z.infer<typeof FastighetSchema>;

export function toFastighet(property: Property, include: ReadonlySet<IncludeData>): Fastighet {
  const answer: Fastighet = { objektidentitet: property.id };
  if (include.has('basinformation')) {
    answer.basinformation = {
      beteckning: property.designation,
      kommun: property.municipality,
      registreradLandarealM2: property.registeredAreaM2,
      ...(property.address !== undefined ? { belagenhetsadress: property.address } : {}),
    };
  }
  if (include.has('geometri')) {
    answer.registerenhetsomrade = property.boundary.coordinates.map((rings, i) => ({
      omradesnummer: i + 1,
      yta: { type: 'Polygon', crs: { type: 'name', properties: { name: EPSG_3006_URN } }, coordinates: rings },
    }));
  }
  if (include.has('planer')) answer.planer = property.planIds.map((planId) => ({ planId }));
  return answer;
}

/** Needs an answer with basinformation, geometri and planer; null when a part is missing. */
export function fromFastighet(answer: Fastighet): Property | null {
  const { basinformation: b, registerenhetsomrade: areas, planer } = answer;
  if (!b || !areas || areas.length === 0 || !planer) return null;
  return {
    id: answer.objektidentitet,
    designation: b.beteckning,
    municipality: b.kommun,
    registeredAreaM2: b.registreradLandarealM2,
    ...(b.belagenhetsadress !== undefined ? { address: b.belagenhetsadress } : {}),
    boundary: {
      type: 'MultiPolygon',
      coordinates: [...areas].sort((x, y) => x.omradesnummer - y.omradesnummer).map((a) => a.yta.coordinates),
    },
    planIds: planer.map((p) => p.planId),
  };
}

export const GrannarSchema = z.object({
  fastighet: z.uuid(),
  grannar: z.array(z.object({ objektidentitet: z.uuid() })),
});
export type Grannar = z.infer<typeof GrannarSchema>;

/** A share as the title register writes it: a fraction. */
const AndelSchema = z.object({ taljare: z.number().int().positive(), namnare: z.number().int().positive() });
const PersonRefSchema = z.object({ personnummer: z.string() });
/** An owner is a person or an organisation (a company, a bostadsrättsförening). */
const OwnerRefSchema = z.union([PersonRefSchema, z.object({ organisationsnummer: z.string() })]);

/** Registered titles (lagfarter) of a property: owner and share as a fraction, as the title register gives it. */
export const LagfarterSchema = z.object({
  fastighet: z.uuid(),
  lagfarter: z.array(z.object({ agare: OwnerRefSchema, andel: AndelSchema })),
});
export type Lagfarter = z.infer<typeof LagfarterSchema>;

/** Site leaseholds (tomträtter) on a property: holder and share. */
export const TomratterSchema = z.object({
  fastighet: z.uuid(),
  tomratter: z.array(z.object({ innehavare: PersonRefSchema, andel: AndelSchema })),
});
export type Tomratter = z.infer<typeof TomratterSchema>;

// ---------------------------------------------------------------- detailed plans

const DetaljplanSchema = z.object({
  planId: z.string(),
  plannummer: z.string(),
  namn: z.string(),
  lagakraftdatum: z.string(),
  anvandning: z.array(z.string()),
  bestammelser: z.object({
    maxByggnadsareaM2: z.number().nullable(),
    maxByggnadsareaProcent: z.number().nullable(),
    maxNockhojdM: z.number().nullable(),
    minAvstandTillGransM: z.number().nullable(),
  }),
  /** MultiPolygons in SWEREF 99 TM, [easting, northing]. */
  omrade: MultiPolygonSchema,
  prickmark: MultiPolygonSchema.nullable(),
  korsmark: MultiPolygonSchema.nullable(),
  /** Allmän plats: GATA, PARK, TORG. */
  allmanPlats: z
    .array(z.object({ anvandning: z.enum(['GATA', 'PARK', 'TORG']), omrade: MultiPolygonSchema }))
    .optional(),
  /** q-bestämmelse: särskilt värdefull bebyggelse. */
  qOmrade: MultiPolygonSchema.nullable().optional(),
  /** Provisions the rules do not read, as text (bestämmelsekod, beteckning, bestämmelseformulering). */
  ovrigaBestammelser: z
    .array(
      z.object({
        bestammelsekod: z.string().nullable(),
        beteckning: z.string().nullable(),
        bestammelseformulering: z.string(),
      }),
    )
    .optional(),
});
export const PlanerSchema = z.object({ fastighet: z.uuid(), planer: z.array(DetaljplanSchema) });
export type Planer = z.infer<typeof PlanerSchema>;
type Detaljplan = z.infer<typeof DetaljplanSchema>;

export function toDetaljplan(plan: DetailedPlan): Detaljplan {
  return {
    planId: plan.id,
    plannummer: plan.planNumber,
    namn: plan.name,
    lagakraftdatum: plan.legalForceDate,
    anvandning: plan.use,
    bestammelser: {
      maxByggnadsareaM2: plan.maxBuildingAreaM2,
      maxByggnadsareaProcent: plan.maxBuildingAreaPercent,
      maxNockhojdM: plan.maxRidgeHeightM,
      minAvstandTillGransM: plan.minDistanceToBoundaryM,
    },
    omrade: plan.area,
    prickmark: plan.prickmark,
    korsmark: plan.korsmark,
    ...(plan.publicLand ? { allmanPlats: plan.publicLand.map((l) => ({ anvandning: l.use, omrade: l.area })) } : {}),
    ...(plan.culturalHeritage !== undefined ? { qOmrade: plan.culturalHeritage } : {}),
    ...(plan.otherProvisions
      ? {
          ovrigaBestammelser: plan.otherProvisions.map((o) => ({
            bestammelsekod: o.code,
            beteckning: o.symbol,
            bestammelseformulering: o.text,
          })),
        }
      : {}),
  };
}

export function fromDetaljplan(p: Detaljplan): DetailedPlan {
  return {
    id: p.planId,
    planNumber: p.plannummer,
    name: p.namn,
    legalForceDate: p.lagakraftdatum,
    use: p.anvandning,
    maxBuildingAreaM2: p.bestammelser.maxByggnadsareaM2,
    maxBuildingAreaPercent: p.bestammelser.maxByggnadsareaProcent,
    maxRidgeHeightM: p.bestammelser.maxNockhojdM,
    minDistanceToBoundaryM: p.bestammelser.minAvstandTillGransM,
    area: p.omrade,
    prickmark: p.prickmark,
    korsmark: p.korsmark,
    ...(p.allmanPlats ? { publicLand: p.allmanPlats.map((l) => ({ use: l.anvandning, area: l.omrade })) } : {}),
    ...(p.qOmrade !== undefined ? { culturalHeritage: p.qOmrade } : {}),
    ...(p.ovrigaBestammelser
      ? {
          otherProvisions: p.ovrigaBestammelser.map((o) => ({
            code: o.bestammelsekod,
            symbol: o.beteckning,
            text: o.bestammelseformulering,
          })),
        }
      : {}),
  };
}

// ---------------------------------------------------------------- ownership (the municipality's property system)

export const AgandeSchema = z.object({
  personnummer: z.string(),
  fastigheter: z.array(z.object({ objektidentitet: z.uuid() })),
});
export type Agande = z.infer<typeof AgandeSchema>;
export const OrganisationAgandeSchema = z.object({
  organisationsnummer: z.string(),
  fastigheter: z.array(z.object({ objektidentitet: z.uuid() })),
});
export type OrganisationAgande = z.infer<typeof OrganisationAgandeSchema>;

// ---------------------------------------------------------------- company register (Bolagsverket-like)

/** Asked by POST, as Bolagsverket's API is: the number stays out of URLs and access logs. */
export const OrganisationRequestSchema = z.object({ identitetsbeteckning: z.string() });

const Kod = z.object({ kod: z.string(), klartext: z.string() });
const LEGAL_FORM_TEXT: Record<LegalForm, string> = {
  AB: 'Aktiebolag',
  BRF: 'Bostadsrättsförening',
  EK: 'Ekonomisk förening',
  HB: 'Handelsbolag',
  KB: 'Kommanditbolag',
  I: 'Ideell förening',
  S: 'Stiftelse',
  E: 'Enskild näringsidkare',
};
const ROLE_TEXT: Record<string, string> = {
  LE: 'Ledamot',
  OF: 'Ordförande',
  SU: 'Suppleant',
  VD: 'Verkställande direktör',
  EVD: 'Extern verkställande direktör',
  REV: 'Revisor',
};

/**
 * One organisation as Bolagsverket's företagsinformation gives it: identity, name, organisationsform, postal
 * address, the registered firmateckning as text, and the functionaries with their roles.
 */
export const OrganisationWireSchema = z.object({
  organisationsidentitet: z.object({ identitetsbeteckning: z.string(), typ: Kod }),
  organisationsnamn: z.object({ namn: z.string() }),
  organisationsform: Kod,
  postadressOrganisation: z
    .object({ postadress: z.object({ utdelningsadress: z.string(), postnummer: z.string(), postort: z.string() }) })
    .nullable(),
  firmateckning: z.object({ klartext: z.string() }),
  funktionarer: z.array(
    z.object({
      identitet: z.object({ identitetsbeteckning: z.string(), typ: Kod }),
      personnamn: z.object({ fornamn: z.string(), efternamn: z.string() }),
      funktionarsroller: z.array(Kod),
    }),
  ),
});
export type OrganisationWire = z.infer<typeof OrganisationWireSchema>;
export const OrganisationerSchema = z.object({ organisationer: z.array(OrganisationWireSchema) });
export type Organisationer = z.infer<typeof OrganisationerSchema>;

export function toOrganisationWire(o: Organisation): OrganisationWire {
  return {
    organisationsidentitet: { identitetsbeteckning: o.orgnr, typ: { kod: 'ORGNR', klartext: 'Organisationsnummer' } },
    organisationsnamn: { namn: o.name },
    organisationsform: { kod: o.legalForm, klartext: LEGAL_FORM_TEXT[o.legalForm] },
    postadressOrganisation: o.address
      ? {
          postadress: {
            utdelningsadress: o.address.street,
            postnummer: o.address.postalCode.replace(/\s/g, ''),
            postort: o.address.city,
          },
        }
      : null,
    firmateckning: { klartext: o.signingText },
    funktionarer: o.functionaries.map((f) => ({
      identitet: { identitetsbeteckning: f.personnummer, typ: { kod: 'PERSONNUMMER', klartext: 'Personnummer' } },
      personnamn: { fornamn: f.givenName, efternamn: f.surname },
      funktionarsroller: f.roles.map((kod) => ({ kod, klartext: ROLE_TEXT[kod] ?? kod })),
    })),
  };
}

/** Not yet the domain type: the caller checks it against OrganisationSchema (legal form and role codes). */
export function fromOrganisationWire(w: OrganisationWire): unknown {
  const a = w.postadressOrganisation?.postadress;
  return {
    orgnr: w.organisationsidentitet.identitetsbeteckning,
    name: w.organisationsnamn.namn,
    legalForm: w.organisationsform.kod,
    address: a
      ? {
          street: a.utdelningsadress,
          postalCode: /^\d{5}$/.test(a.postnummer)
            ? `${a.postnummer.slice(0, 3)} ${a.postnummer.slice(3)}`
            : a.postnummer,
          city: a.postort,
        }
      : null,
    signingText: w.firmateckning.klartext,
    // Only people sign with BankID: a legal person among the functionaries (a revisionsbolag) is not one.
    functionaries: w.funktionarer
      .filter((f) => f.identitet.typ.kod === 'PERSONNUMMER')
      .map((f) => ({
        personnummer: f.identitet.identitetsbeteckning,
        givenName: f.personnamn.fornamn,
        surname: f.personnamn.efternamn,
        roles: f.funktionarsroller.map((r) => r.kod),
      })),
  };
}

// ---------------------------------------------------------------- staff directory

const HandlaggareSchema = z.object({
  personnummer: z.string(),
  fornamn: z.string(),
  efternamn: z.string(),
  enhetId: z.string(),
  roll: z.enum(['handlaggare', 'gruppchef']),
});
export const HandlaggareListSchema = z.object({ handlaggare: z.array(HandlaggareSchema) });
export const EnheterSchema = z.object({ enheter: z.array(z.object({ enhetId: z.string(), namn: z.string() })) });
export { HandlaggareSchema };
type Handlaggare = z.infer<typeof HandlaggareSchema>;

export function toHandlaggare(o: Officer): Handlaggare {
  return {
    personnummer: o.personnummer,
    fornamn: o.givenName,
    efternamn: o.surname,
    enhetId: o.teamId,
    roll: o.role === 'teamLead' ? 'gruppchef' : 'handlaggare',
  };
}

export function fromHandlaggare(h: Handlaggare): Officer {
  return {
    personnummer: h.personnummer,
    givenName: h.fornamn,
    surname: h.efternamn,
    teamId: h.enhetId,
    role: h.roll === 'gruppchef' ? 'teamLead' : 'officer',
  };
}

export const toEnhet = (t: Team) => ({ enhetId: t.id, namn: t.name });
export const fromEnhet = (e: { enhetId: string; namn: string }): Team => ({ id: e.enhetId, name: e.namn });
