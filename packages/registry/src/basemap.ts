import { z } from 'zod';
import { BasemapFeatureSchema, type BasemapFeature } from '@lovisa/domain';
import { bbox, type BBox } from '@lovisa/geo';
import { readFixture } from './fixtureFiles';

const FileSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(BasemapFeatureSchema) });

export interface BasemapFeatureCollection {
  type: 'FeatureCollection';
  features: BasemapFeature[];
}

/** The offline basemap (streets, water, parks, existing buildings) in EPSG:3006. */
export async function loadBasemap(dir: string): Promise<BasemapFeatureCollection> {
  const data = await readFixture(dir, 'basemap.geojson', FileSchema);
  return { type: 'FeatureCollection', features: data.features };
}

/** Each feature's extent, computed once: every map and every rules verdict filters the whole basemap by it. */
const boxes = new WeakMap<BasemapFeature, BBox>();

function featureBox(f: BasemapFeature): BBox {
  let box = boxes.get(f);
  if (!box) boxes.set(f, (box = computeFeatureBox(f)));
  return box;
}

function computeFeatureBox(f: BasemapFeature): BBox {
  const g = f.geometry;
  if (g.type === 'LineString') {
    const es = g.coordinates.map((p) => p[0]);
    const ns = g.coordinates.map((p) => p[1]);
    return [Math.min(...es), Math.min(...ns), Math.max(...es), Math.max(...ns)];
  }
  return bbox(g);
}

/** The features whose extent meets `box` grown by `marginM` metres: what a map of that area needs. */
export function featuresNear(basemap: BasemapFeatureCollection, box: BBox, marginM: number): BasemapFeature[] {
  const [minE, minN, maxE, maxN] = [box[0] - marginM, box[1] - marginM, box[2] + marginM, box[3] + marginM];
  return basemap.features.filter((f) => {
    const [a, b, c, d] = featureBox(f);
    return a <= maxE && c >= minE && b <= maxN && d >= minN;
  });
}

/** How far around a property its map reaches. */
export const SURROUNDINGS_MARGIN_M = 60;
/** Water further out still matters: shoreline protection reaches 100 m, and up to 300 m where extended. */
export const WATER_MARGIN_M = 300;

/**
 * What the map and the rules engine both read around a property: the basemap near it, and water within
 * reach of shoreline protection. One function, so the browser's verdict and the server's see the same data.
 */
export function surroundingFeatures(basemap: BasemapFeatureCollection, box: BBox): BasemapFeature[] {
  const near = featuresNear(basemap, box, SURROUNDINGS_MARGIN_M).filter((f) => f.properties.kind !== 'water');
  return [...near, ...featuresNear(basemap, box, WATER_MARGIN_M).filter((f) => f.properties.kind === 'water')];
}
