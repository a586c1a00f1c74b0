import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import {
  evaluate,
  stepFromSlug,
  stepProblems,
  stepSlugs,
  toDraftData,
  wizardSteps,
  type WizardContext,
  type WizardEvent,
  type WizardStep,
} from '@lovisa/wizard';
import {
  kontrollansvarigRequired,
  requiredAttachments,
  ruleSetFor,
  type ApplicationDetails,
  type ConsentInvitation,
  type Draft,
  type Evaluation,
  type Footprint,
  type MyProperty,
} from '@lovisa/domain';
import { polygonArea } from '@lovisa/geo';
import { useSiteLoader } from '../rules/useSite';
import { navigate, useLocation } from '../../router';
import { ApiError, api } from '../../api/client';
import { arrivedWizardAnswers } from '../../api/early';
import { PageTitle, Status } from '../../components/Layout';
import { useApi } from '../../useApi';
import { useI18n } from '../../i18n/i18n';
import { PropertyStep } from './PropertyStep';
import { MeasureStep } from './MeasureStep';
import { forgetSigning, signingOf } from './signingMarker';
import { browserWizardMachine } from './wizardMachine';
import { useMachineInTransitions } from './useMachineInTransitions';
import { consentApi } from '../consent/consentApi';
import { useSession } from '../../session';
import { formatDate, formatTime } from '../../format';
import { afterPaint } from '../../afterPaint';

/**
 * The map step's chunks, once the step's intro has been painted: on a slow network the map's libraries would
 * otherwise share the bandwidth with the texts and data the intro waits for (its LCP; docs/performance.md,
 * session 10). Then Leaflet is evaluated first, in a task of its own, and (after a yield) the step with the rest
 * of the map's code, so a phone's main thread is not held by all of it at once (session 9).
 */
let mapStepChunk: Promise<typeof import('./MapStep')> | undefined;
const loadMapStep = () =>
  (mapStepChunk ??= afterPaint()
    .then(() => import('leaflet'))
    .then(() => new Promise((resolve) => setTimeout(resolve)))
    .then(() => import('./MapStep')));
const MapStep = lazy(loadMapStep);
// The neighbours' consents show once a building is drawn: not part of the wizard's first step.
const NeighbourConsents = lazy(() =>
  import('../consent/NeighbourConsents').then((m) => ({ default: m.NeighbourConsents })),
);
// The forms library comes with the details step, not with the first screens an old phone has to load.
const DetailsStep = lazy(() => import('./DetailsStep').then((m) => ({ default: m.DetailsStep })));
// Attachments, review, signing and the receipt likewise: fetched from the details step on (see below).
const laterSteps = () => import('./laterSteps');
const AttachmentsStep = lazy(() => laterSteps().then((m) => ({ default: m.AttachmentsStep })));
const ReviewStep = lazy(() => laterSteps().then((m) => ({ default: m.ReviewStep })));
const SigningView = lazy(() => laterSteps().then((m) => ({ default: m.SigningView })));
const Receipt = lazy(() => laterSteps().then((m) => ({ default: m.Receipt })));

/**
 * Each step has its own address (/ansokan/karta …): the machine's step is written to the address bar, and the
 * browser's back and forward are sent to the machine, which goes only where every earlier step is done.
 */
