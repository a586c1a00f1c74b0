import {
  PDFOperator,
  PDFOperatorNames,
  closePath,
  degrees,
  endPath,
  fill,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setDashPattern,
  setFillingRgbColor,
  setLineCap,
  setLineJoin,
  setLineWidth,
  setStrokingRgbColor,
  stroke,
  LineCapStyle,
  LineJoinStyle,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import { bbox, type MultiPolygon, type Polygon, type Position } from '@lovisa/geo';
import { footprintMeasureText } from './format';
import { siteDistances } from './siteDistances';
import { LabelLayout, type Candidate } from './labelLayout';
import {
  boxAround,
  boxCentre,
  boxInsideArea,
  boxOfRings,
  centroid,
  clipRingToBox,
  distanceToEdges,
  nearestOnRings,
  ringArea,
  type Pt,
} from './pageGeometry';
import {
  PT_PER_MM,
  bandOf,
  chooseSheet,
  drawingAreaOf,
  frameOf,
  ptPerMetre,
  scaleText,
  type Box,
  type Sheet,
} from './sheet';
import { newDocument } from '../pdf/documentFonts';

/** Everything a situationsplan shows, in SWEREF 99 TM metres ([easting, northing]). */
export interface SitePlanInput {
  /** Fastighetsbeteckning, e.g. "Kjellstavik Eken 1:23". */
  designation: string;
  municipality: string;
  boundary: MultiPolygon;
  neighbours: { designation: string; boundary: MultiPolygon }[];
  existingBuildings: Polygon[];
  planned: { label: string; geometry: Polygon }[];
  /** Detailed-plan land that may not be built on. */
  prickmark?: MultiPolygon | null;
  /** Detailed-plan land for outbuildings only. */
  korsmark?: MultiPolygon | null;
  /** YYYY-MM-DD. */
  date: string;
  title: string;
  /** Buildings on other plots (the neighbours' houses), drawn lighter than the plot's own. */
  neighbourBuildings?: Polygon[];
  /** Streets as centre lines with their names (the basemap's). */
  streets?: { name: string; line: Position[] }[];
  /** The plot's main house, measured to from each planned building (none when the plot has none). */
  mainHouse?: Polygon | null;
}

type Rgb = [number, number, number];
const BLACK: Rgb = [0, 0, 0];
const WHITE: Rgb = [1, 1, 1];
const GREY_TEXT: Rgb = [0.3, 0.3, 0.3];
const NEIGHBOUR_LINE: Rgb = [0.45, 0.45, 0.45];
const EXISTING_FILL: Rgb = [0.78, 0.78, 0.78];
const EXISTING_LINE: Rgb = [0.35, 0.35, 0.35];
const PLANNED_LINE: Rgb = [0.78, 0.05, 0.05];
const PLANNED_FILL: Rgb = [1, 0.88, 0.88];
const PLANNED_TEXT: Rgb = [0.6, 0, 0];
const DIMENSION: Rgb = [0.05, 0.25, 0.62];
const NEIGHBOUR_FILL: Rgb = [0.9, 0.9, 0.9];
const STREET_FILL: Rgb = [0.86, 0.86, 0.86];
const PLAN_MARK: Rgb = [0.35, 0.35, 0.35];

const mm = (v: number) => v * PT_PER_MM;

/** Coordinates written with a thousandth of a point (0.35 µm): exact for any drawing, and a smaller file. */
const q = (v: number) => Math.round(v * 1000) / 1000;
const fillEvenOdd = () => PDFOperator.of(PDFOperatorNames.FillEvenOdd);
const clipEvenOdd = () => PDFOperator.of(PDFOperatorNames.ClipEvenOdd);

function ringOps(rings: Pt[][]): PDFOperator[] {
  const ops: PDFOperator[] = [];
  for (const ring of rings) {
    const closed =
      ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1];
    const pts = closed ? ring.slice(0, -1) : ring;
    if (pts.length === 0) continue;
    ops.push(moveTo(q(pts[0]![0]), q(pts[0]![1])));
    for (const p of pts.slice(1)) ops.push(lineTo(q(p[0]), q(p[1])));
    ops.push(closePath());
  }
  return ops;
}

const lineOps = (a: Pt, b: Pt) => [moveTo(q(a[0]), q(a[1])), lineTo(q(b[0]), q(b[1]))];

interface StrokeStyle {
  width: number;
  color: Rgb;
  dash?: number[];
  cap?: LineCapStyle;
}

function strokeOps(pathOps: PDFOperator[], s: StrokeStyle): PDFOperator[] {
  return [
    pushGraphicsState(),
    setStrokingRgbColor(...s.color),
    setLineWidth(s.width),
    setLineJoin(LineJoinStyle.Miter),
    setLineCap(s.cap ?? LineCapStyle.Butt),
    ...(s.dash ? [setDashPattern(s.dash, 0)] : []),
    ...pathOps,
    stroke(),
    popGraphicsState(),
  ];
}

const fillOps = (pathOps: PDFOperator[], color: Rgb) => [
  pushGraphicsState(),
  setFillingRgbColor(...color),
  ...pathOps,
  fillEvenOdd(),
  popGraphicsState(),
];

