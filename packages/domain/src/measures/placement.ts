import type { MinorMeasureFact } from './kinds';

/** Facts about where a measure stands: asked on the placement step, which measures without a position skip. */
export const PLACEMENT_FACTS: readonly MinorMeasureFact[] = [
  'distanceFromHouseM',
  'distanceToBoundaryM',
  'distanceToPublicLandM',
  'neighbourConsent',
];

export const isPlacementFact = (f: string): boolean => (PLACEMENT_FACTS as readonly string[]).includes(f);
