import { assign, enqueueActions, fromCallback, fromPromise, setup } from 'xstate';
import {
  ApplicationDetailsSchema,
  FootprintSchema,
  MeasureTypeSchema,
  SUBMISSION_CHANNEL,
  attachmentFacts,
  coveredNeighbours,
  completenessInputFrom,
  evaluateApplication,
  requiredAttachments,
  ruleSetFor,
  stockholmDate,
  type AttachmentInfo,
  type ConsentInvitation,
  type Evaluation,
  type PermitOutcome,
  type Site,
  type ApplicationDetails,
  type ApplicationSubmission,
  type CaseSummary,
  type Draft,
  type DraftData,
  type Footprint,
  type MeasureType,
  type MyProperty,
  findingMessage,
  message,
  type Message,
} from '@lovisa/domain';

export const wizardSteps = ['chooseProperty', 'measure', 'map', 'details', 'attachments', 'review'] as const;
export type WizardStep = (typeof wizardSteps)[number];

export interface WizardContext {
  properties: MyProperty[];
  propertyId: string | undefined;
  measure: MeasureType | undefined;
  footprints: Footprint[];
  details: Partial<ApplicationDetails>;
  draftId: string;
  submitted: CaseSummary | undefined;
  /** What went wrong last, by message id (the view renders it in its language). */
  error: Message | undefined;
  /** The step a resumed draft was left at; used once, when the properties have loaded. */
  resumeStep: WizardStep | undefined;
  /** The BankID sign order of the submission in progress. */
  signOrder: SignOrder | undefined;
  /** BankID's latest word on it. */
  signMessage: Message | undefined;
  /** The chosen property as the rules read it (registers + basemap), once the app has fetched it. */
  site: Site | null;
  /** The files attached to the draft, as the server has them. */
  attachments: AttachmentInfo[];
  /** The neighbours invited to consent with BankID, and their answers, as the server has them. */
  consents: ConsentInvitation[];
  /** When the server last acknowledged the draft (ISO instant). */
  savedAt: string | undefined;
  /** Something the applicant must hear about the resumed draft, once. */
  notice: ResumeNotice | undefined;
  /** The verdict a resumed draft was saved with, until the site is known and it has been compared. */
  resumedVerdict: { ruleSetId: string; outcome: PermitOutcome | undefined } | undefined;
  /** The Stockholm date the rules are judged on (YYYY-MM-DD): the rule set in force today. */
  today: string;
}

/**
 * What a resumed draft needs to say: the property is no longer the applicant's (the drawing is gone), or the
 * rules changed since it was saved (with the verdict then and now).
 */
export type ResumeNotice =
  | { kind: 'propertyNotOwned' }
  /** A signature started earlier never completed (BankID ended it, or forgot it): nothing was sent. */
  | { kind: 'signInterrupted' }
  | {
      kind: 'rulesChanged';
      before: PermitOutcome | undefined;
      after: PermitOutcome | undefined;
      ruleSet: { sv: string; en: string };
    };

export interface SignOrder {
  orderRef: string;
  autoStartToken: string;
  pollIntervalMs: number;
}

export type WizardEvent =
  | { type: 'SELECT_PROPERTY'; propertyId: string }
  | { type: 'SELECT_MEASURE'; measure: MeasureType }
  | { type: 'SET_FOOTPRINTS'; footprints: Footprint[] }
  | { type: 'SET_DETAILS'; details: Partial<ApplicationDetails> }
  | { type: 'SET_SITE'; propertyId: string; site: Site }
  | { type: 'SET_ATTACHMENTS'; attachments: AttachmentInfo[] }
  | { type: 'SET_CONSENTS'; consents: ConsentInvitation[] }
  | { type: 'DISMISS_NOTICE' }
  /** Raised by the machine itself, debounced after drawing or typing. */
  | { type: 'AUTOSAVE' }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'EDIT_STEP'; step: WizardStep }
  /** The browser's back/forward or an address typed: go there if every step before it is done. */
  | { type: 'GO_TO_STEP'; step: WizardStep }
  | { type: 'SUBMIT' }
  | { type: 'CANCEL' }
  | { type: 'RETRY' }
  | { type: 'SIGN_PROGRESS'; message: Message }
  | { type: 'SIGN_COMPLETE'; summary: CaseSummary }
  | { type: 'SIGN_FAILED'; message: Message }
  /** The draft has a signature in progress from an earlier visit: follow it again. */
  | { type: 'RESUME_SIGNING'; order: SignOrder }
  /** The draft's earlier signature ended without a case. */
  | { type: 'SIGN_INTERRUPTED' };

