import { boxOfRings, boxTouchesArea, boxWithin, boxesOverlap, segmentHitsBox, type Pt } from './pageGeometry';
import type { Box } from './sheet';

/** Something a label should not cover, and how much covering it costs. */
type Obstacle = ({ kind: 'area'; rings: Pt[][]; id?: string } | { kind: 'segment'; a: Pt; b: Pt }) & {
  cost: number;
  bounds: Box;
};

export interface Candidate {
  box: Box;
  /** Preference among otherwise equal places: the first choice costs 0. */
  penalty: number;
}

/** Cost of a label over another label: allowed only when every other place is worse (never by choice). */
const OVER_LABEL = 10_000;

/**
 * Greedy label placement: each label takes the cheapest of its candidate places, given the drawing's
 * features and the labels already placed. Important labels are placed first, so they get the best places.
 */
export class LabelLayout {
  private readonly labels: Box[] = [];
  private readonly obstacles: Obstacle[] = [];

  constructor(private readonly area: Box) {}

  avoidArea(rings: Pt[][], cost: number, id?: string) {
    this.obstacles.push({ kind: 'area', rings, cost, bounds: boxOfRings(rings), ...(id === undefined ? {} : { id }) });
  }

  avoidSegment(a: Pt, b: Pt, cost: number) {
    this.obstacles.push({ kind: 'segment', a, b, cost, bounds: boxOfRings([[a, b]]) });
  }

  avoidLines(rings: Pt[][], cost: number) {
    for (const ring of rings) for (let i = 0; i < ring.length - 1; i++) this.avoidSegment(ring[i]!, ring[i + 1]!, cost);
  }

  /** Reserves a box without a candidate search (legend-like fixed items inside the map). */
  reserve(box: Box) {
    this.labels.push(box);
  }

  /** What covering `box` costs; Infinity off the drawing. `ownArea` is the feature the label names. */
  cost(box: Box, ownArea?: string): number {
    if (!boxWithin(box, this.area)) return Infinity;
    let cost = 0;
    for (const l of this.labels) if (boxesOverlap(box, l, 1)) cost += OVER_LABEL;
    for (const o of this.obstacles) {
      // Most features are nowhere near a given label: their bounds tell without walking their edges.
      if (!boxesOverlap(box, o.bounds)) continue;
      if (o.kind === 'segment') {
        if (segmentHitsBox(o.a, o.b, box)) cost += o.cost;
      } else if (o.id === undefined || o.id !== ownArea) {
        if (boxTouchesArea(box, o.rings)) cost += o.cost;
      }
    }
    return cost;
  }

  /** Takes the cheapest candidate and reserves its box; null when none lies on the drawing. */
  place<C extends Candidate>(candidates: C[], ownArea?: string): C | null {
    let best: C | null = null;
    let bestCost = Infinity;
    for (const c of candidates) {
      const cost = c.penalty + this.cost(c.box, ownArea);
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
      }
    }
    if (best) this.labels.push(best.box);
    return best;
  }
}
