import proj4 from 'proj4';
import type { LonLat, Position } from './types';

/** SWEREF 99 TM: GRS80, central meridian 15° E, scale 0.9996, false easting 500 000. */
export const EPSG_3006 = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';

const converter = proj4('EPSG:4326', EPSG_3006);

export function toSweref(lonLat: LonLat): Position {
  const [e, n] = converter.forward([lonLat[0], lonLat[1]]);
  return [e as number, n as number];
}

export function toWgs84(position: Position): LonLat {
  const [lon, lat] = converter.inverse([position[0], position[1]]);
  return [lon as number, lat as number];
}
