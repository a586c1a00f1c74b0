import { consentSubject, type ConsentInvitation } from '@lovisa/domain';
import { describe, expect, it, vi } from 'vitest';
import { createActor, fromCallback, fromPromise, initialTransition, transition, waitFor } from 'xstate';
import { fillMessage, ruleSetFor } from '@lovisa/domain';
import { domainEn } from '@lovisa/domain/messages/en';
import { domainSv } from '@lovisa/domain/messages/sv';
import type {
  ApplicationSubmission,
  Message,
  AttachmentInfo,
  CaseSummary,
  DraftData,
  Footprint,
  PropertySummary,
  Site,
} from '@lovisa/domain';
import {
  applicationMachine,
  AUTOSAVE_DELAY_MS,
  evaluate,
  needsSitePlan,
  stepFromSlug,
  stepProblems,
  stepSlugs,
  toDraftData,
  toSubmission,
  type SignOrder,
  type WizardContext,
  type WizardEvent,
  type WizardStep,
} from './applicationMachine';

const properties: PropertySummary[] = [
  {
    id: '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e23',
    designation: 'Kjellstavik Eken 1:23',
    municipality: 'Kjellstavik',
    registeredAreaM2: 1050,
    address: 'Ekvägen 23',
    boundary: {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [620_060, 6_650_005],
            [620_090, 6_650_005],
            [620_090, 6_650_040],
            [620_060, 6_650_040],
            [620_060, 6_650_005],
          ],
        ],
      ],
    },
  },
];
const square: Footprint = {
  id: 'f1',
  measure: 'outbuilding',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [620_070, 6_650_020],
        [620_076, 6_650_020],
        [620_076, 6_650_024],
        [620_070, 6_650_024],
        [620_070, 6_650_020],
      ],
    ],
  },
};
const bowTie: Footprint = {
  ...square,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [620_070, 6_650_020],
        [620_076, 6_650_026],
        [620_076, 6_650_020],
        [620_070, 6_650_026],
        [620_070, 6_650_020],
      ],
    ],
  },
};
const details = {
  description: 'Garage i trä med sadeltak.',
  ridgeHeightM: 3.8,
  plannedStart: '2027-04-01',
  email: 'anna@example.se',
};
const received: CaseSummary = {
  id: '11111111-1111-4111-8111-111111111111',
  diaryNumber: 'BN 2026-000001',
  propertyDesignation: 'Kjellstavik Eken 1:23',
  measure: 'outbuilding',
  applicantName: 'Anna Lindqvist',
  status: 'received',
  outcome: null,
  teamId: 'bygglov',
  receivedAt: '2026-11-23T09:00:00.000Z',
  decisionDeadline: '2027-02-01',
};

/** Problems as the applicant reads them, through the catalogues (which know every id the wizard uses). */
const said = (problems: Message[], lang: 'sv' | 'en' = 'sv') =>
  problems.map((p) =>
    fillMessage((lang === 'sv' ? domainSv : domainEn)[p.id as keyof typeof domainSv], p.params, lang),
  );

/** How the fake BankID answers a sign order: complete, fail with a message, or stay pending until cancelled. */
type SignOutcome = { complete: CaseSummary } | { fail: Message } | 'pending';

