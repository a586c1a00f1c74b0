import type { DetailedPlan, Officer, Organisation, Person, Property, Team } from '@lovisa/domain';

/** Population register (modelled on SPAR): person by personnummer. */
export interface PopulationRegister {
  /** null when no such person is registered. */
  personByPersonnummer(personnummer: string): Promise<Person | null>;
}

/** Land register (modelled on Lantmäteriet's property APIs). */
export interface LandRegister {
  propertyById(id: string): Promise<Property | null>;
  propertyByDesignation(designation: string): Promise<Property | null>;
  /** Detailed plans covering the property (may be none: outside a plan). */
  plansForProperty(propertyId: string): Promise<DetailedPlan[]>;
  /** Properties whose boundary touches this one's (within 1 m), designation order; [] for an unknown id. */
  neighbourIdsOf(propertyId: string): Promise<string[]>;
  /**
   * Properties whose boundary comes within `distanceM` of this one's (adjoining ones included, the property itself
   * not), designation order; [] for an unknown id. Who the sakägare are starts here.
   */
  propertyIdsNear(propertyId: string, distanceM: number): Promise<string[]>;
  /** The registered owners (lagfarna ägare) with their shares; [] for an unknown id. */
  ownersOf(propertyId: string): Promise<PropertyOwner[]>;
  /** The holders of a site leasehold (tomträttshavare) on the property, with their shares; [] for none. */
  siteLeaseholdersOf(propertyId: string): Promise<PropertyOwner[]>;
}

/**
 * One registered owner of a property (a title, lagfart) and their share, e.g. "1/2": a person, or an organisation
 * (a company, a bostadsrättsförening) known by its organisationsnummer.
 */
export type PropertyOwner = PersonOwner | OrganisationOwner;
export interface PersonOwner {
  personnummer: string;
  share: string;
  organisationsnummer?: never;
}
export interface OrganisationOwner {
  organisationsnummer: string;
  share: string;
  personnummer?: never;
}

/** The owners who are people (an organisation is heard, asked and told through its signatories, not here). */
export const personOwners = (owners: readonly PropertyOwner[]): PersonOwner[] =>
  owners.filter((o): o is PersonOwner => o.personnummer !== undefined);

/**
 * Properties owned by a person. In a real municipality this is its own property system, not Lantmäteriet:
 * no public register API lists properties by owner's personnummer.
 */
export interface OwnershipLookup {
  propertyIdsOwnedBy(personnummer: string): Promise<string[]>;
  /** Properties an organisation owns, by its organisationsnummer; [] for none. */
  propertyIdsOwnedByOrganisation(organisationsnummer: string): Promise<string[]>;
}

/**
 * Company register (modelled on Bolagsverket's företagsinformation): an organisation's name, legal form, postal
 * address, registered firmateckning text and functionaries. What the text means is the domain's `signingOf`.
 */
export interface CompanyRegister {
  /** null when no organisation has that number. */
  organisationByNumber(organisationsnummer: string): Promise<Organisation | null>;
  /**
   * Organisations where the person is a registered functionary (any role; whether they sign is `signingOf`'s to
   * say). Bolagsverket answers this as an engagement search by personnummer; [] for none.
   */
  organisationsOfPerson(personnummer: string): Promise<Organisation[]>;
}

/** The municipality's own staff directory: officers and teams. */
export interface StaffDirectory {
  officers(): Promise<Officer[]>;
  teams(): Promise<Team[]>;
  officerByPersonnummer(personnummer: string): Promise<Officer | null>;
}

export interface TestIdentity {
  personalNumber: string;
  givenName: string;
  surname: string;
}

export interface Registers {
  population: PopulationRegister;
  land: LandRegister;
  ownership: OwnershipLookup;
  companies: CompanyRegister;
  staff: StaffDirectory;
  /** Fixture data only: the people a simulated BankID can log in as. Real registers have none. */
  testIdentities?: () => Promise<TestIdentity[]>;
}

/**
 * The address the fixtures hold for the person with protected identity. It must never appear in any answer,
 * page or log line; tests search for it.
 */
export const PROTECTED_SENTINEL = 'Sekretessgatan 99';
