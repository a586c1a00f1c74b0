import { z } from 'zod';
import { pathDistanceToArea, pathDistanceToLines, type Polygon, type Position } from '@lovisa/geo';
import { PolygonSchema } from '../geometry';
import { asMulti, isDwelling, type Site } from '../rules/site';
import {
  MinorMeasureFactsSchema,
  MinorMeasureTypeSchema,
  type MinorMeasureFacts,
  type MinorMeasureType,
} from './kinds';

/**
 * Where a measure beyond buildings is drawn on the map (issue #23): a plank or a mur as a line along where it will
 * stand, an altan or uteplats as an area. Measures whose position the rules do not read are not drawn.
 */
export const measureDrawingKind: Partial<Record<MinorMeasureType, 'line' | 'area'>> = {
  fence: 'line',
  wall: 'line',
  patio: 'area',
};

const PositionSchema = z.tuple([z.number().finite(), z.number().finite()]);

/** A drawn line in SWEREF 99 TM (EPSG:3006) metres: at least two points, each a real one. */
export const LineStringSchema = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(PositionSchema).min(2).max(200),
});
export type LineStringGeometry = z.infer<typeof LineStringSchema>;

/** What a measure's drawing may be: a line (plank, mur) or an area (altan). */
export const MeasureDrawingSchema = z.union([LineStringSchema, PolygonSchema]);
export type MeasureDrawing = z.infer<typeof MeasureDrawingSchema>;

const cm = (v: number) => Math.round(v * 100) / 100;

/** The drawing's points as one path (a polygon's outer ring), for the distance measures. */
const pathOf = (d: MeasureDrawing): Position[] =>
  d.type === 'LineString' ? (d.coordinates as Position[]) : ((d.coordinates[0] ?? []) as Position[]);

/**
 * The placement facts a drawing answers, measured in SWEREF 99 TM instead of typed: the distance to the plot's
 * boundary (the nearest point of the drawing), how far it reaches from the house (its farthest point from the
 * nearest dwelling), and the distance to public land where the plan marks some. A fact the site cannot answer
 * (no house on the plot, no public land in the plan) is left out, so the typed answer stands for it.
 */
export function drawingFacts(
  drawing: MeasureDrawing,
  site: Pick<Site, 'boundary' | 'buildings' | 'plan'>,
): Pick<MinorMeasureFacts, 'distanceToBoundaryM' | 'distanceFromHouseM' | 'distanceToPublicLandM'> {
  const path = pathOf(drawing);
  const facts: ReturnType<typeof drawingFacts> = {};
  const toBoundary = pathDistanceToLines(path, site.boundary.coordinates.flat(1));
  if (Number.isFinite(toBoundary)) facts.distanceToBoundaryM = cm(toBoundary);
  const houses = site.buildings.filter((b) => isDwelling(b.use, 'anyResidential')).map((b) => asMulti(b.footprint));
  if (houses.length > 0) {
    // The farthest point of the drawing from the house it stands by (the nearest house to that point).
    const reach = Math.max(...path.map((p) => Math.min(...houses.map((h) => pathDistanceToArea([p], h)))));
    facts.distanceFromHouseM = cm(reach);
  }
  const publicLand = site.plan?.publicLand ?? [];
  if (publicLand.length > 0)
    facts.distanceToPublicLandM = cm(Math.min(...publicLand.map((p) => pathDistanceToArea(path, p.area))));
  return facts;
}

/** The area drawn (an altan) as the place rules read it; a line is judged on the plot as a whole. */
export const drawnArea = (d: MeasureDrawing | null | undefined): Polygon | null =>
  d?.type === 'Polygon' ? (d as Polygon) : null;

/**
 * The facts a measure is judged on: the typed answers, with what the drawing measures in their place (the typed
 * distance is the fallback when nothing is drawn, or the site cannot answer from the drawing).
 */
export function factsWithDrawing(
  facts: MinorMeasureFacts,
  drawing: MeasureDrawing | null | undefined,
  site: Pick<Site, 'boundary' | 'buildings' | 'plan'> | null,
): MinorMeasureFacts {
  return drawing && site ? { ...facts, ...drawingFacts(drawing, site) } : facts;
}

/** "Save this answer" for a measure beyond buildings: the measure, the answers given and, where drawn, the drawing. */
export const MeasureAnswerInputSchema = z.object({
  measure: MinorMeasureTypeSchema,
  facts: MinorMeasureFactsSchema,
  drawing: MeasureDrawingSchema.nullable().default(null),
});
export type MeasureAnswerInput = z.infer<typeof MeasureAnswerInputSchema>;