function start(
  opts: {
    submit?: (s: ApplicationSubmission) => Promise<void>;
    sign?: SignOutcome;
    load?: () => Promise<PropertySummary[]>;
    draft?: { step: string } & DraftData;
  } = {},
) {
  const saved: DraftData[] = [];
  const sitePlanRequests: boolean[] = [];
  const submitted: ApplicationSubmission[] = [];
  const cancelled: string[] = [];
  const sign = opts.sign ?? { complete: received };
  const machine = applicationMachine.provide({
    actors: {
      loadProperties: fromPromise(opts.load ?? (async () => properties)),
      saveDraft: fromPromise(async ({ input }: { input: { draftId: string; data: DraftData } }) => {
        saved.push(input.data);
        return { updatedAt: `2026-11-23T10:0${saved.length % 10}:00.000Z` };
      }),
      prepareAttachments: fromPromise(
        async ({ input }: { input: { draftId: string; data: DraftData; makeSitePlan: boolean } }) => {
          saved.push(input.data);
          sitePlanRequests.push(input.makeSitePlan);
          return [] as AttachmentInfo[];
        },
      ),
      startSigning: fromPromise(async ({ input }: { input: ApplicationSubmission }) => {
        submitted.push(input);
        await opts.submit?.(input);
        return { orderRef: 'order-1', autoStartToken: 'token-1', pollIntervalMs: 2000 };
      }),
      awaitSignature: fromCallback<WizardEvent, SignOrder>(({ sendBack }) => {
        sendBack({ type: 'SIGN_PROGRESS', message: { id: 'bankid.userSign' } });
        if (sign === 'pending') return;
        const timer = setTimeout(
          () =>
            sendBack(
              'complete' in sign
                ? { type: 'SIGN_COMPLETE', summary: sign.complete }
                : { type: 'SIGN_FAILED', message: sign.fail },
            ),
          5,
        );
        return () => clearTimeout(timer);
      }),
      cancelSigning: fromPromise(async ({ input }: { input: SignOrder }) => {
        cancelled.push(input.orderRef);
      }),
    },
  });
  const draft = opts.draft
    ? { id: '22222222-2222-4222-8222-222222222222', data: opts.draft, updatedAt: '2026-11-22T10:00:00Z' }
    : undefined;
  const actor = createActor(machine, {
    input: { draftId: '33333333-3333-4333-8333-333333333333', ...(draft ? { draft } : {}) },
  }).start();
  return { actor, saved, submitted, cancelled, sitePlanRequests };
}

const at = (actor: ReturnType<typeof start>['actor'], step: WizardStep) =>
  waitFor(actor, (s) => s.matches({ editing: step }));

