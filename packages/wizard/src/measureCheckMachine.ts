import { and, assign, setup } from 'xstate';
import {
  MinorMeasureFactsSchema,
  assessMinorMeasure,
  drawnArea,
  factsWithDrawing,
  isPlacementFact,
  measureDrawingKind,
  measurePlace,
  ruleSetFor,
  type MeasureDrawing,
  type MinorMeasureAssessment,
  type MinorMeasureFacts,
  type MinorMeasureType,
  type Site,
} from '@lovisa/domain';

/**
 * "Do I need a permit for this?" for the measures beyond buildings (issue #23): property → measure →
 * placement (only where a position matters) → questions → answer. The rules live in the dated rule sets; this
 * machine only says which step comes next and what the answer is.
 */
export const measureCheckSteps = ['property', 'measure', 'placement', 'questions', 'answer'] as const;
export type MeasureCheckStep = (typeof measureCheckSteps)[number];

export interface MeasureCheckContext {
  today: string;
  propertyId: string | undefined;
  site: Site | null;
  measure: MinorMeasureType | undefined;
  facts: MinorMeasureFacts;
  /** The plank's line or the altan's area drawn on the map; null until drawn (the typed distances then stand). */
  drawing: MeasureDrawing | null;
}

export type MeasureCheckEvent =
  | { type: 'SELECT_PROPERTY'; propertyId: string }
  | { type: 'SET_SITE'; propertyId: string; site: Site }
  | { type: 'SELECT_MEASURE'; measure: MinorMeasureType }
  | { type: 'SET_FACTS'; facts: MinorMeasureFacts }
  | { type: 'SET_DRAWING'; drawing: MeasureDrawing | null }
  | { type: 'NEXT' }
  | { type: 'BACK' };

const ruleOf = (c: Pick<MeasureCheckContext, 'today' | 'measure'>) =>
  c.measure ? ruleSetFor(c.today)?.minorMeasures[c.measure] : undefined;

/** The facts the chosen measure asks for, split by step. */
export function questionsOf(c: Pick<MeasureCheckContext, 'today' | 'measure'>): {
  placement: string[];
  questions: string[];
} {
  const asks = ruleOf(c)?.asks ?? [];
  return { placement: asks.filter(isPlacementFact), questions: asks.filter((f) => !isPlacementFact(f)) };
}

/** How the measure is drawn on the map (a plank as a line, an altan as an area), or null: not drawn. */
export const drawingKindOf = (c: Pick<MeasureCheckContext, 'measure'>) =>
  (c.measure && measureDrawingKind[c.measure]) ?? null;

/**
 * Where a position matters (a plank near the boundary, an altan by the house), the placement step is shown, with
 * the map to draw it on; a stove indoors skips it.
 */
export const hasPlacement = (c: Pick<MeasureCheckContext, 'today' | 'measure'>) =>
  questionsOf(c).placement.length > 0 || drawingKindOf(c) !== null;

/** The facts the answer is judged on: the typed ones, with what the drawing measures in their place. */
export const judgedFacts = (c: Pick<MeasureCheckContext, 'facts' | 'drawing' | 'site'>) =>
  factsWithDrawing(c.facts, c.drawing, c.site);

/** The answer, once the property's site and a measure are known: the same function the server runs on saving. */
export function measureAnswer(c: MeasureCheckContext): MinorMeasureAssessment | null {
  const ruleSet = ruleSetFor(c.today);
  if (!ruleSet || !c.site || !c.measure) return null;
  return assessMinorMeasure(c.measure, judgedFacts(c), measurePlace(c.site, drawnArea(c.drawing)), ruleSet);
}

export const measureCheckMachine = setup({
  types: {
    context: {} as MeasureCheckContext,
    events: {} as MeasureCheckEvent,
    input: {} as { today: string },
  },
  guards: {
    hasProperty: ({ context }) => context.propertyId !== undefined,
    hasMeasure: ({ context }) => context.measure !== undefined,
    hasPlacement: ({ context }) => hasPlacement(context),
    /** Every number given is a valid one (the form parses with the same schema). */
    factsValid: ({ context }) => MinorMeasureFactsSchema.safeParse(context.facts).success,
  },
  actions: {
    keepFacts: assign({
      facts: ({ context, event }) =>
        event.type === 'SET_FACTS' ? { ...context.facts, ...event.facts } : context.facts,
    }),
  },
}).createMachine({
  id: 'measureCheck',
  context: ({ input }) => ({
    today: input.today,
    propertyId: undefined,
    site: null,
    measure: undefined,
    facts: {},
    drawing: null,
  }),
  initial: 'property',
  on: {
    SET_SITE: {
      guard: ({ context, event }) => event.propertyId === context.propertyId,
      actions: assign({ site: ({ event }) => event.site }),
    },
    SET_FACTS: { actions: 'keepFacts' },
    SET_DRAWING: { actions: assign({ drawing: ({ event }) => event.drawing }) },
  },
  states: {
    property: {
      on: {
        SELECT_PROPERTY: {
          actions: assign({ propertyId: ({ event }) => event.propertyId, site: null, drawing: null }),
        },
        NEXT: { target: 'measure', guard: 'hasProperty' },
      },
    },
    measure: {
      on: {
        // A new measure asks new questions: the old answers and drawing do not carry over.
        SELECT_MEASURE: { actions: assign({ measure: ({ event }) => event.measure, facts: {}, drawing: null }) },
        NEXT: [
          { target: 'placement', guard: and(['hasMeasure', 'hasPlacement']) },
          { target: 'questions', guard: 'hasMeasure' },
        ],
        BACK: 'property',
      },
    },
    placement: {
      on: { NEXT: { target: 'questions', guard: 'factsValid' }, BACK: 'measure' },
    },
    questions: {
      on: {
        NEXT: { target: 'answer', guard: 'factsValid' },
        BACK: [{ target: 'placement', guard: 'hasPlacement' }, { target: 'measure' }],
      },
    },
    answer: {
      on: { BACK: 'questions' },
    },
  },
});