function useStepAddress(
  step: WizardStep | undefined,
  goTo: (s: WizardStep) => void,
  machineStep: () => WizardStep | undefined,
) {
  const { path } = useLocation();
  const urlStep = stepFromSlug(path.split('/')[2]);
  const written = useRef<WizardStep | undefined>(undefined);
  useEffect(() => {
    const addressStep = stepFromSlug(window.location.pathname.split('/')[2]);
    if (!step || step === addressStep) {
      written.current = step;
      return;
    }
    // The browser's back or forward has moved the address since this render (the machine's step is rendered in
    // a transition, useMachineInTransitions): the machine hears of it first (below), and its step is written then.
    if (addressStep !== urlStep && written.current !== undefined) return;
    // The first address of a visit replaces /ansokan; every step after that is a page of the history.
    navigate(`/ansokan/${stepSlugs[step]}`, { replace: written.current === undefined });
    written.current = step;
    // The machine's step moving is what writes the address; a new address is the machine's to hear (below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);
  useEffect(() => {
    if (!urlStep || !written.current || urlStep === written.current) return;
    goTo(urlStep);
    const now = machineStep();
    // Not reachable yet: the address goes back to where the applicant is.
    if (now && now !== urlStep) navigate(`/ansokan/${stepSlugs[now]}`, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [urlStep]);
}

/**
 * On coming back to a draft at its review step: if this browser started a signature for it that it never saw
 * end, ask once what became of it. Still pending (or already signed) carries on in the signing view; ended or
 * unknown to the server tells the applicant that nothing was sent and offers to sign again.
 */
function useInterruptedSigning(draftId: string, atReview: boolean, send: (event: WizardEvent) => void) {
  const asked = useRef(false);
  useEffect(() => {
    if (!atReview || asked.current) return;
    asked.current = true;
    const order = signingOf(draftId);
    if (!order) return;
    api.signCollect(order.orderRef).then(
      (r) => {
        if (r.status === 'failed') {
          forgetSigning(order.orderRef);
          send({ type: 'SIGN_INTERRUPTED' });
        } else send({ type: 'RESUME_SIGNING', order });
      },
      (e: unknown) => {
        // Unknown to the server (BankID forgot it, or it was cleared away): it never became a case.
        if (e instanceof ApiError && e.status < 500) {
          forgetSigning(order.orderRef);
          send({ type: 'SIGN_INTERRUPTED' });
        }
      },
    );
  }, [draftId, atReview, send]);
}

export default function WizardPage() {
  // What the entry asked for early and has already come: the first render is the applicant's step.
  const [arrived] = useState(arrivedWizardAnswers);
  const { data: drafts, error } = useApi(() => api.drafts(), [], arrived.drafts ? { initial: arrived.drafts } : {});
  // Read once: the step addresses that follow drop the query, and the chosen draft must stay chosen.
  const [wanted] = useState(() => new URLSearchParams(window.location.search));
  const { t } = useI18n();
  if (error)
    return (
      <div className="page">
        <Status tone="error">{error}</Status>
      </div>
    );
  if (!drafts) return <p className="page">{t('common.loading')}</p>;
  // ?utkast=<id> resumes that draft (from Mina ärenden), ?ny starts afresh; otherwise the newest goes on.
  const chosen = wanted.has('ny') ? undefined : drafts.find((d) => d.id === wanted.get('utkast'));
  const draft = wanted.has('ny') ? undefined : (chosen ?? drafts[0]);
  // Dropped back into the newest draft without asking: say so, and offer a fresh start.
  return <Wizard draft={draft} properties={arrived.myProperties} resumedSilently={!!draft && !chosen} />;
}

/** The machine with the browser's I/O, and what the page keeps in step with it: site, files, signing, address. */
function useWizard(draft: Draft | undefined, properties: MyProperty[] | undefined) {
  const machine = useMemo(() => browserWizardMachine(), []);
  // A new application gets its draft id once; the machine keeps it (or the resumed draft's) from then on.
  const [newDraftId] = useState(() => crypto.randomUUID());
  const {
    snapshot: state,
    send,
    sendInBackground,
    actor,
  } = useMachineInTransitions(machine, {
    input: { draftId: newDraftId, ...(draft ? { draft } : {}), ...(properties ? { properties } : {}) },
  });
  useSiteLoader(
    state.context.propertyId,
    (propertyId, site) => sendInBackground({ type: 'SET_SITE', propertyId, site }),
    { afterPaint: true },
  );
  const { propertyId, measure, footprints, details, site, today, attachments, draftId } = state.context;
  // The same verdict the server will reach, recomputed as the applicant draws and types.
  const evaluation = useMemo(
    () => evaluate({ propertyId, measure, footprints, details, site, today, attachments }),
    [propertyId, measure, footprints, details, site, today, attachments],
  );
  // A resumed draft's files and its neighbours' answers are on the server (a new draft has none, and no row there
  // yet). Asked for once the step has been painted, and sent to the machine together: one render, not two, on a
  // phone's busy main thread (docs/performance.md, session 10).
  useEffect(() => {
    let live = true;
    void afterPaint()
      .then(() =>
        Promise.all([api.attachments(draftId).catch(() => null), consentApi.invitations(draftId).catch(() => null)]),
      )
      .then(([attachments, consents]) => {
        if (!live) return;
        if (attachments) sendInBackground({ type: 'SET_ATTACHMENTS', attachments });
        if (consents) sendInBackground({ type: 'SET_CONSENTS', consents });
      });
    return () => {
      live = false;
    };
  }, [draftId, sendInBackground]);
  useConsents(draftId, state.context.consents, sendInBackground);
  useInterruptedSigning(draftId, state.matches({ editing: 'review' }), sendInBackground);
  const step = wizardSteps.find((s) => state.matches({ editing: s }));
  useStepAddress(
    step,
    (s) => send({ type: 'GO_TO_STEP', step: s }),
    () => wizardSteps.find((s) => actor.getSnapshot().matches({ editing: s })),
  );
  // A new step starts at the top, as a new page would: "Nästa" sits at the foot of a long step, and the map step's
  // map must be on the first screen of a phone. (Its h1 takes focus first, which scrolls it into view.)
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [step]);
  // From the details step on, the later steps' chunk is fetched ahead, so "Next" does not wait for it.
  const laterAhead = step !== undefined && wizardSteps.indexOf(step) >= wizardSteps.indexOf('details');
  useEffect(() => {
    if (laterAhead) void laterSteps().catch(() => {});
  }, [laterAhead]);
  return { state, send, actor, evaluation, step };
}

/** How often the wizard asks for the neighbours' answers while one is still awaited (they answer elsewhere). */
const CONSENT_POLL_MS = 4000;

/** The neighbours' answers again, every few seconds, while an owner has not answered (the first come with the draft). */
function useConsents(draftId: string, invitations: ConsentInvitation[], send: (e: WizardEvent) => void) {
  const waiting = invitations.some((i) => i.owners.some((o) => o.state === 'invited'));
  useEffect(() => {
    if (!waiting) return;
    let live = true;
    const timer = window.setInterval(
      () =>
        void consentApi.invitations(draftId).then(
          (list) => live && send({ type: 'SET_CONSENTS', consents: list }),
          () => {},
        ),
      CONSENT_POLL_MS,
    );
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [draftId, waiting, send]);
}

/** The neighbours' consents in the verdict and, where the applicant acts on them, the invitations. */
function consentProps(context: WizardContext, evaluation: Evaluation) {
  return {
    consentFrom: evaluation.assessment?.consentFrom ?? [],
    invitations: context.consents,
    drawing: { measure: context.measure, footprints: context.footprints, ridgeHeightM: context.details.ridgeHeightM },
    site: context.site,
  };
}

function Consents({
  step,
  context,
  evaluation,
  send,
}: {
  /** The step the applicant is on, saved with the drawing. */
  step: WizardStep;
  context: WizardContext;
  evaluation: Evaluation;
  send: (e: WizardEvent) => void;
}) {
  const { session } = useSession();
  return (
    <Suspense fallback={null}>
      <NeighbourConsents
        {...consentProps(context, evaluation)}
        draftId={context.draftId}
        applicantName={session?.user?.name ?? ''}
        siteDesignation={context.properties.find((p) => p.id === context.propertyId)?.designation ?? ''}
        onChange={(consents) => send({ type: 'SET_CONSENTS', consents })}
        // The invitation is for the drawing as the server has it: saved now, not at the next autosave.
        beforeInvite={() => api.saveDraft(context.draftId, toDraftData(context, step)).then(() => {})}
      />
    </Suspense>
  );
}

/** How many times Next was pressed on a step that is not done: each press shows (and focuses) the reasons. */
function useProblemAttempts() {
  const [attempts, setAttempts] = useState(0);
  const focusedAttempt = useRef(0);
  const setShowProblems = (show: boolean) => {
    if (!show) focusedAttempt.current = 0;
    setAttempts((n) => (show ? n + 1 : 0));
  };
  return { attempts, showProblems: attempts > 0, focusedAttempt, setShowProblems };
}

function Wizard({
  draft,
  properties,
  resumedSilently,
}: {
  draft: Draft | undefined;
  properties: MyProperty[] | undefined;
  resumedSilently: boolean;
}) {
  const { state, send, actor, evaluation, step } = useWizard(draft, properties);
  const { attempts, showProblems, focusedAttempt, setShowProblems } = useProblemAttempts();
  const { t, lang } = useI18n();
  const { context } = state;
  // Said on the step the applicant came back to; once they move on, they know where they are.
  // The step is known once the machine has loaded the properties.
  // Kept while rendering, not in an effect: the note is in the step's first paint instead of pushing the step
  // down a frame later (a layout shift of the whole map step on a slow phone; docs/performance.md, session 9).
  const [resumedOn, setResumedOn] = useState<string | null>(resumedSilently ? 'pending' : null);
  if (step && resumedOn === 'pending') setResumedOn(step);
  else if (step && resumedOn && resumedOn !== 'pending' && step !== resumedOn) setResumedOn(null);

  if (state.matches('submitted') && context.submitted) {
    return (
      <Suspense fallback={<p className="page">{t('common.loading')}</p>}>
        <Receipt summary={context.submitted} />
      </Suspense>
    );
  }
  if (state.matches('signing')) {
    return (
      <Suspense fallback={<p className="page">{t('common.loading')}</p>}>
        <SigningView
          order={context.signOrder}
          message={context.signMessage}
          onCancel={() => send({ type: 'CANCEL' })}
        />
      </Suspense>
    );
  }
  if (state.matches('loadingProperties')) return <p className="page">{t('wizard.loadingProperties')}</p>;
  if (state.matches('loadFailed')) {
    return (
      <div className="page">
        <Status tone="error">{context.error}</Status>
        <button type="button" className="button" onClick={() => send({ type: 'RETRY' })}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  const current = step ?? 'review';
  const problems = stepProblems(context, current);
  const next = () => {
    // The machine's own snapshot: the rendered one may be a transition behind (useMachineInTransitions).
    if (actor.getSnapshot().can({ type: 'NEXT' })) {
      setShowProblems(false);
      send({ type: 'NEXT' });
    } else setShowProblems(true);
  };
  const back = () => {
    setShowProblems(false);
    send({ type: 'BACK' });
  };
  const detailsDone = (details: ApplicationDetails) => {
    send({ type: 'SET_DETAILS', details });
    // What the rules still miss (a way to reach the applicant, say) shows above the form.
    const ok = actor.getSnapshot().can({ type: 'NEXT' });
    setShowProblems(!ok);
    if (ok) send({ type: 'NEXT' });
  };

  return (
    <div className="page wizard">
      {/* "Sparat 14:02" beside the steps: on a phone they share one line, and the map starts higher. */}
      <div className="wizard__top">
        <StepList current={current} />
        <p className="saved-status" aria-live="polite">
          {context.savedAt && t('wizard.saved', { time: formatTime(context.savedAt) })}
        </p>
      </div>
      <PageTitle key={current}>
        <span className="visually-hidden">
          {t('wizard.stepOf', { n: wizardSteps.indexOf(current) + 1, total: wizardSteps.length })}
        </span>
        {t(`wizard.step.${current}`)}
      </PageTitle>
      {resumedOn && resumedOn === current && draft && (
        <div className="status status--info continuing">
          <p>{t('resume.continuing', { date: formatDate(draft.updatedAt, lang) })}</p>
          <p>
            {/* A full load: the page starts from nothing, as a new application should. */}
            <a href="/ansokan?ny">{t('resume.startOver')}</a>
          </p>
        </div>
      )}
      {context.notice && <ResumeNotice notice={context.notice} send={send} />}
      {showProblems && problems.length > 0 && (
        <StepProblems key={attempts} attempts={attempts} focusedAttempt={focusedAttempt} problems={problems} />
      )}
      <StepBody
        current={current}
        context={context}
        evaluation={evaluation}
        send={send}
        onBack={back}
        onDetailsDone={detailsDone}
      />
      {current !== 'details' && current !== 'review' && (
        <div className="wizard__nav">
          {current !== 'chooseProperty' && (
            <button type="button" className="button" onClick={back}>
              {t('common.back')}
            </button>
          )}
          <button type="button" className="button button--primary" onClick={next}>
            {t('common.next')}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * The six steps, the current one marked. On a phone (styles.css) only "Steg 3 av 6" shows and the list is kept
 * for screen readers alone; the short line is hidden from them, as the page's h1 starts with the same words.
 */
function StepList({ current }: { current: WizardStep }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('wizard.steps')} className="steps-nav">
      <p className="steps-compact" aria-hidden="true">
        {t('wizard.stepCount', { n: wizardSteps.indexOf(current) + 1, total: wizardSteps.length })}
      </p>
      <ol className="steps">
        {wizardSteps.map((s, i) => (
          <li
            key={s}
            aria-current={s === current ? 'step' : undefined}
            className={s === current ? 'steps__current' : undefined}
          >
            <span className="steps__number">{i + 1}</span> {t(`wizard.step.${s}`)}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** What changed while the applicant was away (rules, ownership, an unfinished signature), and what to do. */
function ResumeNotice({
  notice,
  send,
}: {
  notice: NonNullable<WizardContext['notice']>;
  send: (event: WizardEvent) => void;
}) {
  const { t, label } = useI18n();
  return (
    <div className="status status--warning" role="status">
      <p>
        {notice.kind === 'propertyNotOwned'
          ? t('resume.propertyNotOwned')
          : notice.kind === 'signInterrupted'
            ? t('resume.signInterrupted')
            : t('resume.rulesChanged', {
                ruleSet: label(notice.ruleSet),
                before: t(`resume.outcome.${notice.before ?? 'unknown'}`),
                after: t(`resume.outcome.${notice.after ?? 'unknown'}`),
              })}
      </p>
      {notice.kind === 'signInterrupted' ? (
        <button type="button" className="button button--primary" onClick={() => send({ type: 'SUBMIT' })}>
          {t('resume.signAgain')}
        </button>
      ) : (
        <button type="button" className="button" onClick={() => send({ type: 'DISMISS_NOTICE' })}>
          {t('resume.understood')}
        </button>
      )}
    </div>
  );
}

function StepProblems(props: {
  attempts: number;
  focusedAttempt: RefObject<number>;
  problems: ReturnType<typeof stepProblems>;
}) {
  const { t, msg } = useI18n();
  const { attempts, focusedAttempt } = props;
  return (
    <div
      className="status status--error"
      role="alert"
      tabIndex={-1}
      ref={(el) => {
        // Focus once per press of Next, never again when the list merely comes back while drawing.
        if (el && focusedAttempt.current !== attempts) {
          focusedAttempt.current = attempts;
          el.focus();
        }
      }}
    >
      <p>{t('wizard.beforeYouGoOn')}</p>
      <ul>
        {props.problems.map((p) => (
          <li key={JSON.stringify(p)}>{msg(p)}</li>
        ))}
      </ul>
    </div>
  );
}

/** The current step's own view; the steps after the first two come in their own chunks. */
function StepBody(props: {
  current: WizardStep;
  context: WizardContext;
  evaluation: Evaluation;
  send: (event: WizardEvent) => void;
  onBack(): void;
  onDetailsDone(details: ApplicationDetails): void;
}) {
  const { current, context, evaluation, send } = props;
  const { t } = useI18n();
  // The map step's props stay the same objects while what they show is unchanged, so its memo holds.
  const onFootprints = useCallback((footprints: Footprint[]) => send({ type: 'SET_FOOTPRINTS', footprints }), [send]);
  switch (current) {
    case 'chooseProperty':
      return (
        <PropertyStep
          properties={context.properties}
          selected={context.propertyId}
          onSelect={(propertyId) => send({ type: 'SELECT_PROPERTY', propertyId })}
        />
      );
    case 'measure':
      return (
        <MeasureStep selected={context.measure} onSelect={(measure) => send({ type: 'SELECT_MEASURE', measure })} />
      );
    case 'map':
      if (!context.propertyId || !context.measure) return null;
      return (
        <div className="map-step">
          {/* The intro is here, not in the map's chunk: the page's largest text is there without waiting for the
              map's libraries (Lighthouse's LCP, docs/performance.md). */}
          <MapIntro designation={context.properties.find((p) => p.id === context.propertyId)?.designation} />
          <Suspense fallback={<p className="map-step__loading">{t('wizard.loadingMap')}</p>}>
            <MapStep
              propertyId={context.propertyId}
              measure={context.measure}
              footprints={context.footprints}
              evaluation={context.site ? evaluation : null}
              invitations={context.consents}
              ridgeHeightM={context.details.ridgeHeightM}
              site={context.site}
              onChange={onFootprints}
            />
          </Suspense>
          {context.site && context.footprints.length > 0 && (
            <Consents step="map" context={context} evaluation={evaluation} send={send} />
          )}
        </div>
      );
    case 'details':
      return (
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <DetailsStep
            values={context.details}
            askGrossFloorArea={context.measure === 'extension'}
            onChange={(changed) => send({ type: 'SET_DETAILS', details: changed })}
            askKontrollansvarig={
              context.measure !== undefined &&
              kontrollansvarigRequired(
                context.measure,
                (context.measure === 'extension' ? context.details.grossFloorAreaM2 : undefined) ??
                  context.footprints.reduce((s, f) => s + polygonArea(f.geometry), 0),
                ruleSetFor(context.today)!,
              )
            }
            onBack={props.onBack}
            onDone={props.onDetailsDone}
          />
        </Suspense>
      );
    case 'attachments':
      return (
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <AttachmentsStep
            draftId={context.draftId}
            required={
              evaluation.assessment && context.measure
                ? requiredAttachments(ruleSetFor(context.today)!, evaluation.assessment.outcome, context.measure)
                : null
            }
            consents={evaluation.assessment?.consentFrom ?? []}
            attachments={context.attachments}
            onChange={(list) => send({ type: 'SET_ATTACHMENTS', attachments: list })}
          />
          <Consents step="attachments" context={context} evaluation={evaluation} send={send} />
        </Suspense>
      );
    case 'review':
      return (
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <ReviewStep
            context={context}
            evaluation={context.site ? evaluation : null}
            error={context.error}
            onEdit={(s) => send({ type: 'EDIT_STEP', step: s })}
            onSubmit={() => send({ type: 'SUBMIT' })}
            onBack={props.onBack}
          />
        </Suspense>
      );
  }
}

/** "Rita det du vill bygga på **Kjellstavik Eken 1:23**. …" */
function MapIntro({ designation }: { designation: string | undefined }) {
  const { t } = useI18n();
  const [before, after] = t('map.intro').split('{designation}');
  return (
    <p>
      {before}
      <strong>{designation}</strong>
      {after}
    </p>
  );
}