describe('application wizard', () => {
  it('walks from property to a submitted case, saving a draft at each step', async () => {
    const { actor, saved, submitted } = start();
    await at(actor, 'chooseProperty');
    expect(actor.getSnapshot().can({ type: 'NEXT' })).toBe(false);
    actor.send({ type: 'SELECT_PROPERTY', propertyId: properties[0]!.id });
    actor.send({ type: 'NEXT' });
    await at(actor, 'measure');
    actor.send({ type: 'SELECT_MEASURE', measure: 'outbuilding' });
    actor.send({ type: 'NEXT' });
    await at(actor, 'map');
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().matches({ editing: 'map' })).toBe(true); // nothing drawn yet
    actor.send({ type: 'SET_FOOTPRINTS', footprints: [square] });
    actor.send({ type: 'NEXT' });
    await at(actor, 'details');
    actor.send({ type: 'SET_DETAILS', details });
    actor.send({ type: 'NEXT' });
    await at(actor, 'attachments');
    actor.send({ type: 'NEXT' });
    await at(actor, 'review');
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.status === 'done');
    expect(actor.getSnapshot().context.submitted?.diaryNumber).toBe('BN 2026-000001');
    expect(submitted[0]).toMatchObject({
      propertyId: properties[0]!.id,
      measure: 'outbuilding',
      details,
      draftId: '33333333-3333-4333-8333-333333333333',
    });
    expect(saved.map((d) => d.step)).toEqual(['chooseProperty', 'measure', 'map', 'details', 'attachments', 'review']);
    expect(saved.at(-1)?.details).toEqual(details);
  });

  it('saves a drawing once the applicant pauses, and says when the server had it', async () => {
    vi.useFakeTimers();
    try {
      const { actor, saved } = start({
        draft: { step: 'map', propertyId: properties[0]!.id, measure: 'outbuilding', footprints: [] },
      });
      await vi.waitFor(() => expect(actor.getSnapshot().matches({ editing: 'map' })).toBe(true));
      await vi.waitFor(() => expect(actor.getSnapshot().context.savedAt).toBeDefined());
      const before = saved.length;
      // Three edits in quick succession: one save, after the pause.
      actor.send({ type: 'SET_FOOTPRINTS', footprints: [square] });
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS / 2);
      actor.send({ type: 'SET_FOOTPRINTS', footprints: [bowTie] });
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS / 2);
      actor.send({ type: 'SET_FOOTPRINTS', footprints: [square] });
      expect(saved.length).toBe(before);
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
      expect(saved.length).toBe(before + 1);
      expect(saved.at(-1)).toMatchObject({ step: 'map', footprints: [square] });
      expect(actor.getSnapshot().matches({ editing: 'map' })).toBe(true);
      expect(actor.getSnapshot().context.savedAt).toBe(`2026-11-23T10:0${saved.length % 10}:00.000Z`);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a self-intersecting footprint with a reason in Swedish', async () => {
    const { actor } = start({ draft: { step: 'map', propertyId: properties[0]!.id, measure: 'outbuilding' } });
    await at(actor, 'map');
    actor.send({ type: 'SET_FOOTPRINTS', footprints: [bowTie] });
    expect(actor.getSnapshot().can({ type: 'NEXT' })).toBe(false);
    expect(stepProblems(actor.getSnapshot().context, 'map')).toEqual([{ id: 'geometry.selfIntersecting' }]);
    expect(said(stepProblems(actor.getSnapshot().context, 'map'), 'en')).toEqual([
      'The edges of the shape cross each other.',
    ]);
  });

  it("waits for the signature with BankID's message, and cancelling submits nothing", async () => {
    const { actor, cancelled } = start({
      sign: 'pending',
      draft: { step: 'review', propertyId: properties[0]!.id, measure: 'outbuilding', footprints: [square], details },
    });
    await at(actor, 'review');
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.matches({ signing: 'waiting' }));
    expect(actor.getSnapshot().context.signOrder).toEqual({
      orderRef: 'order-1',
      autoStartToken: 'token-1',
      pollIntervalMs: 2000,
    });
    expect(actor.getSnapshot().context.signMessage).toEqual({ id: 'bankid.userSign' });
    actor.send({ type: 'CANCEL' });
    await at(actor, 'review');
    expect(cancelled).toEqual(['order-1']);
    expect(actor.getSnapshot().context.submitted).toBeUndefined();
  });

  it("goes back to review with BankID's reason when signing fails", async () => {
    const { actor } = start({
      sign: { fail: { id: 'bankid.userCancel' } },
      draft: { step: 'review', propertyId: properties[0]!.id, measure: 'outbuilding', footprints: [square], details },
    });
    await at(actor, 'review');
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.matches({ editing: 'review' }) && Boolean(s.context.error));
    expect(actor.getSnapshot().context.error).toEqual({ id: 'bankid.userCancel' });
  });

  it('tells a returning applicant that an interrupted signature sent nothing, and signs again from there', async () => {
    const { actor, submitted } = start({
      draft: { step: 'review', propertyId: properties[0]!.id, measure: 'outbuilding', footprints: [square], details },
    });
    await at(actor, 'review');
    actor.send({ type: 'SIGN_INTERRUPTED' });
    expect(actor.getSnapshot().context.notice).toEqual({ kind: 'signInterrupted' });
    expect(submitted).toHaveLength(0);
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.status === 'done');
    expect(submitted).toHaveLength(1);
    expect(actor.getSnapshot().context.notice).toBeUndefined();
  });

  it('follows a signature still in progress from an earlier visit without starting another', async () => {
    const { actor, submitted } = start({
      draft: { step: 'review', propertyId: properties[0]!.id, measure: 'outbuilding', footprints: [square], details },
    });
    await at(actor, 'review');
    actor.send({
      type: 'RESUME_SIGNING',
      order: { orderRef: 'earlier', autoStartToken: 'token-0', pollIntervalMs: 2000 },
    });
    await waitFor(actor, (s) => s.status === 'done');
    expect(submitted).toHaveLength(0);
    expect(actor.getSnapshot().context.submitted?.diaryNumber).toBe('BN 2026-000001');
  });

  it('keeps everything and says why when submission fails', async () => {
    const { actor } = start({
      draft: { step: 'review', propertyId: properties[0]!.id, measure: 'outbuilding', footprints: [square], details },
      submit: async () => {
        // As the app's ApiError carries a server answer: the id to render by, the Swedish words as a fallback.
        throw Object.assign(new Error('Byggnaden ligger utanför fastighetsgränsen.'), {
          messageId: 'finding.OUTSIDE_PROPERTY',
        });
      },
    });
    await at(actor, 'review');
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (s) => s.matches({ editing: 'review' }) && Boolean(s.context.error));
    const { context } = actor.getSnapshot();
    expect(context.error).toEqual({
      id: 'finding.OUTSIDE_PROPERTY',
      text: 'Byggnaden ligger utanför fastighetsgränsen.',
    });
    expect(context.footprints).toEqual([square]);
    expect(toSubmission(context)).not.toBeNull();
  });

  it('resumes a draft at its step, but starts over when the property is no longer owned', async () => {
    const resumed = start({
      draft: {
        step: 'details',
        propertyId: properties[0]!.id,
        measure: 'carport',
        footprints: [square],
        details: { description: 'Carport' },
      },
    });
    await at(resumed.actor, 'details');
    expect(resumed.actor.getSnapshot().context.details.description).toBe('Carport');

    const sold = start({
      draft: { step: 'details', propertyId: '44444444-4444-4444-8444-444444444444', footprints: [square] },
    });
    await at(sold.actor, 'chooseProperty');
    expect(sold.actor.getSnapshot().context.footprints).toEqual([]);
    expect(sold.actor.getSnapshot().context.notice).toEqual({ kind: 'propertyNotOwned' });
    expect(resumed.actor.getSnapshot().context.notice).toBeUndefined();
    sold.actor.send({ type: 'DISMISS_NOTICE' });
    expect(sold.actor.getSnapshot().context.notice).toBeUndefined();
  });

  it('asks for no properties the page already has', async () => {
    let calls = 0;
    const machine = applicationMachine.provide({
      actors: {
        loadProperties: fromPromise(async () => {
          calls += 1;
          return properties;
        }),
        saveDraft: fromPromise(async () => ({ updatedAt: '2026-11-23T10:00:00.000Z' })),
      },
    });
    const draft = {
      id: '22222222-2222-4222-8222-222222222222',
      updatedAt: '2026-11-22T10:00:00Z',
      data: { step: 'map', propertyId: properties[0]!.id, measure: 'outbuilding' as const, footprints: [square] },
    };
    const actor = createActor(machine, { input: { draftId: draft.id, draft, properties } });
    expect(actor.getSnapshot().matches({ editing: 'map' })).toBe(true);
    actor.start();
    await waitFor(actor, (s) => s.context.savedAt !== undefined);
    expect(calls).toBe(0);
    // Without them, it asks.
    const asking = createActor(machine, { input: { draftId: draft.id, draft } }).start();
    await waitFor(asking, (s) => s.matches({ editing: 'map' }));
    expect(calls).toBe(1);
  });

  it('offers a retry when the properties cannot be fetched', async () => {
    let calls = 0;
    const { actor } = start({
      load: async () => {
        calls += 1;
        if (calls === 1) throw new Error('network');
        return properties;
      },
    });
    await waitFor(actor, (s) => s.matches('loadFailed'));
    actor.send({ type: 'RETRY' });
    await at(actor, 'chooseProperty');
    expect(actor.getSnapshot().context.properties).toEqual(properties);
  });

  it('lets the review step jump back to any step and clears a drawing when the property changes', async () => {
    const { actor } = start({
      draft: { step: 'review', propertyId: properties[0]!.id, measure: 'outbuilding', footprints: [square], details },
    });
    await at(actor, 'review');
    actor.send({ type: 'EDIT_STEP', step: 'measure' });
    await at(actor, 'measure');
    actor.send({ type: 'SELECT_MEASURE', measure: 'carport' });
    expect(actor.getSnapshot().context.footprints[0]!.measure).toBe('carport');
    actor.send({ type: 'SELECT_PROPERTY', propertyId: '55555555-5555-4555-8555-555555555555' });
    expect(actor.getSnapshot().context.footprints).toEqual([]);
  });

  describe('as a pure function (no actors run)', () => {
    const base: WizardContext = {
      properties,
      propertyId: properties[0]!.id,
      measure: 'outbuilding',
      footprints: [],
      details: {},
      draftId: '33333333-3333-4333-8333-333333333333',
      submitted: undefined,
      error: undefined,
      resumeStep: undefined,
      signOrder: undefined,
      signMessage: undefined,
      site: null,
      attachments: [],
      consents: [],
      savedAt: undefined,
      notice: undefined,
      resumedVerdict: undefined,
      today: '2026-11-23',
    };
    const onMap = (footprints: Footprint[]) =>
      applicationMachine.resolveState({ value: { editing: 'map' }, context: { ...base, footprints } });

    it('starts by loading the properties', () => {
      const [snapshot] = initialTransition(applicationMachine, { draftId: base.draftId });
      expect(snapshot.value).toBe('loadingProperties');
      expect(snapshot.context.footprints).toEqual([]);
    });

    it('starts at the draft’s step when the page already has the properties, or over if it is no longer owned', () => {
      const draft = (propertyId: string) => ({
        id: '22222222-2222-4222-8222-222222222222',
        updatedAt: '2026-11-22T10:00:00Z',
        data: { step: 'map', propertyId, measure: 'outbuilding' as const, footprints: [square] },
      });
      const [resumed, actions] = initialTransition(applicationMachine, {
        draftId: base.draftId,
        draft: draft(properties[0]!.id),
        properties,
      });
      expect(resumed.value).toEqual({ editing: 'map' });
      expect(resumed.context.resumeStep).toBeUndefined();
      expect(actions.filter((a) => a.type === 'xstate.spawnChild').map((a) => a.params?.src)).toContain('saveDraft');
      const [sold] = initialTransition(applicationMachine, {
        draftId: base.draftId,
        draft: draft('44444444-4444-4444-8444-444444444444'),
        properties,
      });
      expect(sold.value).toEqual({ editing: 'chooseProperty' });
      expect(sold.context.notice).toEqual({ kind: 'propertyNotOwned' });
      expect(sold.context.footprints).toEqual([]);
    });

    it('keeps the map step until the footprint is a valid polygon', () => {
      const [empty] = transition(applicationMachine, onMap([]), { type: 'NEXT' });
      expect(empty.value).toEqual({ editing: 'map' });
      const [bow] = transition(applicationMachine, onMap([bowTie]), { type: 'NEXT' });
      expect(bow.value).toEqual({ editing: 'map' });
      const [ok] = transition(applicationMachine, onMap([square]), { type: 'NEXT' });
      expect(ok.value).toEqual({ editing: 'details' });
    });

    it('turns a drawing from the map into the footprints it will submit', () => {
      const [drawn] = transition(applicationMachine, onMap([]), { type: 'SET_FOOTPRINTS', footprints: [square] });
      expect(drawn.context.footprints).toEqual([square]);
      expect(drawn.can({ type: 'NEXT' })).toBe(true);
    });

    it('will not submit from review while anything is missing', () => {
      const review = applicationMachine.resolveState({
        value: { editing: 'review' },
        context: { ...base, footprints: [square], details: { description: 'kort' } },
      });
      expect(review.can({ type: 'SUBMIT' })).toBe(false);
      expect(stepProblems(review.context, 'review')).toEqual([
        { id: 'form.description.tooShort' },
        { id: 'form.ridgeHeight.required' },
        { id: 'form.plannedStart.invalid' },
      ]);
      expect(said(stepProblems(review.context, 'review'))).toEqual([
        'Beskriv vad du vill bygga med minst 10 tecken.',
        'Ange nockhöjden i meter.',
        'Ange ett datum (ÅÅÅÅ-MM-DD).',
      ]);
      expect(toSubmission(review.context)).toBeNull();
    });

    // The plot around the test squares: 50 × 50 m outside any plan, a house in the middle.
    const ring = (e0: number, n0: number, e1: number, n1: number): [number, number][] => [
      [e0, n0],
      [e1, n0],
      [e1, n1],
      [e0, n1],
      [e0, n0],
    ];
    const site: Site = {
      boundary: { type: 'MultiPolygon', coordinates: [[ring(620_050, 6_650_000, 620_100, 6_650_050)]] },
      plotAreaM2: 2500,
      plan: null,
      buildings: [
        {
          footprint: { type: 'Polygon', coordinates: [ring(620_080, 6_650_020, 620_090, 6_650_030)] },
          use: 'bostadshus',
          legalBasis: 'permit',
          heightM: 6,
        },
      ],
      neighbours: [],
      water: [],
    };
    const file = (type: AttachmentInfo['type'], i: number): AttachmentInfo => ({
      id: `00000000-0000-4000-8000-00000000000${i}`,
      type,
      neighbourPropertyId: null,
      fileName: `${type}.pdf`,
      contentType: 'application/pdf',
      size: 1000,
      generated: false,
      createdAt: '2026-11-23T10:00:00+01:00',
    });
    const drawings = [file('SITU', 1), file('PLA', 2), file('FAS', 3)];
    const atStep = (
      step: 'attachments' | 'review',
      footprints: Footprint[],
      withSite: Site | null = site,
      attachments: AttachmentInfo[] = drawings,
    ) =>
      applicationMachine.resolveState({
        value: { editing: step },
        context: { ...base, footprints, details, site: withSite, attachments },
      });
    const atReview = (footprints: Footprint[], withSite: Site | null = site) => atStep('review', footprints, withSite);

    it('asks for a way to reach the applicant on the details step, as the rules say', () => {
      const onDetails = applicationMachine.resolveState({
        value: { editing: 'details' },
        context: { ...base, footprints: [square], details: { ...details, email: '' } },
      });
      expect(stepProblems(onDetails.context, 'details').map((p) => p.id)).toEqual(['finding.MISSING_CONTACT']);
      expect(said(stepProblems(onDetails.context, 'details'))).toEqual([
        'Ange e-post eller telefonnummer så att vi kan nå dig.',
      ]);
      expect(onDetails.can({ type: 'NEXT' })).toBe(false);
    });

    it('submits a permit measure the rules engine finds complete', () => {
      const garage: Footprint = {
        ...square,
        geometry: { type: 'Polygon', coordinates: [ring(620_060, 6_650_005, 620_068, 6_650_012)] },
      }; // 56 m² > 50
      expect(stepProblems(atReview([garage]).context, 'review')).toEqual([]);
      expect(atReview([garage]).can({ type: 'SUBMIT' })).toBe(true);
    });

    it('keeps the attachments step until the drawings the verdict asks for are attached', () => {
      const garage: Footprint = {
        ...square,
        geometry: { type: 'Polygon', coordinates: [ring(620_060, 6_650_005, 620_068, 6_650_012)] },
      };
      const missing = atStep('attachments', [garage], site, [file('PLA', 2)]);
      expect(said(stepProblems(missing.context, 'attachments'))).toEqual([
        'Bifoga situationsplan.',
        'Bifoga fasadritning.',
      ]);
      expect(said(stepProblems(missing.context, 'attachments'), 'en')).toEqual([
        'Attach a site plan.',
        'Attach a elevation drawing.',
      ]);
      expect(missing.can({ type: 'NEXT' })).toBe(false);
      expect(atStep('attachments', [garage]).can({ type: 'NEXT' })).toBe(true);
      // A shed that needs no permit asks for no drawings.
      const small: Footprint = {
        ...square,
        geometry: { type: 'Polygon', coordinates: [ring(620_070, 6_650_020, 620_074, 6_650_024)] },
      };
      expect(atStep('attachments', [small], site, []).can({ type: 'NEXT' })).toBe(true);
    });

    it('will not submit what needs neither permit nor notification', () => {
      const small: Footprint = {
        ...square,
        geometry: { type: 'Polygon', coordinates: [ring(620_070, 6_650_020, 620_074, 6_650_024)] },
      };
      const review = atReview([small]);
      expect(stepProblems(review.context, 'review').map((p) => p.id)).toEqual(['finding.NOTHING_TO_APPLY_FOR']);
      expect(review.can({ type: 'SUBMIT' })).toBe(false);
    });

    it('asks for the situationsplan to be drawn from the map unless the applicant attached their own', () => {
      const garage: Footprint = {
        ...square,
        geometry: { type: 'Polygon', coordinates: [ring(620_060, 6_650_005, 620_068, 6_650_012)] },
      };
      expect(needsSitePlan(atStep('attachments', [garage], site, []).context)).toBe(true);
      expect(
        needsSitePlan(atStep('attachments', [garage], site, [{ ...file('SITU', 1), generated: true }]).context),
      ).toBe(true);
      expect(needsSitePlan(atStep('attachments', [garage]).context)).toBe(false); // their own plan
      expect(needsSitePlan(atStep('attachments', [garage], null, []).context)).toBe(false); // no verdict yet
      const small: Footprint = {
        ...square,
        geometry: { type: 'Polygon', coordinates: [ring(620_070, 6_650_020, 620_074, 6_650_024)] },
      };
      expect(needsSitePlan(atStep('attachments', [small], site, []).context)).toBe(false); // nothing to apply for
    });

    it('goes back to any earlier step, and forward only past finished steps (browser back/forward)', () => {
      const garage: Footprint = {
        ...square,
        geometry: { type: 'Polygon', coordinates: [ring(620_060, 6_650_005, 620_068, 6_650_012)] },
      };
      const review = atReview([garage]);
      const [map] = transition(applicationMachine, review, { type: 'GO_TO_STEP', step: 'map' });
      expect(map.value).toEqual({ editing: 'map' });
      const [forward] = transition(applicationMachine, map, { type: 'GO_TO_STEP', step: 'review' });
      expect(forward.value).toEqual({ editing: 'review' });
      const empty = applicationMachine.resolveState({
        value: { editing: 'measure' },
        context: { ...base, footprints: [] },
      });
      const [refused] = transition(applicationMachine, empty, { type: 'GO_TO_STEP', step: 'details' });
      expect(refused.value).toEqual({ editing: 'measure' }); // nothing drawn: the map step is not done
      expect(stepFromSlug(stepSlugs.attachments)).toBe('attachments');
      expect(stepFromSlug('okänd')).toBeUndefined();
    });

    it('points out a verdict that changed with the rules since the draft was saved', () => {
      // A 20 m² shed with a 3.5 m ridge: a notification under the 2020 rules, nothing at all after the reform.
      const shed: Footprint = {
        ...square,
        geometry: { type: 'Polygon', coordinates: [ring(620_070, 6_650_020, 620_075, 6_650_024)] },
      };
      const saved = applicationMachine.resolveState({
        value: { editing: 'map' },
        context: {
          ...base,
          footprints: [shed],
          details: { ridgeHeightM: 3.5 },
          resumedVerdict: { ruleSetId: 'pbl-2020-08-01', outcome: 'notification' },
        },
      });
      const [after] = transition(applicationMachine, saved, { type: 'SET_SITE', propertyId: base.propertyId!, site });
      expect(after.context.notice).toEqual({
        kind: 'rulesChanged',
        before: 'notification',
        after: 'none',
        ruleSet: ruleSetFor('2026-11-23')!.name,
      });
      expect(after.context.resumedVerdict).toBeUndefined();
      // Saved under today's rules: nothing to say.
      const same = applicationMachine.resolveState({
        value: { editing: 'map' },
        context: { ...base, footprints: [shed], resumedVerdict: { ruleSetId: 'pbl-2025-12-01', outcome: 'none' } },
      });
      expect(
        transition(applicationMachine, same, { type: 'SET_SITE', propertyId: base.propertyId!, site })[0].context
          .notice,
      ).toBeUndefined();
      // What the draft remembers, for the next resume.
      expect(toDraftData({ ...after.context }, 'map')).toMatchObject({ ruleSetId: 'pbl-2025-12-01', outcome: 'none' });
    });

    it.each([
      ['measure', 'chooseProperty'],
      ['map', 'measure'],
      ['details', 'map'],
      ['attachments', 'details'],
      ['review', 'attachments'],
    ] as const)('BACK from %s goes to %s, always', (from, to) => {
      const state = applicationMachine.resolveState({ value: { editing: from }, context: { ...base } });
      expect(transition(applicationMachine, state, { type: 'BACK' })[0].value).toEqual({ editing: to });
    });

    it.each(['chooseProperty', 'measure', 'map', 'details', 'attachments'] as const)(
      'the review step’s change link opens %s',
      (step) => {
        const garage: Footprint = {
          ...square,
          geometry: { type: 'Polygon', coordinates: [ring(620_060, 6_650_005, 620_068, 6_650_012)] },
        };
        expect(transition(applicationMachine, atReview([garage]), { type: 'EDIT_STEP', step })[0].value).toEqual({
          editing: step,
        });
      },
    );

    it('NEXT on a step that is not done stays, on every step', () => {
      for (const step of ['chooseProperty', 'measure', 'map', 'details'] as const) {
        const empty = applicationMachine.resolveState({
          value: { editing: step },
          context: { ...base, propertyId: undefined, measure: undefined },
        });
        expect(transition(applicationMachine, empty, { type: 'NEXT' })[0].value).toEqual({ editing: step });
      }
    });

    it('takes the site only for the property still chosen', () => {
      const [stale] = transition(applicationMachine, atReview([square], null), {
        type: 'SET_SITE',
        propertyId: '99999999-9999-4999-8999-999999999999',
        site,
      });
      expect(stale.context.site).toBeNull();
      const [fresh] = transition(applicationMachine, atReview([square], null), {
        type: 'SET_SITE',
        propertyId: base.propertyId!,
        site,
      });
      expect(fresh.context.site).toBe(site);
    });
  });
});

