import { z } from 'zod';

/**
 * The measures beyond buildings (issue #23): what a resident asks about a plank, an altan, a stove or a sign.
 * Kept apart from MeasureTypeSchema (the buildings an application draws and the case flow carries) so the
 * building measures' after-permit, statistics and site-plan tables stay whole; the rules for these live in the
 * dated rule sets (rules/minorMeasureRules.ts).
 */
export const MinorMeasureTypeSchema = z.enum([
  'patio',
  'fence',
  'wall',
  'fireplace',
  'loadBearing',
  'ventilation',
  'facade',
  'solarPanels',
  'demolition',
  'groundLevelling',
  'outlineDecision',
  'sign',
]);
export type MinorMeasureType = z.infer<typeof MinorMeasureTypeSchema>;

/** The name of each measure in everyday words, and the one-line explanation the picker shows under it. */
export const minorMeasureLabels: Record<MinorMeasureType, { sv: string; en: string }> = {
  patio: { sv: 'Altan eller uteplats', en: 'Deck or patio' },
  fence: { sv: 'Plank', en: 'Solid fence (plank)' },
  wall: { sv: 'Mur eller stödmur', en: 'Wall or retaining wall' },
  fireplace: { sv: 'Eldstad, kamin eller skorsten', en: 'Fireplace, stove or chimney' },
  loadBearing: { sv: 'Ändra bärande väggar', en: 'Change load-bearing walls' },
  ventilation: { sv: 'Ny eller ändrad ventilation', en: 'New or changed ventilation' },
  facade: { sv: 'Ändra fasad, färg, fönster eller tak', en: 'Change facade, colour, windows or roof' },
  solarPanels: { sv: 'Solceller eller solfångare', en: 'Solar panels' },
  demolition: { sv: 'Riva en byggnad', en: 'Demolish a building' },
  groundLevelling: { sv: 'Schakta eller fylla ut marken', en: 'Dig out or fill the ground' },
  outlineDecision: {
    sv: 'Får jag bygga ett hus här? (förhandsbesked)',
    en: 'May I build a house here? (outline decision)',
  },
  sign: { sv: 'Skylt', en: 'Sign' },
};

export const minorMeasureHints: Record<MinorMeasureType, { sv: string; en: string }> = {
  patio: { sv: 'Trädäck eller uteplats vid huset.', en: 'A timber deck or patio by the house.' },
  fence: { sv: 'Tätt staket som skyddar mot insyn eller vind.', en: 'A solid fence against view or wind.' },
  wall: { sv: 'Murad eller gjuten vägg i trädgården.', en: 'A built wall in the garden.' },
  fireplace: { sv: 'Braskamin, kakelugn, vedspis eller ny skorsten.', en: 'Wood stove, tiled stove or new chimney.' },
  loadBearing: {
    sv: 'Ta bort eller flytta en vägg som bär huset.',
    en: 'Remove or move a wall that carries the house.',
  },
  ventilation: { sv: 'Installera eller bygga om ventilationen.', en: 'Install or rebuild the ventilation.' },
  facade: {
    sv: 'Ny kulör, ny panel, fler fönster eller nytt takmaterial.',
    en: 'New colour, cladding, windows or roofing.',
  },
  solarPanels: { sv: 'Paneler på tak eller fasad.', en: 'Panels on the roof or a wall.' },
  demolition: { sv: 'Riva hela eller delar av en byggnad.', en: 'Take down all or part of a building.' },
  groundLevelling: { sv: 'Höja eller sänka marken på tomten.', en: 'Raise or lower the ground on the plot.' },
  outlineDecision: {
    sv: 'Fråga kommunen om platsen innan du ritar huset.',
    en: 'Ask the municipality about the place before you design the house.',
  },
  sign: { sv: 'Skylt på byggnad eller i marken.', en: 'A sign on a building or in the ground.' },
};

/** Facts an applicant gives about one measure; each rule asks only for the ones its clauses read. */
export const MinorMeasureFactsSchema = z.object({
  /** Height above the ground: of the deck's floor, the fence or the wall. */
  heightM: z.number().nonnegative().max(30).optional(),
  /** How far the fence or wall reaches from the house. */
  distanceFromHouseM: z.number().nonnegative().max(1000).optional(),
  distanceToBoundaryM: z.number().nonnegative().max(10_000).optional(),
  /** Distance to a street, park or other public land; absent = none near. */
  distanceToPublicLandM: z.number().nonnegative().max(10_000).optional(),
  /** All owners of the neighbouring properties concerned have agreed in writing. */
  neighbourConsent: z.boolean().optional(),
  /** Sign face area. */
  areaM2: z.number().nonnegative().max(1000).optional(),
  /** How far the ground is raised or lowered at most. */
  groundChangeM: z.number().nonnegative().max(100).optional(),
  /** The change alters the character of the building or the area (colour, cladding, roofing). */
  changesCharacter: z.boolean().optional(),
  /** Solar panels follow the roof's or the facade's shape. */
  followsRoofShape: z.boolean().optional(),
  /** What is demolished: the house (main building) or an outbuilding. */
  demolishes: z.enum(['main', 'outbuilding']).optional(),
  /** The measure concerns a one- or two-dwelling house (or its plot). */
  oneOrTwoFamily: z.boolean().optional(),
});
export type MinorMeasureFacts = z.infer<typeof MinorMeasureFactsSchema>;
export type MinorMeasureFact = keyof MinorMeasureFacts;
export type NumericFact =
  'heightM' | 'distanceFromHouseM' | 'distanceToBoundaryM' | 'distanceToPublicLandM' | 'areaM2' | 'groundChangeM';
export type FlagFact = 'neighbourConsent' | 'changesCharacter' | 'followsRoofShape' | 'oneOrTwoFamily';
