import { useEffect } from 'react';
import { useMachine } from '@xstate/react';
import { stockholmDate } from '@lovisa/domain';
import {
  drawingKindOf,
  measureAnswer,
  measureCheckMachine,
  measureCheckSteps,
  hasPlacement,
  questionsOf,
  type MeasureCheckStep,
} from '@lovisa/wizard';
import { api } from '../../api/client';
import { PageTitle, Status } from '../../components/Layout';
import { useApi } from '../../useApi';
import { useI18n } from '../../i18n/i18n';
import { useSiteLoader } from '../rules/useSite';
import { FactFields } from './FactFields';
import { MeasureAnswer } from './MeasureAnswer';
import { MeasurePicker } from './MeasurePicker';
import { MeasureDrawMap } from './MeasureDrawMap';
import { SaveMeasureAnswer } from './SaveToLedger';

/**
 * "Vad vill du göra?" for the measures beyond buildings (issue #23): a plank, an altan, a stove, a facade, a
 * demolition. The machine (packages/wizard) decides the steps; the rule sets decide the answer.
 */
export function MeasureCheckPage() {
  const { t } = useI18n();
  const [state, send] = useMachine(measureCheckMachine, { input: { today: stockholmDate(new Date()) } });
  const { data: properties, error } = useApi(() => api.myProperties(), []);
  const { context } = state;
  const current = state.value as MeasureCheckStep;
  useSiteLoader(context.propertyId, (propertyId, site) => send({ type: 'SET_SITE', propertyId, site }));
  // One property: chosen for the owner, as the application does.
  useEffect(() => {
    if (properties?.length === 1 && !context.propertyId)
      send({ type: 'SELECT_PROPERTY', propertyId: properties[0]!.id });
  }, [properties, context.propertyId, send]);

  // A measure without a position has four steps, not five: the count says so as soon as it is chosen.
  const steps = measureCheckSteps.filter((s) => s !== 'placement' || !context.measure || hasPlacement(context));
  const designation = properties?.find((p) => p.id === context.propertyId)?.designation ?? '';
  const asked = questionsOf(context);
  const answer = current === 'answer' ? measureAnswer(context) : null;
  const stepNumber = steps.indexOf(current) + 1;
  const drawKind = drawingKindOf(context);

  return (
    <div className="page page--narrow measure-check">
      <PageTitle key={current}>
        {t('mc.stepOf', { n: stepNumber, total: steps.length })}: {t(`mc.step.${current}`)}
      </PageTitle>
      {current === 'property' && <p className="lead">{t('mc.lead')}</p>}
      {error && <Status tone="error">{error}</Status>}
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          send({ type: 'NEXT' });
        }}
      >
        {current === 'property' &&
          properties &&
          (properties.length === 0 ? (
            <p>{t('mc.property.none')}</p>
          ) : (
            <fieldset className="cards">
              <legend>{t('mc.property.question')}</legend>
              {properties.map((p) => (
                <label key={p.id} className="card-option">
                  <input
                    type="radio"
                    name="mc-property"
                    checked={context.propertyId === p.id}
                    onChange={() => send({ type: 'SELECT_PROPERTY', propertyId: p.id })}
                  />
                  <span>{p.designation}</span>
                </label>
              ))}
            </fieldset>
          ))}
        {current === 'measure' && (
          <MeasurePicker selected={context.measure} onSelect={(measure) => send({ type: 'SELECT_MEASURE', measure })} />
        )}
        {current === 'placement' && (
          <>
            {drawKind && context.propertyId && (
              <MeasureDrawMap
                propertyId={context.propertyId}
                kind={drawKind}
                drawing={context.drawing}
                site={context.site}
                onDrawing={(drawing) => send({ type: 'SET_DRAWING', drawing })}
              />
            )}
            {asked.placement.length > 0 && <p>{t('mc.placement.lead')}</p>}
            <FactFields
              facts={asked.placement}
              values={context.facts}
              onChange={(facts) => send({ type: 'SET_FACTS', facts })}
            />
          </>
        )}
        {current === 'questions' && (
          <>
            <p>{asked.questions.length > 0 ? t('mc.questions.lead') : t('mc.questions.none')}</p>
            <FactFields
              facts={asked.questions}
              values={context.facts}
              onChange={(facts) => send({ type: 'SET_FACTS', facts })}
            />
          </>
        )}
        {answer && <MeasureAnswer answer={answer} designation={designation} today={context.today} />}
        <div className="wizard__nav no-print">
          {current !== 'property' && (
            <button type="button" className="button" onClick={() => send({ type: 'BACK' })}>
              {t('common.back')}
            </button>
          )}
          {current === 'answer' ? (
            <button type="button" className="button button--primary" onClick={() => window.print()}>
              {t('mc.answer.print')}
            </button>
          ) : (
            <button type="submit" className="button button--primary">
              {t('common.next')}
            </button>
          )}
        </div>
      </form>
      {current === 'answer' && answer && answer.outcome !== 'permit' && context.propertyId && context.measure && (
        <SaveMeasureAnswer
          propertyId={context.propertyId}
          input={{ measure: context.measure, facts: context.facts, drawing: context.drawing }}
        />
      )}
      {/* Honest about the channel: these measures cannot yet be applied for through Lovisa. */}
      {current === 'answer' && answer?.outcome !== 'none' && <p className="no-print">{t('mc.answer.channel')}</p>}
    </div>
  );
}
export default MeasureCheckPage;
