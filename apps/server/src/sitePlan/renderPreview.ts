/**
 * Renders a sample situationsplan for people to look at: Anna Lindqvist's "Kjellstavik Eken 1:23" with a
 * planned garage and shed. Writes docs/screenshots/situationsplan.pdf and, where poppler's pdftoppm is
 * installed, a 150 dpi PNG of the page beside it.
 *
 *   node --import tsx apps/server/src/sitePlan/renderPreview.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Property } from '@lovisa/domain';
import { rectangleAtCorner, rectangleFromDimensions } from '@lovisa/geo';
import { defaultFixturesDir, loadBasemap, loadFixtureRegisters } from '@lovisa/registry';
import { renderSitePlan } from './renderSitePlan';
import { sitePlanInputFrom } from './sitePlanInput';

const PDFTOPPM = '/usr/bin/pdftoppm';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const outDir = path.join(root, 'docs/screenshots');

const registers = await loadFixtureRegisters(defaultFixturesDir());
const basemap = await loadBasemap(defaultFixturesDir());
const property = await registers.land.propertyByDesignation('Kjellstavik Eken 1:23');
if (!property) throw new Error('The fixtures have no Kjellstavik Eken 1:23.');
const neighbours = (
  await Promise.all((await registers.land.neighbourIdsOf(property.id)).map((id) => registers.land.propertyById(id)))
).filter((p): p is Property => p !== null);

// The plot runs E 620 060–620 090, N 6 650 005–6 650 040 with the house in its south-west: the garage stands
// just east of the middle, clear of the house; the shed in the north-west corner, 1,5 m from the boundary.
const planned = [
  { label: 'Garage', geometry: rectangleFromDimensions([620_079, 6_650_022], 8, 7) },
  { label: 'Förråd', geometry: rectangleAtCorner([620_061.5, 6_650_034.5], 4, 3) },
];
const input = sitePlanInputFrom({
  property,
  neighbours,
  plans: await registers.land.plansForProperty(property.id),
  features: basemap.features,
  planned,
  date: '2026-11-23',
});

await mkdir(outDir, { recursive: true });
const pdfPath = path.join(outDir, 'situationsplan.pdf');
await writeFile(pdfPath, await renderSitePlan(input));
process.stdout.write(`${path.relative(root, pdfPath)}\n`);
if (existsSync(PDFTOPPM)) {
  execFileSync(PDFTOPPM, ['-png', '-r', '150', '-singlefile', pdfPath, path.join(outDir, 'situationsplan')]);
  process.stdout.write(`${path.relative(root, path.join(outDir, 'situationsplan.png'))}\n`);
} else {
  process.stdout.write(`No ${PDFTOPPM}: install poppler-utils for the PNG.\n`);
}