/** Squares in SWEREF 99 TM metres near Kjellstavik, (e, n) from a corner. */
const E = 620_000;
const N = 6_650_000;
const plotSquare = (e: number, n: number, w: number, d: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [E + e, N + n],
      [E + e + w, N + n],
      [E + e + w, N + n + d],
      [E + e, N + n + d],
      [E + e, N + n],
    ] as [number, number][],
  ],
});
const plotMulti = (p: ReturnType<typeof plotSquare>) => ({
  type: 'MultiPolygon' as const,
  coordinates: [p.coordinates],
});

describe('a neighbour’s consent signed with BankID', () => {
  const neighbourId = '44444444-4444-4444-8444-444444444444';
  const site: Site = {
    boundary: plotMulti(plotSquare(0, 0, 30, 40)),
    plotAreaM2: 1200,
    plan: null,
    buildings: [{ footprint: plotSquare(10, 25, 10, 10), use: 'bostadshus', legalBasis: 'permit', heightM: 6 }],
    neighbours: [{ id: neighbourId, designation: 'Granne 1:1', boundary: plotMulti(plotSquare(-30, 0, 30, 40)) }],
    water: [],
  };
  // A komplementbostadshus 2 m from the neighbour: notified, so the consent is asked for before sending.
  const stuga = (de = 0) => ({
    id: 'stuga',
    measure: 'smallDwelling' as const,
    geometry: plotSquare(2 + de, 10, 4, 5),
  });
  const context = (de: number, consents: ConsentInvitation[]) => ({
    propertyId: '55555555-5555-4555-8555-555555555555',
    measure: 'smallDwelling' as const,
    footprints: [stuga(de)],
    details: { ridgeHeightM: 4 },
    site,
    today: '2026-11-23',
    attachments: [],
    consents,
  });
  const signed = consentSubject({
    measure: 'smallDwelling',
    footprints: [stuga().geometry],
    ridgeHeightM: 4,
    neighbourBoundary: site.neighbours[0]!.boundary,
  });
  const invitation = (subject: typeof signed | null): ConsentInvitation => ({
    id: '66666666-6666-4666-8666-666666666666',
    neighbourPropertyId: neighbourId,
    designation: 'Granne 1:1',
    createdAt: '2026-11-23T09:00:00.000Z',
    expiresAt: '2026-12-23T09:00:00.000Z',
    owners: [
      { name: 'A', state: 'consented', reason: null, answeredAt: '2026-11-23T10:00:00.000Z', subject: signed },
      { name: 'B', state: subject ? 'consented' : 'invited', reason: null, answeredAt: null, subject },
    ],
  });
  const missingConsent = (c: ReturnType<typeof context>) =>
    evaluate(c).missing.some((m) => m.code === 'MISSING_NEIGHBOUR_CONSENT');

  it('counts once every owner signed for the drawing as it is, and no longer once it moved a metre', () => {
    expect(evaluate(context(0, [])).assessment?.outcome).toBe('notification');
    expect(missingConsent(context(0, []))).toBe(true);
    expect(missingConsent(context(0, [invitation(null)]))).toBe(true);
    expect(missingConsent(context(0, [invitation(signed)]))).toBe(false);
    expect(missingConsent(context(0.2, [invitation(signed)]))).toBe(false); // 0.2 m further away: the same shed
    expect(missingConsent(context(-0.2, [invitation(signed)]))).toBe(true); // 0.2 m closer: a new question
    expect(missingConsent(context(-1, [invitation(signed)]))).toBe(true);
  });
});

