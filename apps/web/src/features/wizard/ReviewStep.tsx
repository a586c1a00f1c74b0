import type { ReactNode } from 'react';
import {
  estimateFee,
  measureLabels,
  ruleSetFor,
  statutoryClock,
  type Evaluation,
  type WizardStepId,
} from '@lovisa/domain';
import { polygonArea } from '@lovisa/geo';
import type { WizardContext, WizardStep } from '@lovisa/wizard';
import { api } from '../../api/client';
import { useApi } from '../../useApi';
import { Verdict } from '../rules/Verdict';
import { SaveToLedger } from '../measureCheck/SaveToLedger';
import { PropertyThumbnail } from '../../map/PropertyThumbnail';
import { formatArea, formatDate, formatNumber } from '../../format';
import { FeeLineRows } from '../../components/FeeLineRows';
import { useI18n, type Message } from '../../i18n/i18n';

/** The wizard step that fixes a missing item (contact lives on the details step, consents with the files). */
const stepOfItem: Record<WizardStepId, WizardStep> = {
  chooseProperty: 'chooseProperty',
  measure: 'measure',
  map: 'map',
  details: 'details',
  contact: 'details',
  attachments: 'attachments',
  neighbours: 'attachments',
  review: 'review',
};

type Fee = ReturnType<typeof estimateFee>;
type MissingItem = Evaluation['missing'][number];

