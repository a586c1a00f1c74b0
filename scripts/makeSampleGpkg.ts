/**
 * `npm run sample:gpkg` — writes fixtures/import-samples/properties.gpkg from properties.geojson beside it: the same
 * five properties as a GeoPackage (one feature table, EPSG:3006, MultiPolygon, the first area as a Polygon), so that
 * `npm run import -- --properties …/properties.gpkg` can be tried and tested. Run again after editing the GeoJSON.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { samplePropertiesGpkg } from '../packages/registry/src/import/gpkgWrite';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/import-samples');
const bytes = await samplePropertiesGpkg(await readFile(path.join(dir, 'properties.geojson'), 'utf8'));
await writeFile(path.join(dir, 'properties.gpkg'), bytes);
process.stdout.write(`fixtures/import-samples/properties.gpkg: ${bytes.length} bytes\n`);