describe('evaluate: the same parts, the same verdict', () => {
  const site: Site = {
    boundary: plotMulti(plotSquare(0, 0, 30, 40)),
    plotAreaM2: 1200,
    plan: null,
    buildings: [],
    neighbours: [],
    water: [],
  };
  const base = {
    propertyId: '55555555-5555-4555-8555-555555555555',
    measure: 'outbuilding' as const,
    footprints: [{ id: 'a', measure: 'outbuilding' as const, geometry: plotSquare(10, 10, 5, 5) }],
    details: {},
    site,
    today: '2026-11-23',
    attachments: [],
  };

  it('answers a context with the same parts from memory, and one with a new part anew', () => {
    const first = evaluate(base);
    expect(evaluate({ ...base })).toBe(first);
    // A moved building is a new array of footprints: judged again, and judged by what it now is.
    const bigger = { ...base, footprints: [{ ...base.footprints[0]!, geometry: plotSquare(10, 10, 8, 8) }] };
    const second = evaluate(bigger);
    expect(second).not.toEqual(first);
    // The earlier context is still remembered, and equal parts that are other objects are judged again.
    expect(evaluate(base)).toBe(first);
    const copy = evaluate({ ...base, footprints: structuredClone(base.footprints) });
    expect(copy).not.toBe(first);
    expect(copy).toEqual(first);
  });
});
