import { describe, expect, it } from 'vitest';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { rectangleFromDimensions, type MultiPolygon, type Polygon } from '@lovisa/geo';
import { dimensionLineFor } from './dimensionLine';
import { distanceText, footprintMeasureText, rectangleSides } from './format';
import { renderSitePlan, type SitePlanInput } from './renderSitePlan';
import { chooseSheet, PT_PER_MM } from './sheet';

const A4 = [595.28, 841.89];
const A3 = [841.89, 1190.55];
/** 1:400 → 2.5 mm of paper per metre. */
const PT_PER_M_400 = ((72 / 25.4) * 1000) / 400;

type Box = [minE: number, minN: number, maxE: number, maxN: number];
const rect = ([a, b, c, d]: Box): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [a, b],
      [c, b],
      [c, d],
      [a, d],
      [a, b],
    ],
  ],
});
const multi = (...boxes: Box[]): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: boxes.map((b) => rect(b).coordinates),
});

// A 30 × 35 m plot at E 620 000, N 6 650 000 with neighbours west, east and north.
const PLOT: Box = [620_000, 6_650_000, 620_030, 6_650_035];
const GARAGE: Box = [620_004.5, 6_650_020, 620_012.5, 6_650_027];
const SHED: Box = [620_021, 6_650_003, 620_028, 6_650_008];

/** The shortest distance from an axis-parallel box inside an axis-parallel plot: the smallest of four gaps. */
const gapInside = (plot: Box, b: Box) => Math.min(b[0] - plot[0], b[1] - plot[1], plot[2] - b[2], plot[3] - b[3]);
const sv = (m: number) => `${m.toFixed(1).replace('.', ',')} m`;

function baseInput(overrides: Partial<SitePlanInput> = {}): SitePlanInput {
  return {
    designation: 'Kjellstavik Björken 2:6',
    municipality: 'Kjellstavik',
    boundary: multi(PLOT),
    neighbours: [
      { designation: 'Kjellstavik Åkern 1:1', boundary: multi([619_970, 6_650_000, 620_000, 6_650_035]) },
      { designation: 'Kjellstavik Ängen 1:2', boundary: multi([620_030, 6_650_000, 620_060, 6_650_035]) },
      { designation: 'Kjellstavik Önnestad 1:3', boundary: multi([620_000, 6_650_035, 620_030, 6_650_065]) },
    ],
    existingBuildings: [rect([620_016, 6_650_018, 620_026, 6_650_030])],
    planned: [
      { label: 'Garage', geometry: rect(GARAGE) },
      { label: 'Förråd', geometry: rect(SHED) },
    ],
    prickmark: multi([619_970, 6_650_000, 620_060, 6_650_002]),
    korsmark: null,
    date: '2026-11-23',
    title: 'Situationsplan',
    ...overrides,
  };
}

async function parse(bytes: Uint8Array) {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, useSystemFonts: false }).promise;
  const page = await doc.getPage(1);
  const [, , width, height] = page.view as [number, number, number, number];
  const items = (await page.getTextContent()).items.filter((i): i is TextItem => 'str' in i && i.str.trim() !== '');
  const ops = await page.getOperatorList();
  return { pages: doc.numPages, width, height, items, texts: items.map((i) => i.str), ops };
}

/** Bounding boxes [minX, minY, maxX, maxY] of every path the page constructs (pdfjs keeps them per path). */
function pathBoxes(ops: { fnArray: number[]; argsArray: unknown[] }): number[][] {
  const boxes: number[][] = [];
  ops.fnArray.forEach((fn, i) => {
    if (fn !== OPS.constructPath) return;
    const minMax = (ops.argsArray[i] as unknown[])[2];
    if (Array.isArray(minMax) && minMax.length === 4) boxes.push(minMax as number[]);
  });
  return boxes;
}

