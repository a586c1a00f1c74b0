// Projection (proj4, ~40 KB gzip) is a subpath, '@lovisa/geo/projection', so only the map chunk pays for it.
export * from './types';
export * from './area';
export * from './validity';
export * from './within';
export * from './bbox';
export * from './distance';
export * from './overlap';
export * from './rectangle';
export * from './tileMatrix';
// The one even–odd point-in-polygon and nearest point on a segment; the map and the site plan's page layout use them too.
export { nearestOnSegment, pointInRings } from './segment';
