import { and, assign, setup } from 'xstate';
import {
  MinorMeasureFactsSchema,
  assessMinorMeasure,
  isPlacementFact,
  measurePlace,
  ruleSetFor,
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
}

export type MeasureCheckEvent =
  | { type: 'SELECT_PROPERTY'; propertyId: string }
  | { type: 'SET_SITE'; propertyId: string; site: Site }
  | { type: 'SELECT_MEASURE'; measure: MinorMeasureType }
  | { type: 'SET_FACTS'; facts: MinorMeasureFacts }
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

/** Where a position matters (a plank near the boundary), the placement step is shown; a stove indoors skips it. */
export const hasPlacement = (c: Pick<MeasureCheckContext, 'today' | 'measure'>) => questionsOf(c).placement.length > 0;

/** The answer, once the property's site and a measure are known: the same function the server would run. */
export function measureAnswer(c: MeasureCheckContext): MinorMeasureAssessment | null {
  const ruleSet = ruleSetFor(c.today);
  if (!ruleSet || !c.site || !c.measure) return null;
  return assessMinorMeasure(c.measure, c.facts, measurePlace(c.site), ruleSet);
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
  context: ({ input }) => ({ today: input.today, propertyId: undefined, site: null, measure: undefined, facts: {} }),
  initial: 'property',
  on: {
    SET_SITE: {
      guard: ({ context, event }) => event.propertyId === context.propertyId,
      actions: assign({ site: ({ event }) => event.site }),
    },
    SET_FACTS: { actions: 'keepFacts' },
  },
  states: {
    property: {
      on: {
        SELECT_PROPERTY: {
          actions: assign({ propertyId: ({ event }) => event.propertyId, site: null }),
        },
        NEXT: { target: 'measure', guard: 'hasProperty' },
      },
    },
    measure: {
      on: {
        // A new measure asks new questions: the old answers do not carry over.
        SELECT_MEASURE: { actions: assign({ measure: ({ event }) => event.measure, facts: {} }) },
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
