/**
 * The entries of Boverket's planbestämmelsekatalog that Lovisa's rules engine reads, each with the catalogue's own
 * key (bestämmelsekod), its UUID (the `planbestammelsekatalogreferens` a plan in Lantmäteriet's national format
 * carries), its wording (bestämmelseformulering, with the catalogue's [variable:type] slots) and what Lovisa reads it
 * as. This table is the contract; docs/your-town.md prints it. A code or UUID not in it is never guessed into a
 * limit: it is a warning and the provision is kept as text.
 *
 * Source of every row: Boverket, Planbestämmelsekatalogen, release 7 "20251201" (published 2025-12-01), as served by
 * `api.boverket.se/planbestammelsekatalogen/release/full/platt/aktuell`. Checked against two independent public
 * copies of that release (not against the live API: this machine has no network): the bundled catalogue and test
 * selection of the QGIS plugin rita-detaljplan (github.com/ericalnemar/rita-detaljplan,
 * `rita_detaljplan/data/planbestammelsekatalog.json`, `tests/data/katalog_urval.json`) and a verbatim import of the
 * 83 in-force numeric provisions of the same release in another open-source project. Code, UUID and wording agree
 * in both wherever both have the row.
 *
 * Deliberately absent: heights above a datum (…Nollplan), total heights, exact and lowest heights, gross floor
 * area (Brutto…) and area-per-building limits, storeys, roof pitch. The rules engine checks the ridge height above
 * ground, the building area (byggnadsarea) and the distance to the plot boundary; reading another measure as one of
 * those would judge applications wrongly.
 */
export type CatalogueKind =
  'maxBuildingAreaM2' | 'maxBuildingAreaPercent' | 'maxRidgeHeightM' | 'minDistanceToBoundaryM' | 'use:B';

/** The unit a numeric provision's value must carry in the national format (`bestammelsevarde[].enhet`). */
export const UNIT_OF: Record<Exclude<CatalogueKind, `use:${string}`>, string> = {
  maxBuildingAreaM2: 'kvadratmeter',
  maxBuildingAreaPercent: 'procent',
  maxRidgeHeightM: 'meter',
  minDistanceToBoundaryM: 'meter',
};

export interface CatalogueEntry {
  code: string;
  uuid: string;
  kind: CatalogueKind;
  /** The catalogue's bestämmelseformulering, verbatim. */
  wording: string;
}

export const PLAN_CATALOGUE: readonly CatalogueEntry[] = [
  {
    code: 'DP_KM_Eg_Utnytt_StorstaAreaKvm_Byggnadsarea',
    uuid: '2bd7f01b-ac79-45b4-a24d-093620e7e2f2',
    kind: 'maxBuildingAreaM2',
    wording: 'Största byggnadsarea är [exploatering:decimaltal] m².',
  },
  {
    code: 'DP_KM_Eg_Utnytt_StorstaAreaKvm_ByggnadsareaAnv',
    uuid: '27303a9a-6a4b-40e7-b284-8df8fa9e8d43',
    kind: 'maxBuildingAreaM2',
    wording: 'Största byggnadsarea är [exploatering:decimaltal] m² inom användningsområdet.',
  },
  {
    code: 'DP_KM_Eg_Utnytt_StorstaAreaKvm_ByggnadsareaFastigh',
    uuid: '4d971f5d-eb6f-4ca0-b20d-8d7005a9c617',
    kind: 'maxBuildingAreaM2',
    wording: 'Största byggnadsarea är [exploatering:decimaltal] m² per fastighet.',
  },
  {
    code: 'DP_KM_Eg_Utnytt_StorstaAreaProc_ByggnadsEgen',
    uuid: '1c38a293-b48c-4572-a4a7-5a5d27697ea1',
    kind: 'maxBuildingAreaPercent',
    wording: 'Största byggnadsarea är [utnyttjandegrad:decimaltal] % av fastighetsarean inom egenskapsområdet.',
  },
  {
    code: 'DP_KM_Eg_Utnytt_StorstaAreaProc_ByggnadsAnv',
    uuid: '37cfed89-1786-4c31-a3f1-6d9d1fa4cc20',
    kind: 'maxBuildingAreaPercent',
    wording: 'Största byggnadsarea är [utnyttjandegrad:decimaltal] % av fastighetsarean inom användningsområdet.',
  },
  {
    code: 'DP_KM_Eg_Hojd_HogstaHojd_Nockhojd',
    uuid: 'ee5f8de3-89b0-479a-a5cb-7439d40623e8',
    kind: 'maxRidgeHeightM',
    wording: 'Högsta nockhöjd är [höjd:decimaltal] meter.',
  },
  {
    code: 'DP_KM_Eg_Hojd_HogstaHojd_ByggnadsverkNockhojd',
    uuid: '2ecd7d4e-1c26-494b-9f4e-5f33c753a715',
    kind: 'maxRidgeHeightM',
    wording: 'Högsta nockhöjd på [byggnadsverk:text] är [höjd:decimaltal] meter[text:text]',
  },
  {
    code: 'DP_KM_Eg_Plac_Byggnadsverk_Fastgrans',
    uuid: 'c9a54186-c6df-430f-91a3-0cae757273ec',
    kind: 'minDistanceToBoundaryM',
    wording: 'Byggnad ska placeras minst [avstånd:decimaltal] meter från fastighetsgräns[text:text]',
  },
  {
    code: 'DP_KM_B2',
    uuid: 'f9e056a6-cda8-4b92-a15d-dc70d61dfa36',
    kind: 'use:B',
    wording: 'Bostäder',
  },
];

export const CATALOGUE_BY_CODE: ReadonlyMap<string, CatalogueEntry> = new Map(PLAN_CATALOGUE.map((e) => [e.code, e]));
export const CATALOGUE_BY_UUID: ReadonlyMap<string, CatalogueEntry> = new Map(PLAN_CATALOGUE.map((e) => [e.uuid, e]));