/** Runs `inner` clipped to the rings (even-odd, so holes stay out). */
const clippedOps = (rings: Pt[][], inner: PDFOperator[]) => [
  pushGraphicsState(),
  ...ringOps(rings),
  clipEvenOdd(),
  endPath(),
  ...inner,
  popGraphicsState(),
];

/** Parallel lines at 45° over a box, spaced `gap` pt apart; callers clip them. */
function hatchOps(box: Box, gap: number): PDFOperator[] {
  const ops: PDFOperator[] = [];
  const h = box.y1 - box.y0;
  for (let x = box.x0 - h; x <= box.x1; x += gap) ops.push(...lineOps([x, box.y0], [x + h, box.y1]));
  return ops;
}

/** A regular pattern of small marks over a box, for plan areas: dots for prickmark, crosses for korsmark. */
function patternOps(box: Box, gap: number, mark: (x: number, y: number) => PDFOperator[]): PDFOperator[] {
  const ops: PDFOperator[] = [];
  // Anchored to the page, not the box, so neighbouring areas' patterns line up.
  for (let y = Math.floor(box.y0 / gap) * gap; y <= box.y1 + gap; y += gap) {
    const shift = Math.round(y / gap) % 2 === 0 ? 0 : gap / 2;
    for (let x = Math.floor(box.x0 / gap) * gap + shift; x <= box.x1 + gap; x += gap) ops.push(...mark(x, y));
  }
  return ops;
}

function intersect(a: Box, b: Box): Box {
  return { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) };
}

interface TextLine {
  text: string;
  font: PDFFont;
  size: number;
  color: Rgb;
}

const PAD = 1.6;
const lineHeight = (l: TextLine) => l.size * 1.2;

function blockSize(lines: TextLine[]): { w: number; h: number } {
  return {
    w: Math.max(...lines.map((l) => l.font.widthOfTextAtSize(l.text, l.size))) + 2 * PAD,
    h: lines.reduce((s, l) => s + lineHeight(l), 0) + 2 * PAD,
  };
}

/** Centred lines on a white ground, so a label stays readable over lines and patterns. */
function drawBlock(page: PDFPage, box: Box, lines: TextLine[], ground = true, turned = false) {
  if (ground)
    page.pushOperators(...fillOps([rectangle(q(box.x0), q(box.y0), q(box.x1 - box.x0), q(box.y1 - box.y0))], WHITE));
  if (turned) {
    // One line running up the page: its top faces left, so the baseline lies right of the box's left edge.
    const [l] = lines;
    if (!l) return;
    const w = l.font.widthOfTextAtSize(l.text, l.size);
    const x = box.x0 + PAD + l.size * 0.93;
    page.drawText(l.text, {
      x: q(x),
      y: q((box.y0 + box.y1) / 2 - w / 2),
      size: l.size,
      font: l.font,
      color: rgb(...l.color),
      rotate: degrees(90),
    });
    return;
  }
  let top = box.y1 - PAD;
  const cx = (box.x0 + box.x1) / 2;
  for (const l of lines) {
    const w = l.font.widthOfTextAtSize(l.text, l.size);
    page.drawText(l.text, {
      x: q(cx - w / 2),
      y: q(top - l.size * 0.93),
      size: l.size,
      font: l.font,
      color: rgb(...l.color),
    });
    top -= lineHeight(l);
  }
}

function text(
  page: PDFPage,
  s: string,
  x: number,
  y: number,
  font: PDFFont,
  size: number,
  color: Rgb = BLACK,
  align: 'left' | 'centre' | 'right' = 'left',
) {
  const w = font.widthOfTextAtSize(s, size);
  const dx = align === 'left' ? 0 : align === 'centre' ? -w / 2 : -w;
  page.drawText(s, { x: q(x + dx), y: q(y), size, font, color: rgb(...color) });
}