export interface WizardInput {
  draftId: string;
  draft?: Draft;
  /** The applicant's properties, when the page already has them: the machine starts at its step without asking. */
  properties?: MyProperty[];
  /** The day to judge by (YYYY-MM-DD); defaults to today in Stockholm. */
  today?: string;
}

/**
 * The rules engine's verdict on what the applicant has given so far: the same call, with the same channel
 * options, as the server makes on submission.
 */
export function evaluate(context: EvaluationInput): Evaluation {
  // One answer is asked for many times over (the page's verdict, each step's problems, the guards, the autosave):
  // the context's parts are immutable, so the same parts give the same verdict.
  const key = EVALUATION_INPUTS.map((k) => context[k]);
  const known = recentEvaluations.find((e) => e.key.every((v, i) => v === key[i]));
  if (known) return known.value;
  const value = evaluateAnew(context);
  recentEvaluations.unshift({ key, value });
  recentEvaluations.length = Math.min(recentEvaluations.length, RECENT_EVALUATIONS);
  return value;
}

type EvaluationInput = Pick<
  WizardContext,
  'propertyId' | 'measure' | 'footprints' | 'details' | 'site' | 'today' | 'attachments'
> &
  Partial<Pick<WizardContext, 'consents'>>;
const EVALUATION_INPUTS = [
  'propertyId',
  'measure',
  'footprints',
  'details',
  'site',
  'today',
  'attachments',
  'consents',
] as const satisfies readonly (keyof EvaluationInput)[];
/** A few, not one: a guard may ask about the context with a new site while the page asks about the current one. */
const RECENT_EVALUATIONS = 4;
const recentEvaluations: { key: unknown[]; value: Evaluation }[] = [];

function evaluateAnew(context: EvaluationInput): Evaluation {
  const ruleSet = ruleSetFor(context.today)!;
  const files = attachmentFacts(context.attachments);
  // A consent signed with BankID counts as the neighbour's GRAM while it still covers what is drawn.
  const signed = coveredNeighbours(
    context.consents ?? [],
    { measure: context.measure, footprints: context.footprints, ridgeHeightM: context.details.ridgeHeightM },
    context.site?.neighbours ?? [],
  );
  return evaluateApplication(
    { ...completenessInputFrom(context), ...files, neighbourConsents: [...(files.neighbourConsents ?? []), ...signed] },
    context.site,
    ruleSet,
    SUBMISSION_CHANNEL,
  );
}

/**
 * Whether Lovisa should draw the situationsplan from the map: the verdict asks for one and the applicant has
 * not attached one of their own. A plan Lovisa drew earlier is drawn again, so it shows the latest drawing.
 */
export function needsSitePlan(context: WizardContext): boolean {
  const e = evaluate(context);
  if (!e.assessment || !context.measure) return false;
  const required = requiredAttachments(ruleSetFor(context.today)!, e.assessment.outcome, context.measure);
  return required.includes('SITU') && !context.attachments.some((a) => a.type === 'SITU' && !a.generated);
}

/** Blocking items of the verdict that belong to these steps of the engine's. */
const blockingIn = (context: WizardContext, steps: string[], except: string[] = []) =>
  evaluate(context)
    .missing.filter((m) => m.blocking && steps.includes(m.step) && !except.includes(m.code))
    .map(findingMessage);

/** Schema issues as messages: the domain's schemas give each issue a message id (packages/domain/src/messages). */
const issueMessages = (issues: { message: string }[]): Message[] => issues.map((i) => ({ id: i.message }));

/** The same problem named twice (two footprints, two steps) is said once. */
const once = (problems: Message[]): Message[] => [...new Map(problems.map((p) => [JSON.stringify(p), p])).values()];