const centreX = (i: TextItem) => i.transform[4]! + i.width / 2;
const item = (items: TextItem[], s: string) => {
  const found = items.find((i) => i.str === s);
  if (!found) throw new Error(`no text "${s}" among ${items.map((i) => i.str).join(' | ')}`);
  return found;
};

describe('renderSitePlan', () => {
  it('draws a small plot on A4 portrait at 1:400 with every text a reader needs', async () => {
    const pdf = await parse(await renderSitePlan(baseInput()));
    expect(pdf.pages).toBe(1);
    expect(pdf.width).toBeCloseTo(A4[0]!, 0);
    expect(pdf.height).toBeCloseTo(A4[1]!, 0);
    expect(Math.abs(pdf.width - A4[0]!)).toBeLessThan(1);
    expect(Math.abs(pdf.height - A4[1]!)).toBeLessThan(1);
    for (const t of [
      'Situationsplan',
      'Kjellstavik Björken 2:6',
      'Kjellstavik kommun',
      'Datum 2026-11-23',
      'Skala 1:400 (A4)',
      'Koordinatsystem SWEREF 99 TM',
      'Upprättad i Lovisa från ritningen i ansökan',
      'Kjellstavik Åkern 1:1',
      'Kjellstavik Ängen 1:2',
      'Kjellstavik Önnestad 1:3',
      'Garage',
      'Förråd',
      'Prickmark, får inte bebyggas',
    ]) {
      expect(pdf.texts, t).toContain(t);
    }
    // No korsmark in this plan, so no legend row for it.
    expect(pdf.texts.join('\n')).not.toContain('Korsmark');
  });

  it('prints each planned building’s distance to the boundary, computed independently here', async () => {
    const pdf = await parse(await renderSitePlan(baseInput()));
    expect(gapInside(PLOT, GARAGE)).toBeCloseTo(4.5, 9);
    expect(gapInside(PLOT, SHED)).toBeCloseTo(2, 9);
    expect(pdf.texts).toContain(sv(gapInside(PLOT, GARAGE)));
    expect(pdf.texts).toContain('4,5 m');
    expect(pdf.texts).toContain(sv(gapInside(PLOT, SHED)));
  });

  it('prints a rectangle’s two sides and another shape’s area', async () => {
    const lShape: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [620_005, 6_650_005],
          [620_012, 6_650_005],
          [620_012, 6_650_009],
          [620_009, 6_650_009],
          [620_009, 6_650_013],
          [620_005, 6_650_013],
          [620_005, 6_650_005],
        ],
      ],
    };
    const pdf = await parse(
      await renderSitePlan(baseInput({ planned: [...baseInput().planned, { label: 'Uthus', geometry: lShape }] })),
    );
    expect(pdf.texts).toContain('8,0 × 7,0 m');
    expect(pdf.texts).toContain('7,0 × 5,0 m');
    // 7 × 4 + 4 × 4 = 44 m².
    expect(pdf.texts).toContain('44,0 m²');
  });

  it('draws at the stated scale: the plot outline and two label centres are 7.087 pt per metre apart', async () => {
    const pdf = await parse(await renderSitePlan(baseInput()));
    const k = PT_PER_M_400;
    expect(k).toBeCloseTo(7.0866, 4);
    // The plot's outline is a path exactly 30 × 35 m at 1:400, centred in the drawing area above the band
    // (frame 20/10/10/10 mm, band 50 mm).
    const [w, h] = [30 * k, 35 * k];
    const outline = pathBoxes(pdf.ops).find(
      (b) => Math.abs(b[2]! - b[0]! - w) < 0.01 && Math.abs(b[3]! - b[1]! - h) < 0.01,
    );
    expect(outline, `a ${w} × ${h} pt path`).toBeDefined();
    const mm = PT_PER_MM;
    const areaCentre = [(20 * mm + pdf.width - 10 * mm) / 2, (60 * mm + pdf.height - 10 * mm) / 2];
    expect((outline![0]! + outline![2]!) / 2).toBeCloseTo(areaCentre[0]!, 2);
    expect((outline![1]! + outline![3]!) / 2).toBeCloseTo(areaCentre[1]!, 2);
    // The building labels sit centred on their footprints: their centres lie as far apart as the buildings'.
    const garage = item(pdf.items, 'Garage');
    const shed = item(pdf.items, 'Förråd');
    const dE = (SHED[0] + SHED[2]) / 2 - (GARAGE[0] + GARAGE[2]) / 2;
    const dN = (SHED[1] + SHED[3]) / 2 - (GARAGE[1] + GARAGE[3]) / 2;
    expect(centreX(shed) - centreX(garage)).toBeCloseTo(dE * k, 2);
    expect(shed.transform[5]! - garage.transform[5]!).toBeCloseTo(dN * k, 2);
  });

  it('keeps every text on the sheet and no two texts on top of each other', async () => {
    const pdf = await parse(await renderSitePlan(baseInput()));
    const boxes = pdf.items.map((i) => {
      const size = Math.hypot(i.transform[0]!, i.transform[1]!);
      const upright = i.transform[1] === 0;
      const [x, y] = [i.transform[4]!, i.transform[5]!];
      return {
        s: i.str,
        b: upright
          ? [x, y - 0.2 * size, x + i.width, y + 0.75 * size]
          : [x - 0.75 * size, y, x + 0.2 * size, y + i.width],
      };
    });
    for (const { s, b } of boxes) {
      expect(b[0], s).toBeGreaterThanOrEqual(0);
      expect(b[1], s).toBeGreaterThanOrEqual(0);
      expect(b[2], s).toBeLessThanOrEqual(pdf.width);
      expect(b[3], s).toBeLessThanOrEqual(pdf.height);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, c] = [boxes[i]!.b, boxes[j]!.b];
        const overlap = a[0]! < c[2]! && c[0]! < a[2]! && a[1]! < c[3]! && c[1]! < a[3]!;
        expect(overlap, `"${boxes[i]!.s}" over "${boxes[j]!.s}"`).toBe(false);
      }
    }
  });

  it('is a vector drawing: paths and text, no pictures', async () => {
    const pdf = await parse(await renderSitePlan(baseInput()));
    expect(pdf.ops.fnArray).toContain(OPS.constructPath);
    expect(pdf.ops.fnArray).not.toContain(OPS.paintImageXObject);
  });

  it('measures to a hole in the plot and labels every part of a plot in several parts', async () => {
    // A 5 × 5 m enclave 3 m east of the garage, and a second part of the plot 10 m south.
    const boundary: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          rect(PLOT).coordinates[0]!,
          rect([620_015.5, 6_650_021, 620_020.5, 6_650_026]).coordinates[0]!.slice().reverse(),
        ],
        rect([620_005, 6_649_980, 620_015, 6_649_990]).coordinates,
      ],
    };
    const pdf = await parse(
      await renderSitePlan(
        baseInput({ boundary, planned: [{ label: 'Garage', geometry: rect(GARAGE) }], existingBuildings: [] }),
      ),
    );
    expect(pdf.texts).toContain(sv(620_015.5 - GARAGE[2]));
    expect(pdf.texts).toContain('3,0 m');
    expect(pdf.texts.filter((t) => t === 'Kjellstavik Björken 2:6').length).toBe(3); // two parts and the title block
  });

  it('moves to 1:500 on A4, then to A3, when the plot does not fit', async () => {
    const mid = baseInput({ boundary: multi([620_000, 6_650_000, 620_070, 6_650_090]), neighbours: [] });
    const midPdf = await parse(await renderSitePlan(mid));
    expect(midPdf.texts).toContain('Skala 1:500 (A4)');
    expect(Math.abs(midPdf.width - A4[0]!)).toBeLessThan(1);

    const large = baseInput({ boundary: multi([620_000, 6_650_000, 620_120, 6_650_150]), neighbours: [] });
    const largePdf = await parse(await renderSitePlan(large));
    expect(largePdf.texts).toContain('Skala 1:500 (A3)');
    expect(Math.abs(largePdf.width - A3[0]!)).toBeLessThan(1);
    expect(Math.abs(largePdf.height - A3[1]!)).toBeLessThan(1);
    // At 1:500 the 120 m wide plot is 120 × 2 mm of paper.
    const k500 = ((72 / 25.4) * 1000) / 500;
    expect(
      pathBoxes(largePdf.ops).some(
        (b) => Math.abs(b[2]! - b[0]! - 120 * k500) < 0.01 && Math.abs(b[3]! - b[1]! - 150 * k500) < 0.01,
      ),
    ).toBe(true);

    const estate = baseInput({
      boundary: multi([620_000, 6_650_000, 620_600, 6_650_400]),
      neighbours: [],
      planned: [],
    });
    expect((await parse(await renderSitePlan(estate))).texts).toContain('Skala 1:2000 (A3)');
  });

  it('keeps buildings drawn outside the plot on the sheet', async () => {
    const far = rect([620_040, 6_650_010, 620_048, 6_650_017]);
    const pdf = await parse(await renderSitePlan(baseInput({ planned: [{ label: 'Garage', geometry: far }] })));
    expect(pdf.texts).toContain('Skala 1:500 (A4)');
  });
});

