/** PDF user space is 1/72 inch: every paper measure below is millimetres converted with this one factor. */
export const PT_PER_MM = 72 / 25.4;

export type Paper = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';

const PAPER_MM: Record<Paper, [number, number]> = { A4: [210, 297], A3: [297, 420] };

/** Frame margins in mm: a wider left edge for binding into a case file, as on paper drawings. */
export const MARGIN_MM = { left: 20, right: 10, top: 10, bottom: 10 } as const;
/** Height of the band under the drawing that holds legend, north arrow, scale bar and title block. */
export const BAND_MM = 50;
/** Free paper kept around the property for dimension labels and neighbour names. */
export const PAD_MM = 8;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Sheet {
  paper: Paper;
  orientation: Orientation;
  /** The scale denominator: 400 means 1:400. */
  scale: number;
  widthPt: number;
  heightPt: number;
}

/** Points of paper per metre on the ground: 1:400 gives 2.5 mm, about 7.087 pt. */
export const ptPerMetre = (scale: number) => (1000 / scale) * PT_PER_MM;

export function sheetOf(paper: Paper, orientation: Orientation, scale: number): Sheet {
  const [short, long] = PAPER_MM[paper];
  const [w, h] = orientation === 'portrait' ? [short, long] : [long, short];
  return { paper, orientation, scale, widthPt: w * PT_PER_MM, heightPt: h * PT_PER_MM };
}

/** The sheet inside its margins. */
export function frameOf(sheet: Sheet): Box {
  return {
    x0: MARGIN_MM.left * PT_PER_MM,
    y0: MARGIN_MM.bottom * PT_PER_MM,
    x1: sheet.widthPt - MARGIN_MM.right * PT_PER_MM,
    y1: sheet.heightPt - MARGIN_MM.top * PT_PER_MM,
  };
}

/** Where the map goes: the frame above the band. */
export function drawingAreaOf(sheet: Sheet): Box {
  const f = frameOf(sheet);
  return { ...f, y0: f.y0 + BAND_MM * PT_PER_MM };
}

/** The band under the map. */
export function bandOf(sheet: Sheet): Box {
  const f = frameOf(sheet);
  return { ...f, y1: f.y0 + BAND_MM * PT_PER_MM };
}

/**
 * The order the sheet is chosen in: the two scales municipalities ask for on A4, then A3 (upright before
 * turned), then coarser scales for estates that a building permit rarely concerns.
 */
const CANDIDATES: [Paper, Orientation, number][] = [
  ['A4', 'portrait', 400],
  ['A4', 'portrait', 500],
  ['A3', 'portrait', 500],
  ['A3', 'landscape', 500],
  ['A3', 'portrait', 1000],
  ['A3', 'landscape', 1000],
  ['A3', 'portrait', 2000],
  ['A3', 'landscape', 2000],
];

/**
 * The first sheet on which a drawing reaching `halfWidthM` and `halfHeightM` either side of its centre fits,
 * padding included. Beyond 1:2000 the usual map scales follow (1:5000, 1:10000, 1:20000, …) on A3.
 */
export function chooseSheet(halfWidthM: number, halfHeightM: number): Sheet {
  const fits = (s: Sheet) => {
    const area = drawingAreaOf(s);
    const k = ptPerMetre(s.scale);
    const pad = PAD_MM * PT_PER_MM;
    return 2 * halfWidthM * k + 2 * pad <= area.x1 - area.x0 && 2 * halfHeightM * k + 2 * pad <= area.y1 - area.y0;
  };
  const coarser: [Paper, Orientation, number][] = [];
  for (let power = 1000; power <= 1e8; power *= 10) {
    for (const m of [5, 10, 20]) coarser.push(['A3', 'portrait', m * power], ['A3', 'landscape', m * power]);
  }
  for (const [paper, orientation, scale] of [...CANDIDATES, ...coarser]) {
    const s = sheetOf(paper, orientation, scale);
    if (fits(s)) return s;
  }
  // Nothing on earth is this large; draw it anyway rather than fail.
  return sheetOf('A3', 'landscape', 2e9);
}

/** "Skala 1:400 (A4)": the one place the sheet is described, so drawing and tests agree. */
export function scaleText(sheet: Sheet): string {
  return `Skala 1:${sheet.scale} (${sheet.paper})`;
}