/** What keeps the applicant on a step, by message id; empty when they may go on. The guards use this too. */
export function stepProblems(context: WizardContext, step: WizardStep): Message[] {
  switch (step) {
    case 'chooseProperty':
      return context.propertyId && context.properties.some((p) => p.id === context.propertyId)
        ? []
        : [message('finding.MISSING_PROPERTY')];
    case 'measure':
      return MeasureTypeSchema.safeParse(context.measure).success ? [] : [message('finding.MISSING_MEASURE')];
    case 'map': {
      if (context.footprints.length === 0) return [message('finding.MISSING_FOOTPRINT')];
      const problems = context.footprints.flatMap((f) => {
        const r = FootprintSchema.safeParse(f);
        return r.success ? [] : issueMessages(r.error.issues);
      });
      if (problems.length > 0) return once(problems);
      return context.site ? blockingIn(context, ['map']) : [];
    }
    case 'details': {
      const r = ApplicationDetailsSchema.safeParse(context.details);
      if (!r.success) return issueMessages(r.error.issues);
      // Contact, gross floor area and kontrollansvarig: required or not by the rules, not by the form.
      return blockingIn(
        context,
        ['details', 'contact'],
        ['MISSING_DESCRIPTION', 'MISSING_RIDGE_HEIGHT', 'MISSING_START_DATE'],
      );
    }
    case 'attachments':
      // Which drawings and consents are needed is the verdict's call, so it waits for the site.
      return context.site ? blockingIn(context, ['attachments', 'neighbours']) : [];
    case 'review': {
      const earlier = wizardSteps.slice(0, -1).flatMap((s) => stepProblems(context, s));
      // Without the site (the registers did not answer) the server still judges the whole application.
      return earlier.length > 0 || !context.site
        ? earlier
        : once(blockingIn(context, ['review', 'neighbours', 'attachments']));
    }
  }
}

/** The submission built from what the applicant has given; null while anything is missing. */
export function toSubmission(context: WizardContext): ApplicationSubmission | null {
  if (stepProblems(context, 'review').length > 0) return null;
  return {
    draftId: context.draftId,
    propertyId: context.propertyId!,
    measure: context.measure!,
    footprints: context.footprints,
    details: ApplicationDetailsSchema.parse(context.details),
  };
}

/** What the autosave stores: everything, valid or not, so nothing typed is ever lost. */
export function toDraftData(context: WizardContext, step: string): DraftData {
  const outcome = context.site ? evaluate(context).assessment?.outcome : undefined;
  return {
    step,
    ruleSetId: ruleSetFor(context.today)!.id,
    ...(outcome ? { outcome } : {}),
    ...(context.propertyId ? { propertyId: context.propertyId } : {}),
    ...(context.measure ? { measure: context.measure } : {}),
    footprints: context.footprints,
    details: context.details,
  };
}

/** How long after the last change a draft is saved while the applicant draws or types. */
export const AUTOSAVE_DELAY_MS = 1500;
const DRAFT_NOT_SAVED = message('wizard.draftNotSaved');

/** Every step saves the draft when it is entered (and again on AUTOSAVE, where the step takes it). */
const saveOnEntry = (step: WizardStep) => ({
  src: 'saveDraft' as const,
  input: ({ context }: { context: WizardContext }) => ({ draftId: context.draftId, data: toDraftData(context, step) }),
  onDone: { actions: 'draftSaved' as const },
  onError: { actions: 'draftNotSaved' as const },
});

const isStep = (s: string | undefined): s is WizardStep => (wizardSteps as readonly string[]).includes(s ?? '');

/** A step can be opened when every step before it is done; the first always can. */
export function stepReachable(context: WizardContext, step: WizardStep): boolean {
  return wizardSteps.slice(0, wizardSteps.indexOf(step)).every((s) => stepProblems(context, s).length === 0);
}

/** Each step's address, in Swedish like the rest of the service's URLs. */
export const stepSlugs: Record<WizardStep, string> = {
  chooseProperty: 'fastighet',
  measure: 'atgard',
  map: 'karta',
  details: 'uppgifter',
  attachments: 'handlingar',
  review: 'granska',
};
export const stepFromSlug = (slug: string | undefined): WizardStep | undefined =>
  wizardSteps.find((s) => stepSlugs[s] === slug);

