import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { E0, N0, box, site } from '../../domain/src/rules/testSupport';
import {
  drawingKindOf,
  hasPlacement,
  judgedFacts,
  measureAnswer,
  measureCheckMachine,
  questionsOf,
} from './measureCheckMachine';

const TODAY = '2026-01-15';
const start = () => {
  const actor = createActor(measureCheckMachine, { input: { today: TODAY } }).start();
  actor.send({ type: 'SELECT_PROPERTY', propertyId: 'p1' });
  actor.send({ type: 'SET_SITE', propertyId: 'p1', site: site() });
  actor.send({ type: 'NEXT' });
  return actor;
};

describe('the measure check', () => {
  it('skips the placement step for a measure without a position (a stove)', () => {
    const a = start();
    a.send({ type: 'SELECT_MEASURE', measure: 'fireplace' });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('questions');
    a.send({ type: 'BACK' });
    expect(a.getSnapshot().value).toBe('measure');
  });

  it('asks where a plank stands, then how high, and answers', () => {
    const a = start();
    a.send({ type: 'SELECT_MEASURE', measure: 'fence' });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('placement');
    a.send({
      type: 'SET_FACTS',
      facts: { distanceFromHouseM: 2, distanceToBoundaryM: 1.5, distanceToPublicLandM: 8, neighbourConsent: true },
    });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('questions');
    a.send({ type: 'SET_FACTS', facts: { heightM: 1.8 } });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('answer');
    const answer = measureAnswer(a.getSnapshot().context)!;
    expect(answer.outcome).toBe('none');
    expect(answer.conditions.map((c) => c.code)).toEqual(['FENCE_CONSENT_GIVEN']);
  });

  it('does not leave a step with an impossible number', () => {
    const a = start();
    a.send({ type: 'SELECT_MEASURE', measure: 'sign' });
    a.send({ type: 'NEXT' });
    a.send({ type: 'SET_FACTS', facts: { areaM2: -2 } });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('questions');
  });

  it('forgets the answers of another measure, and needs a property first', () => {
    const a = createActor(measureCheckMachine, { input: { today: TODAY } }).start();
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().value).toBe('property');
    const b = start();
    b.send({ type: 'SELECT_MEASURE', measure: 'patio' });
    b.send({ type: 'SET_FACTS', facts: { heightM: 2 } });
    b.send({ type: 'SELECT_MEASURE', measure: 'wall' });
    expect(b.getSnapshot().context.facts).toEqual({});
  });

  it('splits the questions by step from the rule set', () => {
    expect(questionsOf({ today: TODAY, measure: 'fence' }).questions).toEqual(['heightM']);
    expect(hasPlacement({ today: TODAY, measure: 'facade' })).toBe(false);
    expect(hasPlacement({ today: TODAY, measure: 'wall' })).toBe(true);
  });

  it('shows the map step only where a position matters: a line for a plank, an area for an altan', () => {
    expect(drawingKindOf({ measure: 'fence' })).toBe('line');
    expect(drawingKindOf({ measure: 'wall' })).toBe('line');
    expect(drawingKindOf({ measure: 'patio' })).toBe('area');
    // Measures without a position skip the step: no drawing, no placement facts.
    for (const measure of ['fireplace', 'loadBearing', 'ventilation', 'facade', 'solarPanels', 'sign'] as const) {
      expect(drawingKindOf({ measure }), measure).toBeNull();
      expect(hasPlacement({ today: TODAY, measure }), measure).toBe(false);
    }
    // An altan asks no distance, but is drawn: it gets the step.
    expect(questionsOf({ today: TODAY, measure: 'patio' }).placement).toEqual([]);
    expect(hasPlacement({ today: TODAY, measure: 'patio' })).toBe(true);
  });

  it('measures a drawn plank instead of the typed distances, and keeps them when nothing is drawn', () => {
    const a = start();
    a.send({ type: 'SELECT_MEASURE', measure: 'fence' });
    a.send({ type: 'NEXT' });
    // Typed: 2 m from the house. Drawn (test plot, house 10–20 × 20–30): 5 m east of the house.
    a.send({
      type: 'SET_FACTS',
      facts: { distanceFromHouseM: 2, distanceToBoundaryM: 6, distanceToPublicLandM: 8, heightM: 1.8 },
    });
    expect(measureAnswer(a.getSnapshot().context)!.outcome).toBe('none');
    a.send({
      type: 'SET_DRAWING',
      drawing: {
        type: 'LineString',
        coordinates: [
          [E0 + 25, N0 + 22],
          [E0 + 25, N0 + 28],
        ],
      },
    });
    const ctx = a.getSnapshot().context;
    expect(judgedFacts(ctx)).toMatchObject({ distanceFromHouseM: 5, distanceToBoundaryM: 5, heightM: 1.8 });
    expect(measureAnswer(ctx)!.outcome).toBe('permit');
    a.send({ type: 'SET_DRAWING', drawing: null });
    expect(judgedFacts(a.getSnapshot().context).distanceFromHouseM).toBe(2);
    // A new measure forgets the drawing.
    a.send({ type: 'SET_DRAWING', drawing: box(20, 22, 4, 5) });
    a.send({ type: 'BACK' });
    a.send({ type: 'SELECT_MEASURE', measure: 'patio' });
    expect(a.getSnapshot().context.drawing).toBeNull();
  });
});
