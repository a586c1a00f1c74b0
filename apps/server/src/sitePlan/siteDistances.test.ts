import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { Property } from '@lovisa/domain';
import { rectangleFromDimensions, type MultiPolygon, type Polygon } from '@lovisa/geo';
import { defaultFixturesDir, loadBasemap, loadFixtureRegisters } from '@lovisa/registry';
import { renderSitePlan } from './renderSitePlan';
import { siteDistances } from './siteDistances';
import { sitePlanInputFrom } from './sitePlanInput';

const rect = (e0: number, n0: number, e1: number, n1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [e0, n0],
      [e1, n0],
      [e1, n1],
      [e0, n1],
      [e0, n0],
    ],
  ],
});
/** A 30 × 40 m plot; a street 5 m south of it. */
const plot: MultiPolygon = { type: 'MultiPolygon', coordinates: [rect(0, 0, 30, 40).coordinates] };
const street = {
  name: 'Ekvägen',
  line: [
    [-50, -5],
    [80, -5],
  ] as [number, number][],
};

describe('the distances a situationsplan shows', () => {
  it('measures a building to every side it faces, the street by name and the main house', () => {
    const garage = rect(20, 10, 26, 16); // 4 m from the east side, 10 m from the south, 24 from the north, 20 from the west
    const house = rect(2, 10, 12, 20);
    const all = siteDistances(garage, plot, [street], house);
    const boundary = all.filter((d) => d.kind === 'boundary').map((d) => d.label);
    expect(boundary.sort()).toEqual(['10,0 m', '20,0 m', '24,0 m', '4,0 m']);
    expect(all.find((d) => d.kind === 'street')?.label).toBe('15,0 m till Ekvägen (mitt)');
    expect(all.find((d) => d.kind === 'house')?.label).toBe('8,0 m till bostadshuset');
  });

  it('leaves out a street or a house too far away to matter, and a house the building touches', () => {
    const shed = rect(10, 30, 14, 34);
    const far = { name: 'Långtbortvägen', line: street.line.map(([e]) => [e, -200] as [number, number]) };
    const all = siteDistances(shed, plot, [far], rect(14, 30, 20, 36));
    expect(all.some((d) => d.kind === 'street')).toBe(false);
    expect(all.some((d) => d.kind === 'house')).toBe(false);
    expect(all.filter((d) => d.kind === 'boundary')).toHaveLength(4);
  });

  it('on Eken 1:23 from the fixtures: every side, the neighbours’ houses, Ekvägen by name and the main house, read back from the PDF', async () => {
    const registers = await loadFixtureRegisters(defaultFixturesDir());
    const basemap = await loadBasemap(defaultFixturesDir());
    const property = (await registers.land.propertyByDesignation('Kjellstavik Eken 1:23'))!;
    const neighbours = (
      await Promise.all((await registers.land.neighbourIdsOf(property.id)).map((id) => registers.land.propertyById(id)))
    ).filter((p): p is Property => p !== null);
    const input = sitePlanInputFrom({
      property,
      neighbours,
      plans: await registers.land.plansForProperty(property.id),
      features: basemap.features,
      planned: [{ label: 'Garage', geometry: rectangleFromDimensions([620_079, 6_650_022], 8, 7) }],
      date: '2026-11-23',
    });
    expect(input.mainHouse).not.toBeNull();
    expect(input.neighbourBuildings!.length).toBeGreaterThan(0);
    expect(input.streets!.map((s) => s.name)).toContain('Ekvägen');
    const doc = await getDocument({ data: await renderSitePlan(input), verbosity: 0 }).promise;
    const texts = (await (await doc.getPage(1)).getTextContent()).items
      .filter((i): i is TextItem => 'str' in i)
      .map((i) => i.str);
    const expected = siteDistances(input.planned[0]!.geometry, input.boundary, input.streets!, input.mainHouse!);
    expect(expected.filter((d) => d.kind === 'boundary').length).toBeGreaterThanOrEqual(4);
    for (const d of expected) expect(texts, d.label).toContain(d.label);
    expect(texts).toContain('Ekvägen');
    expect(texts.some((t) => /till bostadshuset$/.test(t))).toBe(true);
    expect(texts).toContain('Grannes byggnad');
  });
});