/** A filled arrowhead with its tip at `tip`, pointing along unit vector `u`. */
function arrowOps(tip: Pt, u: Pt, length = 4.2, half = 1.3): PDFOperator[] {
  const base: Pt = [tip[0] - u[0] * length, tip[1] - u[1] * length];
  const n: Pt = [-u[1], u[0]];
  return [
    moveTo(q(tip[0]), q(tip[1])),
    lineTo(q(base[0] + n[0] * half), q(base[1] + n[1] * half)),
    lineTo(q(base[0] - n[0] * half), q(base[1] - n[1] * half)),
    closePath(),
  ];
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

interface MapContext {
  page: PDFPage;
  fonts: Fonts;
  sheet: Sheet;
  area: Box;
  k: number;
  toPt: (p: Position) => Pt;
  layout: LabelLayout;
}

const polygonRings = (ctx: MapContext, p: Polygon): Pt[][] => p.coordinates.map((r) => r.map(ctx.toPt));
const multiRings = (ctx: MapContext, mp: MultiPolygon): Pt[][] =>
  mp.coordinates.flatMap((rings) => rings.map((r) => r.map(ctx.toPt)));

/** The grid spacing in metres: the finest of the usual steps that leaves at least 2 cm between lines. */
function gridStep(k: number): number {
  for (const step of [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000])
    if (step * k >= mm(20)) return step;
  return 1_000_000;
}

const groupThousands = (v: number) =>
  Math.round(v)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');

/**
 * Round SWEREF 99 TM coordinates as ticks with their values inside the frame's upper and left edges, as map
 * sheets carry them. No crosses over the plot: they would read as korsmark.
 */
function drawGrid(ctx: MapContext, centre: Position) {
  const { area, k, page, fonts } = ctx;
  const step = gridStep(k);
  const [ce, cn] = centre;
  const mid = boxCentre(area);
  const eAt = (x: number) => ce + (x - mid[0]) / k;
  const nAt = (y: number) => cn + (y - mid[1]) / k;
  const size = 5.5;
  const tick = mm(2);
  const ticks: PDFOperator[] = [];
  const labels: (() => void)[] = [];
  for (let e = Math.ceil(eAt(area.x0) / step) * step; e <= eAt(area.x1); e += step) {
    const [x] = ctx.toPt([e, cn]);
    const label = `E ${groupThousands(e)}`;
    const w = fonts.regular.widthOfTextAtSize(label, size);
    if (x - w / 2 < area.x0 + mm(12) || x + w / 2 > area.x1 - 2) continue;
    ticks.push(...lineOps([x, area.y1], [x, area.y1 - tick]));
    const box: Box = { x0: x - w / 2 - 1, y0: area.y1 - tick - size - 2, x1: x + w / 2 + 1, y1: area.y1 - tick };
    labels.push(() => drawBlock(page, box, [{ text: label, font: fonts.regular, size, color: GREY_TEXT }]));
    ctx.layout.reserve({ ...box, y1: area.y1 });
  }
  for (let n = Math.ceil(nAt(area.y0) / step) * step; n <= nAt(area.y1); n += step) {
    const [, y] = ctx.toPt([ce, n]);
    const label = `N ${groupThousands(n)}`;
    const w = fonts.regular.widthOfTextAtSize(label, size);
    if (y - w / 2 < area.y0 + 2 || y + w / 2 > area.y1 - mm(8)) continue;
    ticks.push(...lineOps([area.x0, y], [area.x0 + tick, y]));
    const box: Box = { x0: area.x0 + tick, y0: y - w / 2 - 1, x1: area.x0 + tick + size * 1.2 + 1, y1: y + w / 2 + 1 };
    labels.push(() => {
      page.pushOperators(...fillOps(rectOps(box), WHITE));
      // Read from the right-hand side, as map frames are.
      page.drawText(label, {
        x: q(box.x1 - size * 0.3),
        y: q(y - w / 2),
        size,
        font: fonts.regular,
        color: rgb(...GREY_TEXT),
        rotate: degrees(90),
      });
    });
    ctx.layout.reserve({ ...box, x0: area.x0 });
  }
  page.pushOperators(...strokeOps(ticks, { width: 0.4, color: GREY_TEXT }));
  for (const draw of labels) draw();
}

type PlanMark = 'prickmark' | 'korsmark';

/** Dots for prickmark and crosses for korsmark, the way detailed plans draw them. */
const PLAN_PATTERNS: Record<
  PlanMark,
  { gap: number; mark: (x: number, y: number) => PDFOperator[]; style: StrokeStyle }
> = {
  prickmark: {
    gap: mm(1.6),
    mark: (x, y) => lineOps([x, y], [x + 0.01, y]),
    style: { width: 1.1, color: PLAN_MARK, cap: LineCapStyle.Round },
  },
  korsmark: {
    gap: mm(2.6),
    mark: (x, y) => [...lineOps([x - 1.3, y], [x + 1.3, y]), ...lineOps([x, y - 1.3], [x, y + 1.3])],
    style: { width: 0.35, color: PLAN_MARK },
  },
};

/** A plan area's pattern over `box` (the part that can show), clipped to its rings, and its dashed outline. */
function planAreaOps(kind: PlanMark, rings: Pt[][], box: Box): PDFOperator[] {
  const { gap, mark, style } = PLAN_PATTERNS[kind];
  return [
    ...clippedOps(rings, strokeOps(patternOps(box, gap, mark), style)),
    ...strokeOps(ringOps(rings), { width: 0.35, color: PLAN_MARK, dash: [2, 1.5] }),
  ];
}

function drawPlanArea(ctx: MapContext, mp: MultiPolygon, kind: PlanMark) {
  const rings = multiRings(ctx, mp);
  const box = intersect(boxOfRings(rings), ctx.area);
  if (box.x0 < box.x1 && box.y0 < box.y1) ctx.page.pushOperators(...planAreaOps(kind, rings, box));
}

interface Dimension {
  from: Pt;
  to: Pt;
  label: string;
}

function drawDimension(ctx: MapContext, d: Dimension) {
  const { from, to } = d;
  const len = Math.hypot(to[0] - from[0], to[1] - from[1]);
  const ops: PDFOperator[] = [];
  const fills: PDFOperator[] = [];
  if (len < 1e-6) {
    // Touching the boundary: a ring marks the spot.
    const r = 2;
    ops.push(moveTo(q(from[0] + r), q(from[1])));
    for (let i = 1; i <= 16; i++)
      ops.push(lineTo(q(from[0] + r * Math.cos((i * Math.PI) / 8)), q(from[1] + r * Math.sin((i * Math.PI) / 8))));
  } else {
    const u: Pt = [(to[0] - from[0]) / len, (to[1] - from[1]) / len];
    if (len >= 11) {
      ops.push(...lineOps(from, to));
      fills.push(...arrowOps(to, u), ...arrowOps(from, [-u[0], -u[1]]));
    } else {
      // Too short for arrows: the architect's oblique ticks mark the ends, on a line running just past them.
      const ext = 2.5;
      const t = 2.2;
      const slash: Pt = [(u[0] - u[1]) * Math.SQRT1_2 * t, (u[1] + u[0]) * Math.SQRT1_2 * t];
      ops.push(...lineOps([from[0] - u[0] * ext, from[1] - u[1] * ext], [to[0] + u[0] * ext, to[1] + u[1] * ext]));
      for (const p of [from, to])
        ops.push(...lineOps([p[0] - slash[0], p[1] - slash[1]], [p[0] + slash[0], p[1] + slash[1]]));
    }
  }
  ctx.page.pushOperators(...strokeOps(ops, { width: 0.6, color: DIMENSION }));
  if (fills.length)
    ctx.page.pushOperators(pushGraphicsState(), setFillingRgbColor(...DIMENSION), ...fills, fill(), popGraphicsState());
}

/** Places a dimension's value beside its line, or past one of its ends when the line is short. */
function placeDimensionLabel(ctx: MapContext, d: Dimension) {
  const line: TextLine = { text: d.label, font: ctx.fonts.regular, size: 7, color: DIMENSION };
  const { w, h } = blockSize([line]);
  const { from, to } = d;
  const len = Math.hypot(to[0] - from[0], to[1] - from[1]);
  const u: Pt = len > 1e-6 ? [(to[0] - from[0]) / len, (to[1] - from[1]) / len] : [1, 0];
  const n: Pt = [-u[1], u[0]];
  const mid: Pt = [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2];
  // How far the box's centre must sit from a line through its centre along v to clear it.
  const clear = (v: Pt) => (Math.abs(v[0]) * w) / 2 + (Math.abs(v[1]) * h) / 2 + 1.5;
  const candidates: Candidate[] = [];
  const at = (p: Pt, penalty: number) => candidates.push({ box: boxAround(p, w, h), penalty });
  for (const side of [1, -1]) {
    const off = clear(n) * side;
    at([mid[0] + n[0] * off, mid[1] + n[1] * off], side === 1 ? 0 : 0.5);
    for (const t of [0.25, -0.25, 0.4, -0.4]) {
      const s = t * len;
      at([mid[0] + n[0] * off + u[0] * s, mid[1] + n[1] * off + u[1] * s], 3 + Math.abs(t) * 4);
    }
  }
  const beyond = clear(u) + (len < 11 ? 8 : 1);
  at([to[0] + u[0] * beyond, to[1] + u[1] * beyond], 6);
  at([from[0] - u[0] * beyond, from[1] - u[1] * beyond], 7);
  for (let i = 0; i < 8; i++) {
    const a = (i * Math.PI) / 4;
    at([mid[0] + Math.cos(a) * (w / 2 + 6), mid[1] + Math.sin(a) * (h / 2 + 6)], 10);
  }
  const chosen = ctx.layout.place(candidates);
  if (chosen) drawBlock(ctx.page, chosen.box, [line]);
}

/** Label a planned building inside its outline when it fits, else beside it with a leader line. */
function placeBuildingLabel(ctx: MapContext, id: string, rings: Pt[][], lines: TextLine[]) {
  const { w, h } = blockSize(lines);
  const candidates: Candidate[] = [];
  const c = centroid(rings[0]!);
  const outline = boxOfRings(rings);
  for (const [dx, dy, penalty] of [
    [0, 0, 0],
    [0, 0.25, 1],
    [0, -0.25, 1],
    [0.25, 0, 1.5],
    [-0.25, 0, 1.5],
  ] as const) {
    const box = boxAround([c[0] + dx * (outline.x1 - outline.x0), c[1] + dy * (outline.y1 - outline.y0)], w, h);
    const inset = { x0: box.x0 - 1.5, y0: box.y0 - 1.5, x1: box.x1 + 1.5, y1: box.y1 + 1.5 };
    if (boxInsideArea(inset, rings)) candidates.push({ box, penalty });
  }
  const outside: Candidate[] = [];
  for (const gap of [5, 12, 22, 36]) {
    const base = 20 + gap * 0.4;
    const cx = (outline.x0 + outline.x1) / 2;
    const cy = (outline.y0 + outline.y1) / 2;
    const spots: [Pt, number][] = [
      [[outline.x1 + gap + w / 2, cy], 0],
      [[outline.x0 - gap - w / 2, cy], 1],
      [[cx, outline.y1 + gap + h / 2], 2],
      [[cx, outline.y0 - gap - h / 2], 3],
      [[outline.x1 + gap + w / 2, outline.y1 + gap + h / 2], 4],
      [[outline.x0 - gap - w / 2, outline.y1 + gap + h / 2], 4],
      [[outline.x1 + gap + w / 2, outline.y0 - gap - h / 2], 4],
      [[outline.x0 - gap - w / 2, outline.y0 - gap - h / 2], 4],
    ];
    for (const [p, extra] of spots) outside.push({ box: boxAround(p, w, h), penalty: base + extra });
  }
  const box = ctx.layout.place([...candidates, ...outside], id)?.box;
  if (!box) return;
  if (!boxInsideArea(box, rings)) {
    // A leader from the label's nearest edge to the nearest point of the outline.
    const target = nearestOnRings(boxCentre(box), rings);
    const start: Pt = [Math.max(box.x0, Math.min(box.x1, target[0])), Math.max(box.y0, Math.min(box.y1, target[1]))];
    ctx.page.pushOperators(
      ...strokeOps(lineOps(start, target), { width: 0.5, color: PLANNED_LINE }),
      ...strokeOps(lineOps(target, [target[0] + 0.01, target[1]]), {
        width: 2.2,
        color: PLANNED_LINE,
        cap: LineCapStyle.Round,
      }),
    );
  }
  drawBlock(ctx.page, box, lines);
}

/**
 * A name inside one part of an area: over a grid of spots in its visible part, the one deepest inside that
 * the text fits at. Smaller text, then text turned to run up a narrow strip, only when that is all that fits.
 */
function placeAreaLabel(
  ctx: MapContext,
  part: Pt[][],
  lineAt: (size: number) => TextLine,
  sizes: number[],
  besideOk = false,
) {
  const visible = clipRingToBox(part[0] ?? [], ctx.area);
  if (visible.length === 0) return;
  const box = boxOfRings([visible]);
  const candidates: (Candidate & { line: TextLine; turned: boolean })[] = [];
  const steps = 14;
  for (const turned of [false, true]) {
    sizes.forEach((size, si) => {
      const line = lineAt(size);
      const { w, h } = blockSize([line]);
      for (let i = 0; i <= steps; i++) {
        for (let j = 0; j <= steps; j++) {
          const p: Pt = [box.x0 + ((box.x1 - box.x0) * i) / steps, box.y0 + ((box.y1 - box.y0) * j) / steps];
          const b = turned ? boxAround(p, h, w) : boxAround(p, w, h);
          const inside = boxInsideArea(b, part) && boxInsideArea(b, [visible]);
          const depth = distanceToEdges(p, [visible]);
          const penalty = (inside ? 0 : 500) + si * 8 + (turned ? 20 : 0) + 30 / (1 + depth / 10);
          candidates.push({ box: b, penalty, line, turned });
        }
      }
    });
  }
  if (besideOk) {
    // A part too small for its name gets it just outside, rather than written across its boundary.
    sizes.forEach((size, si) => {
      const line = lineAt(size);
      const { w, h } = blockSize([line]);
      const [cx, cy] = boxCentre(box);
      const gap = 3;
      const spots: Pt[] = [
        [cx, box.y0 - gap - h / 2],
        [cx, box.y1 + gap + h / 2],
        [box.x1 + gap + w / 2, cy],
        [box.x0 - gap - w / 2, cy],
      ];
      spots.forEach((p, i) =>
        candidates.push({ box: boxAround(p, w, h), penalty: 150 + si * 8 + i, line, turned: false }),
      );
    });
  }
  const chosen = ctx.layout.place(candidates);
  if (chosen) drawBlock(ctx.page, chosen.box, [chosen.line], false, chosen.turned);
}

/** A street's name along it, on a visible stretch (the label layout keeps it off buildings and dimensions). */
function placeStreetName(ctx: MapContext, name: string, pts: Pt[]) {
  const line: TextLine = { text: name, font: ctx.fonts.bold, size: 7, color: GREY_TEXT };
  const { w, h } = blockSize([line]);
  const candidates: Candidate[] = [];
  const inside = (b: Box) => b.x0 >= ctx.area.x0 && b.x1 <= ctx.area.x1 && b.y0 >= ctx.area.y0 && b.y1 <= ctx.area.y1;
  const centre = boxCentre(ctx.area);
  for (let i = 0; i < pts.length - 1; i++) {
    const [a, b] = [pts[i]!, pts[i + 1]!];
    // A street runs far past the sheet: try points all along it, nearest the sheet's middle first.
    for (let t = 0; t <= 1; t += 0.01) {
      const p: Pt = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      const box = boxAround(p, w, h);
      if (inside(box)) candidates.push({ box, penalty: Math.hypot(p[0] - centre[0], p[1] - centre[1]) / 50 });
    }
  }
  const chosen = ctx.layout.place(candidates);
  if (chosen) drawBlock(ctx.page, chosen.box, [line]);
}

const partsOf = (ctx: MapContext, mp: MultiPolygon): Pt[][][] =>
  mp.coordinates.map((rings) => rings.map((r) => r.map(ctx.toPt)));

/** The part of a plot with the most area on the sheet: the one its name goes in. */
function largestVisiblePart(ctx: MapContext, parts: Pt[][][]): Pt[][] | null {
  let best: Pt[][] | null = null;
  let area = 0;
  for (const part of parts) {
    const a = ringArea(clipRingToBox(part[0] ?? [], ctx.area));
    if (a > area) {
      area = a;
      best = part;
    }
  }
  return best;
}

function drawMap(ctx: MapContext, input: SitePlanInput, centre: Position) {
  const { page, area, layout } = ctx;
  const areaRing: Pt[] = [
    [area.x0, area.y0],
    [area.x1, area.y0],
    [area.x1, area.y1],
    [area.x0, area.y1],
    [area.x0, area.y0],
  ];
  const property = multiRings(ctx, input.boundary);
  const neighbours = input.neighbours.map((n) => ({ designation: n.designation, rings: multiRings(ctx, n.boundary) }));
  const existing = input.existingBuildings.map((b) => polygonRings(ctx, b));
  const planned = input.planned.map((p, i) => ({ ...p, id: `planned-${i}`, rings: polygonRings(ctx, p.geometry) }));

  const ops: PDFOperator[] = [];
  page.pushOperators(pushGraphicsState(), ...ringOps([areaRing]), clipEvenOdd(), endPath());
  if (input.korsmark) drawPlanArea(ctx, input.korsmark, 'korsmark');
  if (input.prickmark) drawPlanArea(ctx, input.prickmark, 'prickmark');
  // Streets under everything else: a broad grey band along the centre line, about a street's width.
  const streets = (input.streets ?? []).map((st) => ({ name: st.name, pts: st.line.map(ctx.toPt) }));
  for (const st of streets) {
    const path = st.pts.flatMap((p, i) => (i === 0 ? [moveTo(q(p[0]), q(p[1]))] : [lineTo(q(p[0]), q(p[1]))]));
    page.pushOperators(...strokeOps(path, { width: Math.max(6, ctx.k * 6), color: STREET_FILL }));
  }
  for (const b of input.neighbourBuildings ?? []) {
    const rings = polygonRings(ctx, b);
    page.pushOperators(
      ...fillOps(ringOps(rings), NEIGHBOUR_FILL),
      ...strokeOps(ringOps(rings), { width: 0.4, color: NEIGHBOUR_LINE }),
    );
  }
  for (const n of neighbours) ops.push(...ringOps(n.rings));
  page.pushOperators(...strokeOps(ops, { width: 0.6, color: NEIGHBOUR_LINE }));
  for (const rings of existing) {
    page.pushOperators(
      ...fillOps(ringOps(rings), EXISTING_FILL),
      ...strokeOps(ringOps(rings), { width: 0.5, color: EXISTING_LINE }),
    );
  }
  page.pushOperators(...strokeOps(ringOps(property), { width: 1.7, color: BLACK }));
  for (const p of planned) {
    page.pushOperators(...fillOps(ringOps(p.rings), PLANNED_FILL));
    page.pushOperators(
      ...clippedOps(p.rings, strokeOps(hatchOps(boxOfRings(p.rings), 3.2), { width: 0.4, color: PLANNED_LINE })),
    );
    page.pushOperators(...strokeOps(ringOps(p.rings), { width: 1.2, color: PLANNED_LINE }));
  }
  const dimensions: Dimension[] = [];
  const measured = input.planned.flatMap((p) =>
    siteDistances(p.geometry, input.boundary, input.streets ?? [], input.mainHouse ?? null),
  );
  // One distance to the street, from the building nearest it: more would run side by side across the plot.
  const toStreet = measured.filter((d) => d.kind === 'street').sort((a, b) => a.metres - b.metres)[0];
  for (const d of measured)
    if (d.kind !== 'street' || d === toStreet)
      dimensions.push({ from: ctx.toPt(d.from), to: ctx.toPt(d.to), label: d.label });
  for (const d of dimensions) drawDimension(ctx, d);
  page.pushOperators(popGraphicsState());
  drawGrid(ctx, centre);
  page.pushOperators(...strokeOps(ringOps([areaRing]), { width: 0.8, color: BLACK }));

  // What labels should leave uncovered, roughly by how much covering it would hurt.
  for (const p of planned) layout.avoidArea(p.rings, 120, p.id);
  for (const d of dimensions) layout.avoidSegment(d.from, d.to, 150);
  for (const rings of existing) layout.avoidArea(rings, 40);
  layout.avoidLines(property, 25);
  for (const n of neighbours) layout.avoidLines(n.rings, 6);

  for (const d of dimensions) placeDimensionLabel(ctx, d);
  for (const st of streets) placeStreetName(ctx, st.name, st.pts);
  planned.forEach((p) => {
    const lines: TextLine[] = [
      { text: p.label, font: ctx.fonts.bold, size: 7, color: PLANNED_TEXT },
      { text: footprintMeasureText(p.geometry), font: ctx.fonts.regular, size: 6.5, color: BLACK },
    ];
    placeBuildingLabel(ctx, p.id, p.rings, lines);
  });
  // Every part of the plot carries its name: a reader must not take a detached part for a neighbour.
  for (const part of partsOf(ctx, input.boundary)) {
    placeAreaLabel(
      ctx,
      part,
      (size) => ({ text: input.designation, font: ctx.fonts.bold, size, color: BLACK }),
      [8, 7, 6],
      true,
    );
  }
  for (const n of input.neighbours) {
    const part = largestVisiblePart(ctx, partsOf(ctx, n.boundary));
    if (part)
      placeAreaLabel(
        ctx,
        part,
        (size) => ({ text: n.designation, font: ctx.fonts.regular, size, color: GREY_TEXT }),
        [7, 6, 5.5],
      );
  }
}

function drawLegend(page: PDFPage, fonts: Fonts, box: Box, input: SitePlanInput) {
  const x = box.x0 + mm(3);
  let y = box.y1 - mm(4.5);
  text(page, 'Teckenförklaring', x, y, fonts.bold, 7.5);
  const symW = mm(9);
  const symH = mm(3.2);
  const rows: [string, (s: Box) => PDFOperator[]][] = [
    ['Fastighetsgräns', (s) => strokeOps(lineOps([s.x0, cy(s)], [s.x1, cy(s)]), { width: 1.7, color: BLACK })],
    ['Grannfastighet', (s) => strokeOps(lineOps([s.x0, cy(s)], [s.x1, cy(s)]), { width: 0.6, color: NEIGHBOUR_LINE })],
    [
      'Befintlig byggnad',
      (s) => [...fillOps(rectOps(s), EXISTING_FILL), ...strokeOps(rectOps(s), { width: 0.5, color: EXISTING_LINE })],
    ],
    [
      'Grannes byggnad',
      (s) => [...fillOps(rectOps(s), NEIGHBOUR_FILL), ...strokeOps(rectOps(s), { width: 0.4, color: NEIGHBOUR_LINE })],
    ],
    ['Gata (med namn)', (s) => strokeOps(lineOps([s.x0, cy(s)], [s.x1, cy(s)]), { width: 6, color: STREET_FILL })],
    [
      'Planerad byggnad',
      (s) => [
        ...fillOps(rectOps(s), PLANNED_FILL),
        ...clippedOps(boxRing(s), strokeOps(hatchOps(s, 3.2), { width: 0.4, color: PLANNED_LINE })),
        ...strokeOps(rectOps(s), { width: 1.2, color: PLANNED_LINE }),
      ],
    ],
  ];
  if (input.prickmark) rows.push(['Prickmark, får inte bebyggas', (s) => planAreaOps('prickmark', boxRing(s), s)]);
  if (input.korsmark) rows.push(['Korsmark, bara komplementbyggnader', (s) => planAreaOps('korsmark', boxRing(s), s)]);
  rows.push([
    'Avstånd till gränser, gata och bostadshus',
    (s) => {
      const a: Pt = [s.x0, cy(s)];
      const b: Pt = [s.x1, cy(s)];
      return [
        ...strokeOps(lineOps(a, b), { width: 0.6, color: DIMENSION }),
        pushGraphicsState(),
        setFillingRgbColor(...DIMENSION),
        ...arrowOps(b, [1, 0]),
        ...arrowOps(a, [-1, 0]),
        fill(),
        popGraphicsState(),
      ];
    },
  ]);
  const rowH = Math.min(mm(5.2), (y - box.y0 - mm(2)) / rows.length);
  y -= mm(2);
  for (const [label, symbol] of rows) {
    y -= rowH;
    const s: Box = { x0: x, y0: y, x1: x + symW, y1: y + symH };
    page.pushOperators(...symbol(s));
    text(page, label, x + symW + mm(2.5), y + symH / 2 - 2.3, fonts.regular, 6.5);
  }
}

const cy = (b: Box) => (b.y0 + b.y1) / 2;
const rectOps = (b: Box) => [rectangle(q(b.x0), q(b.y0), q(b.x1 - b.x0), q(b.y1 - b.y0))];
const boxRing = (b: Box): Pt[][] => [
  [
    [b.x0, b.y0],
    [b.x1, b.y0],
    [b.x1, b.y1],
    [b.x0, b.y1],
    [b.x0, b.y0],
  ],
];

/** North arrow (grid north of SWEREF 99 TM is straight up the sheet) and a scale bar in metres. */
function drawNorthAndScale(page: PDFPage, fonts: Fonts, box: Box, sheet: Sheet) {
  const cx = (box.x0 + box.x1) / 2;
  const tip: Pt = [cx, box.y1 - mm(8)];
  const foot = tip[1] - mm(15);
  const half = mm(3.2);
  const notch = foot + mm(4);
  page.pushOperators(
    pushGraphicsState(),
    setFillingRgbColor(...BLACK),
    moveTo(q(tip[0]), q(tip[1])),
    lineTo(q(cx), q(notch)),
    lineTo(q(cx - half), q(foot)),
    closePath(),
    fill(),
    popGraphicsState(),
    ...strokeOps(
      [
        moveTo(q(tip[0]), q(tip[1])),
        lineTo(q(cx + half), q(foot)),
        lineTo(q(cx), q(notch)),
        lineTo(q(cx - half), q(foot)),
        closePath(),
      ],
      {
        width: 0.6,
        color: BLACK,
      },
    ),
  );
  text(page, 'N', cx, tip[1] + mm(1.5), fonts.bold, 10, BLACK, 'centre');

  const k = ptPerMetre(sheet.scale);
  const maxLen = box.x1 - box.x0 - mm(12);
  // A bar of 1, 2, 2.5 or 5 × 10ⁿ m in parts of a round length, each part labelled.
  const bars: [number, number][] = [];
  for (let p = 1; p <= 1e6; p *= 10) bars.push([1 * p, 5], [2 * p, 4], [2.5 * p, 5], [5 * p, 5]);
  const [total, parts] = [...bars].reverse().find(([l]) => l * k <= maxLen) ?? [1, 5];
  const seg = (total * k) / parts;
  const x0 = cx - (total * k) / 2;
  const y0 = box.y0 + mm(9);
  const h = mm(1.6);
  const ops: PDFOperator[] = [];
  for (let i = 0; i < parts; i += 2) ops.push(...fillOps([rectangle(q(x0 + i * seg), q(y0), q(seg), q(h))], BLACK));
  ops.push(...strokeOps([rectangle(q(x0), q(y0), q(total * k), q(h))], { width: 0.5, color: BLACK }));
  page.pushOperators(...ops);
  for (let i = 0; i <= parts; i++) {
    const v = (total / parts) * i;
    const s = Number.isInteger(v) ? String(v) : v.toFixed(1).replace('.', ',');
    // The unit follows the last number, which stays centred under its tick.
    const x = x0 + i * seg - fonts.regular.widthOfTextAtSize(s, 6) / 2;
    text(page, i === parts ? `${s} m` : s, x, y0 - mm(3.3), fonts.regular, 6);
  }
  text(page, 'Skalstock', cx, y0 + h + mm(2), fonts.regular, 6.5, GREY_TEXT, 'centre');
}

function drawTitleBlock(page: PDFPage, fonts: Fonts, box: Box, input: SitePlanInput, sheet: Sheet) {
  const x = box.x0 + mm(3.5);
  const room = box.x1 - mm(3) - x;
  // Long designations and names shrink to the block rather than run over the frame.
  const fit = (s: string, font: PDFFont, size: number) =>
    Math.min(size, (size * room) / Math.max(font.widthOfTextAtSize(s, size), 1e-9));
  let y = box.y1 - mm(8);
  text(page, input.title, x, y, fonts.bold, fit(input.title, fonts.bold, 15));
  y -= mm(6.5);
  text(page, input.designation, x, y, fonts.bold, fit(input.designation, fonts.bold, 10));
  y -= mm(2.8);
  page.pushOperators(...strokeOps(lineOps([box.x0, y], [box.x1, y]), { width: 0.4, color: BLACK }));
  const municipality = /kommun$/i.test(input.municipality.trim())
    ? input.municipality.trim()
    : `${input.municipality.trim()} kommun`;
  const rows = [municipality, `Datum ${input.date}`, scaleText(sheet), 'Koordinatsystem SWEREF 99 TM'];
  for (const row of rows) {
    y -= mm(4.4);
    text(page, row, x, y, fonts.regular, fit(row, fonts.regular, 8));
  }
  text(page, 'Upprättad i Lovisa från ritningen i ansökan', x, box.y0 + mm(2.6), fonts.regular, 6.5, GREY_TEXT);
}

function drawBand(page: PDFPage, fonts: Fonts, sheet: Sheet, input: SitePlanInput) {
  const band = bandOf(sheet);
  const legendW = mm(64);
  const northW = mm(40);
  const titleW = Math.max(mm(76), band.x1 - band.x0 - legendW - northW);
  const legend: Box = { ...band, x1: band.x0 + legendW };
  const title: Box = { ...band, x0: band.x1 - titleW };
  const north: Box = { ...band, x0: legend.x1, x1: title.x0 };
  page.pushOperators(
    ...strokeOps(
      [
        ...rectOps(band),
        ...lineOps([legend.x1, band.y0], [legend.x1, band.y1]),
        ...lineOps([title.x0, band.y0], [title.x0, band.y1]),
      ],
      {
        width: 0.8,
        color: BLACK,
      },
    ),
  );
  drawLegend(page, fonts, legend, input);
  drawNorthAndScale(page, fonts, north, sheet);
  drawTitleBlock(page, fonts, title, input, sheet);
}

/**
 * The situationsplan as a one-page vector PDF at a stated scale: the plot centred on the sheet, its
 * neighbours, existing and planned buildings, each planned building's shortest distance to the boundary and
 * its measures, plan areas that may not be built on, a north arrow, a scale bar and a title block.
 */
export async function renderSitePlan(input: SitePlanInput): Promise<Uint8Array> {
  const { doc, fonts } = await newDocument({
    title: `${input.title} ${input.designation}`,
    subject: `${input.title} för ${input.designation}, ${input.municipality}`,
    date: input.date,
  });

  const [minE, minN, maxE, maxN] = bbox(input.boundary);
  const centre: Position = [(minE + maxE) / 2, (minN + maxN) / 2];
  // Buildings drawn outside the plot (a draft can hold anything) still have to be on the sheet.
  let halfW = (maxE - minE) / 2;
  let halfH = (maxN - minN) / 2;
  for (const p of input.planned) {
    const [a, b, c, d] = bbox(p.geometry);
    halfW = Math.max(halfW, centre[0] - a, c - centre[0]);
    halfH = Math.max(halfH, centre[1] - b, d - centre[1]);
  }
  const sheet = chooseSheet(halfW, halfH);
  const page = doc.addPage([sheet.widthPt, sheet.heightPt]);
  const area = drawingAreaOf(sheet);
  const k = ptPerMetre(sheet.scale);
  const mid = boxCentre(area);
  const ctx: MapContext = {
    page,
    fonts,
    sheet,
    area,
    k,
    toPt: ([e, n]) => [mid[0] + (e - centre[0]) * k, mid[1] + (n - centre[1]) * k],
    layout: new LabelLayout({ x0: area.x0 + 2, y0: area.y0 + 2, x1: area.x1 - 2, y1: area.y1 - 2 }),
  };
  drawMap(ctx, input, centre);
  drawBand(page, fonts, sheet, input);
  const frame = frameOf(sheet);
  page.pushOperators(...strokeOps(rectOps(frame), { width: 0.8, color: BLACK }));
  return doc.save();
}