export const applicationMachine = setup({
  types: {
    context: {} as WizardContext,
    events: {} as WizardEvent,
    input: {} as WizardInput,
  },
  actors: {
    loadProperties: fromPromise<MyProperty[]>(async () => {
      throw new Error('loadProperties is provided by the app');
    }),
    /** Saves the draft; answers when the server has it (its `updatedAt`), so the page can say "Sparat 14:02". */
    saveDraft: fromPromise<{ updatedAt: string }, { draftId: string; data: DraftData }>(async () => {
      throw new Error('saveDraft is provided by the app');
    }),
    /**
     * Saves the draft, makes the situationsplan from the drawing when asked, and answers the draft's files.
     * One actor, so the plan is drawn from the draft as just saved.
     */
    prepareAttachments: fromPromise<AttachmentInfo[], { draftId: string; data: DraftData; makeSitePlan: boolean }>(
      async () => {
        throw new Error('prepareAttachments is provided by the app');
      },
    ),
    /** Sends the application; the server checks it and starts a BankID sign order. */
    startSigning: fromPromise<SignOrder, ApplicationSubmission>(async () => {
      throw new Error('startSigning is provided by the app');
    }),
    /** Follows the sign order, sending SIGN_PROGRESS, then SIGN_COMPLETE or SIGN_FAILED. */
    awaitSignature: fromCallback<WizardEvent, SignOrder>(() => {
      throw new Error('awaitSignature is provided by the app');
    }),
    cancelSigning: fromPromise<void, SignOrder>(async () => {
      throw new Error('cancelSigning is provided by the app');
    }),
  },
  guards: {
    stepComplete: ({ context }, step: WizardStep) => stepProblems(context, step).length === 0,
    /** Resume at the draft's step only when the draft's property is still among the applicant's. */
    resumesAt: ({ context }, step: WizardStep) =>
      context.resumeStep === step &&
      Boolean(context.propertyId && context.properties.some((p) => p.id === context.propertyId)),
  },
  actions: {
    clearError: assign({ error: undefined }),
    acceptProperties: assign(({ event }) => ({ properties: (event as unknown as { output: MyProperty[] }).output })),
    resumed: assign({ resumeStep: undefined }),
    draftNotSaved: assign({ error: DRAFT_NOT_SAVED }),
    draftSaved: assign(({ context, event }) => {
      const output = (event as unknown as { output: { updatedAt: string } }).output;
      // A failed save's message goes away once a save gets through.
      return { savedAt: output.updatedAt, error: context.error?.id === DRAFT_NOT_SAVED.id ? undefined : context.error };
    }),
    // Debounce: every change pushes the save AUTOSAVE_DELAY_MS further out.
    scheduleAutosave: enqueueActions(({ enqueue }) => {
      enqueue.cancel('autosave');
      enqueue.raise({ type: 'AUTOSAVE' }, { id: 'autosave', delay: AUTOSAVE_DELAY_MS });
    }),
    submissionFailed: assign({
      error: ({ event }) => {
        // The app's API errors carry the server's message id and its Swedish words (apps/web/src/api/http.ts).
        const err = (event as { error?: unknown }).error as
          { messageId?: unknown; params?: Message['params']; message?: unknown } | undefined;
        if (err && typeof err.messageId === 'string')
          return {
            id: err.messageId,
            ...(err.params ? { params: err.params } : {}),
            ...(typeof err.message === 'string' ? { text: err.message } : {}),
          };
        return {
          ...message('wizard.submitFailed'),
          ...(err instanceof Error && err.message ? { text: err.message } : {}),
        };
      },
    }),
  },
}).createMachine({
  id: 'application',
  context: ({ input }) => {
    const d = input.draft?.data;
    return {
      properties: input.properties ?? [],
      propertyId: d?.propertyId,
      measure: d?.measure,
      footprints: (d?.footprints ?? []) as Footprint[],
      details: (d?.details ?? {}) as Partial<ApplicationDetails>,
      draftId: input.draft?.id ?? input.draftId,
      submitted: undefined,
      error: undefined,
      resumeStep: isStep(d?.step) ? d.step : undefined,
      signOrder: undefined,
      signMessage: undefined,
      savedAt: undefined,
      notice: undefined,
      resumedVerdict: d?.ruleSetId ? { ruleSetId: d.ruleSetId, outcome: d.outcome } : undefined,
      site: null,
      attachments: [],
      consents: [],
      today: input.today ?? stockholmDate(new Date()),
    };
  },
  initial: 'loadingProperties',
  on: {
    SELECT_PROPERTY: {
      actions: assign(({ context, event }) =>
        // A footprint belongs to its property: a new property starts a new drawing.
        event.propertyId === context.propertyId ? {} : { propertyId: event.propertyId, footprints: [], site: null },
      ),
    },
    SELECT_MEASURE: {
      actions: assign(({ context, event }) => ({
        measure: event.measure,
        footprints: context.footprints.map((f) => ({ ...f, measure: event.measure })),
      })),
    },
    SET_FOOTPRINTS: { actions: [assign({ footprints: ({ event }) => event.footprints }), 'scheduleAutosave'] },
    SET_DETAILS: {
      actions: [
        assign({ details: ({ context, event }) => ({ ...context.details, ...event.details }) }),
        'scheduleAutosave',
      ],
    },
    // A site answer that arrives after the applicant chose another property is for the old one.
    SET_SITE: {
      guard: ({ context, event }) => event.propertyId === context.propertyId,
      actions: assign(({ context, event }) => {
        const site = event.site;
        const then = context.resumedVerdict;
        const rules = ruleSetFor(context.today)!;
        // A draft saved under an earlier rule set is judged again now; the applicant is told what changed.
        if (!then || then.ruleSetId === rules.id) return { site, resumedVerdict: undefined };
        const after = evaluate({ ...context, site }).assessment?.outcome;
        return {
          site,
          resumedVerdict: undefined,
          notice: { kind: 'rulesChanged' as const, before: then.outcome, after, ruleSet: rules.name },
        };
      }),
    },
    DISMISS_NOTICE: { actions: assign({ notice: undefined }) },
    SET_ATTACHMENTS: { actions: assign({ attachments: ({ event }) => event.attachments }) },
    SET_CONSENTS: { actions: assign({ consents: ({ event }) => event.consents }) },
  },
  states: {
    loadingProperties: {
      // Properties the page already had (asked for early) need no asking: the first snapshot is the step itself.
      always: { target: 'resuming', guard: ({ context }) => context.properties.length > 0 },
      invoke: {
        src: 'loadProperties',
        onDone: { target: 'resuming', actions: 'acceptProperties' },
        onError: { target: 'loadFailed', actions: assign({ error: message('wizard.propertiesNotLoaded') }) },
      },
    },
    // Where the applicant goes on, once their properties are known: the draft's step, or the start.
    resuming: {
      always: [
        ...wizardSteps.map((step) => ({
          target: `editing.${step}`,
          guard: { type: 'resumesAt' as const, params: step },
          actions: 'resumed' as const,
        })),
        {
          // A draft for a property no longer owned starts over rather than applying for someone else's land.
          target: 'editing',
          actions: [
            'resumed' as const,
            assign(({ context }: { context: WizardContext }) => {
              const owned = context.properties.some((p) => p.id === context.propertyId);
              return owned || !context.propertyId
                ? {}
                : {
                    propertyId: undefined,
                    footprints: [],
                    resumedVerdict: undefined,
                    notice: { kind: 'propertyNotOwned' as const },
                  };
            }),
          ],
        },
      ],
    },
    loadFailed: {
      on: { RETRY: { target: 'loadingProperties', actions: 'clearError' } },
    },
    editing: {
      initial: 'chooseProperty',
      on: {
        GO_TO_STEP: wizardSteps.map((step) => ({
          target: `.${step}`,
          guard: ({ context, event }: { context: WizardContext; event: WizardEvent }) =>
            event.type === 'GO_TO_STEP' && event.step === step && stepReachable(context, step),
        })),
      },
      states: {
        chooseProperty: {
          tags: ['step'],
          invoke: saveOnEntry('chooseProperty'),
          on: { NEXT: { target: 'measure', guard: { type: 'stepComplete', params: 'chooseProperty' } } },
        },
        measure: {
          tags: ['step'],
          invoke: saveOnEntry('measure'),
          on: {
            NEXT: { target: 'map', guard: { type: 'stepComplete', params: 'measure' } },
            BACK: 'chooseProperty',
          },
        },
        map: {
          tags: ['step'],
          invoke: saveOnEntry('map'),
          on: {
            NEXT: { target: 'details', guard: { type: 'stepComplete', params: 'map' } },
            BACK: 'measure',
            // Re-entering the step runs its save again: the drawing is kept while the applicant draws.
            AUTOSAVE: { target: 'map', reenter: true },
          },
        },
        details: {
          tags: ['step'],
          invoke: saveOnEntry('details'),
          on: {
            NEXT: { target: 'attachments', guard: { type: 'stepComplete', params: 'details' } },
            BACK: 'map',
            AUTOSAVE: { target: 'details', reenter: true },
          },
        },
        attachments: {
          tags: ['step'],
          invoke: {
            src: 'prepareAttachments',
            input: ({ context }) => ({
              draftId: context.draftId,
              data: toDraftData(context, 'attachments'),
              makeSitePlan: needsSitePlan(context),
            }),
            onDone: { actions: assign({ attachments: ({ event }) => event.output }) },
            onError: { actions: 'draftNotSaved' },
          },
          on: {
            NEXT: { target: 'review', guard: { type: 'stepComplete', params: 'attachments' } },
            BACK: 'details',
          },
        },
        review: {
          tags: ['step'],
          invoke: saveOnEntry('review'),
          on: {
            SUBMIT: {
              target: '#application.signing',
              guard: { type: 'stepComplete', params: 'review' },
              actions: assign({ notice: undefined }),
            },
            RESUME_SIGNING: {
              target: '#application.signing.waiting',
              actions: assign({
                signOrder: ({ event }) => event.order,
                signMessage: message('bankid.startApp'),
                notice: undefined,
              }),
            },
            SIGN_INTERRUPTED: { actions: assign({ notice: { kind: 'signInterrupted' } }) },
            BACK: 'attachments',
            EDIT_STEP: [
              { target: 'chooseProperty', guard: ({ event }) => event.step === 'chooseProperty' },
              { target: 'measure', guard: ({ event }) => event.step === 'measure' },
              { target: 'map', guard: ({ event }) => event.step === 'map' },
              { target: 'details', guard: ({ event }) => event.step === 'details' },
              { target: 'attachments', guard: ({ event }) => event.step === 'attachments' },
            ],
          },
        },
      },
    },
    signing: {
      initial: 'starting',
      entry: 'clearError',
      states: {
        starting: {
          invoke: {
            src: 'startSigning',
            input: ({ context }) => toSubmission(context)!,
            onDone: {
              target: 'waiting',
              actions: assign({ signOrder: ({ event }) => event.output, signMessage: message('bankid.startApp') }),
            },
            onError: { target: '#application.editing.review', actions: 'submissionFailed' },
          },
        },
        waiting: {
          invoke: { src: 'awaitSignature', input: ({ context }) => context.signOrder! },
          on: {
            SIGN_PROGRESS: { actions: assign({ signMessage: ({ event }) => event.message }) },
            SIGN_COMPLETE: {
              target: '#application.submitted',
              actions: assign({ submitted: ({ event }) => event.summary, signOrder: undefined }),
            },
            SIGN_FAILED: {
              target: '#application.editing.review',
              actions: assign({ error: ({ event }) => event.message, signOrder: undefined }),
            },
            CANCEL: 'cancelling',
          },
        },
        cancelling: {
          invoke: {
            src: 'cancelSigning',
            input: ({ context }) => context.signOrder!,
            onDone: { target: '#application.editing.review', actions: assign({ signOrder: undefined }) },
            onError: { target: '#application.editing.review', actions: assign({ signOrder: undefined }) },
          },
        },
      },
    },
    submitted: { type: 'final' },
  },
});
