import { lazy, Suspense, useMemo, useState } from 'react';
import { useMachine } from '@xstate/react';
import { fromCallback, fromPromise } from 'xstate';
import { applicationMachine, stepProblems, wizardSteps, type SignOrder, type WizardEvent, type WizardStep } from '@lovisa/wizard';
import type { Draft } from '@lovisa/domain';
import { api, ApiError } from '../../api/client';
import { PageTitle, Status } from '../../components/Layout';
import { useApi } from '../../useApi';
import { PropertyStep } from './PropertyStep';
import { MeasureStep } from './MeasureStep';
import { DetailsStep } from './DetailsStep';
import { ReviewStep } from './ReviewStep';
import { Receipt } from './Receipt';
import { SigningView } from './SigningView';

const MapStep = lazy(() => import('./MapStep'));

const stepTitles: Record<WizardStep, string> = {
  chooseProperty: 'Fastighet',
  measure: 'Vad vill du bygga?',
  map: 'Rita på kartan',
  details: 'Uppgifter om byggnaden',
  review: 'Granska och skicka',
};

export default function WizardPage() {
  const { data: drafts, error } = useApi(() => api.drafts(), []);
  if (error) return <div className="page"><Status tone="error">{error}</Status></div>;
  if (!drafts) return <p className="page">Hämtar …</p>;
  return <Wizard draft={drafts[0]} />;
}

function Wizard({ draft }: { draft: Draft | undefined }) {
  const machine = useMemo(
    () =>
      applicationMachine.provide({
        actors: {
          loadProperties: fromPromise(() => api.myProperties()),
          saveDraft: fromPromise(async ({ input }) => {
            await api.saveDraft(input.draftId, input.data);
          }),
          startSigning: fromPromise(({ input }) => api.submit(input)),
          awaitSignature: fromCallback<WizardEvent, SignOrder>(({ sendBack, input }) => {
            // Poll at the server's interval (BankID asks relying parties for every 2 s).
            let live = true;
            const poll = async () => {
              try {
                const r = await api.signCollect(input.orderRef);
                if (!live) return;
                if (r.status === 'complete' && r.case) sendBack({ type: 'SIGN_COMPLETE', summary: r.case });
                else if (r.status === 'failed') sendBack({ type: 'SIGN_FAILED', message: r.message });
                else sendBack({ type: 'SIGN_PROGRESS', message: r.message });
              } catch (e) {
                if (live) sendBack({ type: 'SIGN_FAILED', message: e instanceof ApiError ? e.message : 'Underskriften kunde inte hämtas. Försök igen.' });
              }
            };
            void poll();
            const timer = window.setInterval(() => void poll(), input.pollIntervalMs);
            return () => {
              live = false;
              window.clearInterval(timer);
            };
          }),
          cancelSigning: fromPromise(async ({ input }) => {
            await api.signCancel(input.orderRef);
          }),
        },
      }),
    [],
  );
  // A new application gets its draft id once; the machine keeps it (or the resumed draft's) from then on.
  const [newDraftId] = useState(() => crypto.randomUUID());
  const [state, send] = useMachine(machine, { input: { draftId: newDraftId, ...(draft ? { draft } : {}) } });
  const [showProblems, setShowProblems] = useState(false);
  const { context } = state;
  const step = wizardSteps.find((s) => state.matches({ editing: s }));

  if (state.matches('submitted') && context.submitted) return <Receipt summary={context.submitted} />;
  if (state.matches('signing')) {
    return <SigningView order={context.signOrder} message={context.signMessage} onCancel={() => send({ type: 'CANCEL' })} />;
  }
  if (state.matches('loadingProperties')) return <p className="page">Hämtar dina fastigheter …</p>;
  if (state.matches('loadFailed')) {
    return (
      <div className="page">
        <Status tone="error">{context.error}</Status>
        <button type="button" className="button" onClick={() => send({ type: 'RETRY' })}>
          Försök igen
        </button>
      </div>
    );
  }
  const current = step ?? 'review';
  const problems = stepProblems(context, current);
  const next = () => {
    if (state.can({ type: 'NEXT' })) {
      setShowProblems(false);
      send({ type: 'NEXT' });
    } else setShowProblems(true);
  };
  const back = () => {
    setShowProblems(false);
    send({ type: 'BACK' });
  };

  return (
    <div className="page wizard">
      <nav aria-label="Steg i ansökan">
        <ol className="steps">
          {wizardSteps.map((s, i) => (
            <li key={s} aria-current={s === current ? 'step' : undefined} className={s === current ? 'steps__current' : undefined}>
              <span className="steps__number">{i + 1}</span> {stepTitles[s]}
            </li>
          ))}
        </ol>
      </nav>
      <PageTitle key={current}>
        <span className="visually-hidden">Steg {wizardSteps.indexOf(current) + 1} av {wizardSteps.length}: </span>
        {stepTitles[current]}
      </PageTitle>
      {current === 'chooseProperty' && (
        <PropertyStep properties={context.properties} selected={context.propertyId} onSelect={(propertyId) => send({ type: 'SELECT_PROPERTY', propertyId })} />
      )}
      {current === 'measure' && <MeasureStep selected={context.measure} onSelect={(measure) => send({ type: 'SELECT_MEASURE', measure })} />}
      {current === 'map' && context.propertyId && context.measure && (
        <Suspense fallback={<p>Hämtar kartan …</p>}>
          <MapStep
            propertyId={context.propertyId}
            measure={context.measure}
            footprints={context.footprints}
            onChange={(footprints) => send({ type: 'SET_FOOTPRINTS', footprints })}
          />
        </Suspense>
      )}
      {current === 'details' && (
        <DetailsStep
          values={context.details}
          onBack={back}
          onDone={(details) => {
            send({ type: 'SET_DETAILS', details });
            send({ type: 'NEXT' });
          }}
        />
      )}
      {current === 'review' && (
        <ReviewStep
          context={context}
          error={context.error}
          onEdit={(s) => send({ type: 'EDIT_STEP', step: s })}
          onSubmit={() => send({ type: 'SUBMIT' })}
          onBack={back}
        />
      )}
      {showProblems && problems.length > 0 && (
        <div className="status status--error" role="alert">
          <p>Innan du går vidare:</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {current !== 'details' && current !== 'review' && (
        <div className="wizard__nav">
          {current !== 'chooseProperty' && (
            <button type="button" className="button" onClick={back}>
              Tillbaka
            </button>
          )}
          <button type="button" className="button button--primary" onClick={next}>
            Nästa
          </button>
        </div>
      )}
    </div>
  );
}