describe('sheet choice', () => {
  it('takes the first of A4 1:400, A4 1:500, A3 1:500, then coarser scales', () => {
    expect(chooseSheet(15, 17.5)).toMatchObject({ paper: 'A4', orientation: 'portrait', scale: 400 });
    expect(chooseSheet(35, 45)).toMatchObject({ paper: 'A4', scale: 500 });
    expect(chooseSheet(60, 75)).toMatchObject({ paper: 'A3', orientation: 'portrait', scale: 500 });
    expect(chooseSheet(90, 50)).toMatchObject({ paper: 'A3', orientation: 'landscape', scale: 500 });
    expect(chooseSheet(110, 150)).toMatchObject({ paper: 'A3', scale: 1000 });
    expect(chooseSheet(2000, 2000)).toMatchObject({ paper: 'A3', scale: 20_000 });
  });
});

describe('texts on the plan', () => {
  it('never rounds a distance up past a limit', () => {
    expect(distanceText(4.46)).toBe('4,4 m');
    expect(distanceText(4.5)).toBe('4,5 m');
    expect(distanceText(4.499999999)).toBe('4,5 m');
    expect(distanceText(0)).toBe('0,0 m');
  });

  it('recognises rectangles however they are turned', () => {
    const turned = rectangleFromDimensions([620_010, 6_650_010], 8, 7, 30);
    expect(rectangleSides(turned)?.map((v) => Math.round(v * 1000) / 1000)).toEqual([8, 7]);
    expect(footprintMeasureText(turned)).toBe('8,0 × 7,0 m');
    const kite: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 1],
          [5, 5],
          [1, 4],
          [0, 0],
        ],
      ],
    };
    expect(rectangleSides(kite)).toBeNull();
  });

  it('draws the dimension of a wall parallel to the boundary from the middle of their overlap', () => {
    const garage = rect(GARAGE);
    const line = dimensionLineFor(garage, {
      distanceM: 4.5,
      from: [GARAGE[0], GARAGE[1]],
      to: [PLOT[0], GARAGE[1]],
      segment: [
        [PLOT[0], PLOT[3]],
        [PLOT[0], PLOT[1]],
      ],
    });
    expect(line.from[0]).toBeCloseTo(GARAGE[0], 9);
    expect(line.from[1]).toBeCloseTo((GARAGE[1] + GARAGE[3]) / 2, 9);
    expect(line.to).toEqual([PLOT[0], (GARAGE[1] + GARAGE[3]) / 2]);
  });
});