export function ReviewStep(props: {
  context: WizardContext;
  /** The rules engine's verdict; null while the property's data is still on its way. */
  evaluation: Evaluation | null;
  error: Message | undefined;
  onEdit(step: WizardStep): void;
  onSubmit(): void;
  onBack(): void;
}) {
  const { context } = props;
  const { t, lang, label, msg } = useI18n();
  const property = context.properties.find((p) => p.id === context.propertyId);
  const { data: schedule } = useApi(() => api.feeSchedule(), []);
  const assessment = props.evaluation?.assessment;
  const fee =
    schedule && assessment && context.measure
      ? estimateFee(schedule, {
          procedure: assessment.outcome,
          measure: context.measure,
          areaM2:
            context.measure === 'extension' ? assessment.figures.grossFloorAreaM2 : assessment.figures.buildingAreaM2,
          deviation: props.evaluation?.compliance?.deviation ?? false,
          neighbours: context.site?.neighbours.length ?? 0,
        })
      : null;
  const advice = props.evaluation?.missing.filter((m) => !m.blocking) ?? [];
  // What still stops the application, each with the way to the step that puts it right.
  const blocking = props.evaluation?.missing.filter((m) => m.blocking && m.step !== 'review') ?? [];
  // The time limit the law gives the municipality if the application arrives today, complete.
  const deadline =
    assessment && assessment.outcome !== 'none'
      ? statutoryClock(
          { procedure: assessment.outcome, received: context.today },
          ruleSetFor(context.today)!,
          new Date(),
        ).deadline
      : null;
  // Nothing to apply for: the answer itself is the result, to keep or print; no case is opened.
  if (assessment?.outcome === 'none' && props.evaluation) {
    return (
      <NoPermitResult
        designation={property?.designation ?? ''}
        today={context.today}
        evaluation={props.evaluation}
        onBack={props.onBack}
        ledger={
          context.propertyId && context.measure ? (
            <SaveToLedger
              propertyId={context.propertyId}
              measure={context.measure}
              footprints={context.footprints}
              ridgeHeightM={context.details.ridgeHeightM}
              grossFloorAreaM2={context.details.grossFloorAreaM2}
            />
          ) : null
        }
      />
    );
  }
  return (
    <>
      <p>{t('review.intro')}</p>
      <ReviewSummary context={context} onEdit={props.onEdit} />
      {blocking.length > 0 && (
        <section className="status status--error" aria-labelledby="missing-heading">
          <h2 id="missing-heading">{t('review.missing')}</h2>
          <ul>
            {blocking.map((m, i) => (
              <li key={`${m.code}-${i}`}>
                {label(m.text)}{' '}
                <button type="button" className="linklike" onClick={() => props.onEdit(stepOfItem[m.step])}>
                  {t('review.fix')} <span className="visually-hidden">{label(m.text)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.evaluation && <Verdict evaluation={props.evaluation} />}
      {deadline && (
        <p className="review__deadline">
          {t(assessment?.outcome === 'notification' ? 'review.deadlineNotification' : 'review.deadlinePermit', {
            date: formatDate(deadline, lang),
          })}
        </p>
      )}
      {advice.length > 0 && <Advice advice={advice} />}
      {fee && fee.lines.length > 0 && <FeeEstimate fee={fee} />}
      {props.error && (
        <div className="status status--error" role="alert">
          {msg(props.error)}
        </div>
      )}
      <div className="wizard__nav">
        <button type="button" className="button" onClick={props.onBack}>
          {t('common.back')}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={props.onSubmit}
          disabled={blocking.length > 0}
        >
          {t('review.submit')}
        </button>
      </div>
    </>
  );
}

/** "No permit needed": the verdict to keep or print, dated, in place of an application. */
function NoPermitResult(props: {
  designation: string;
  today: string;
  evaluation: Evaluation;
  onBack(): void;
  /** Saving the answer to the plot's allowance ledger (issue #23). */
  ledger?: ReactNode;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="no-permit">
      <p>{t('noPermit.intro', { designation: props.designation, date: formatDate(props.today, lang) })}</p>
      <Verdict evaluation={props.evaluation} />
      <p>{t('noPermit.keep')}</p>
      {props.ledger}
      <div className="wizard__nav no-print">
        <button type="button" className="button" onClick={props.onBack}>
          {t('common.back')}
        </button>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('noPermit.print')}
        </button>
      </div>
    </div>
  );
}

/** Everything the applicant gave, each part with a way back to the step where it is changed. */
function ReviewSummary({ context, onEdit }: { context: WizardContext; onEdit(step: WizardStep): void }) {
  const { t, lang, label } = useI18n();
  const property = context.properties.find((p) => p.id === context.propertyId);
  const total = context.footprints.reduce((s, f) => s + polygonArea(f.geometry), 0);
  const edit = (step: WizardStep, what: string) => (
    <button type="button" className="linklike" onClick={() => onEdit(step)}>
      {t('review.change')} <span className="visually-hidden">{what}</span>
    </button>
  );
  return (
    <dl className="review">
      <div>
        <dt>{t('review.property')}</dt>
        <dd>{property?.designation}</dd>
        <dd>{edit('chooseProperty', t('review.changeProperty'))}</dd>
      </div>
      <div>
        <dt>{t('review.measure')}</dt>
        <dd>{context.measure && label(measureLabels[context.measure])}</dd>
        <dd>{edit('measure', t('review.changeMeasure'))}</dd>
      </div>
      <div>
        <dt>{t('review.drawing')}</dt>
        <dd>
          {property && (
            <PropertyThumbnail
              boundary={property.boundary}
              size={160}
              buildings={context.footprints.map((f) => f.geometry)}
            />
          )}
        </dd>
        <dd>{edit('map', t('review.changeMap'))}</dd>
      </div>
      <div>
        <dt>{t('review.area')}</dt>
        <dd>
          {formatArea(total, lang)} (
          {context.footprints.length === 1
            ? t('review.buildings1')
            : t('review.buildingsN', { n: context.footprints.length })}
          )
        </dd>
        <dd>{edit('map', t('review.changeMap'))}</dd>
      </div>
      <div>
        <dt>{t('review.description')}</dt>
        <dd>{context.details.description}</dd>
        <dd>{edit('details', t('review.changeDescription'))}</dd>
      </div>
      <div>
        <dt>{t('review.ridgeHeight')}</dt>
        <dd>{context.details.ridgeHeightM !== undefined && `${formatNumber(context.details.ridgeHeightM, lang)} m`}</dd>
        <dd>{edit('details', t('review.changeRidgeHeight'))}</dd>
      </div>
      <div>
        <dt>{t('review.plannedStart')}</dt>
        <dd>{context.details.plannedStart && formatDate(context.details.plannedStart, lang)}</dd>
        <dd>{edit('details', t('review.changePlannedStart'))}</dd>
      </div>
      <div>
        <dt>{t('review.contact')}</dt>
        <dd>{[context.details.email, context.details.phone].filter(Boolean).join(', ')}</dd>
        <dd>{edit('details', t('review.changeContact'))}</dd>
      </div>
    </dl>
  );
}

/** What does not stop the application but is worth doing first. */
function Advice({ advice }: { advice: MissingItem[] }) {
  const { t, label } = useI18n();
  return (
    <section className="advice" aria-labelledby="advice-heading">
      <h2 id="advice-heading">{t('review.advice')}</h2>
      <p>{t('review.adviceHint')}</p>
      <ul>
        {advice.map((m, i) => (
          <li key={`${m.code}-${i}`}>{label(m.text)}</li>
        ))}
      </ul>
    </section>
  );
}

/** The fee this application would be charged, line by line, from the municipality's schedule. */
function FeeEstimate({ fee }: { fee: NonNullable<Fee> }) {
  const { t, label } = useI18n();
  return (
    <section className="fee" aria-labelledby="fee-heading">
      <h2 id="fee-heading">{t('review.fee')}</h2>
      <table className="fee__table">
        <tbody>
          <FeeLineRows lines={fee.lines} totalSEK={fee.totalSEK} totalLabel={t('review.feeTotal')} />
        </tbody>
      </table>
      <p className="field__hint">{t('review.feeExample', { schedule: label(fee.schedule) })}</p>
    </section>
  );
}
