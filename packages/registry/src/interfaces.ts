import type { DetailedPlan, Officer, Person, Property, Team } from '@lovisa/domain';

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

/** One registered owner of a property (a title, lagfart) and their share, e.g. "1/2". */
export interface PropertyOwner {
  personnummer: string;
  share: string;
}

/**
 * Properties owned by a person. In a real municipality this is its own property system, not Lantmäteriet:
 * no public register API lists properties by owner's personnummer.
 */
export interface OwnershipLookup {
  propertyIdsOwnedBy(personnummer: string): Promise<string[]>;
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
  staff: StaffDirectory;
  /** Fixture data only: the people a simulated BankID can log in as. Real registers have none. */
  testIdentities?: () => Promise<TestIdentity[]>;
}

/**
 * The address the fixtures hold for the person with protected identity. It must never appear in any answer,
 * page or log line; tests search for it.
 */
export const PROTECTED_SENTINEL = 'Sekretessgatan 99';
