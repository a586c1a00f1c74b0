import { measureLabels } from '@lovisa/domain';
import { polygonArea } from '@lovisa/geo';
import type { WizardContext, WizardStep } from '@lovisa/wizard';
import { formatArea, formatDate, formatNumber } from '../../format';
import { useI18n } from '../../i18n/i18n';

export function ReviewStep(props: {
  context: WizardContext;
  error: string | undefined;
  onEdit(step: WizardStep): void;
  onSubmit(): void;
  onBack(): void;
}) {
  const { context } = props;
  const { t, lang, label, msg } = useI18n();
  const property = context.properties.find((p) => p.id === context.propertyId);
  const total = context.footprints.reduce((s, f) => s + polygonArea(f.geometry), 0);
  const edit = (step: WizardStep, what: string) => (
    <button type="button" className="linklike" onClick={() => props.onEdit(step)}>
      {t('review.change')} <span className="visually-hidden">{what}</span>
    </button>
  );
  return (
    <>
      <p>{t('review.intro')}</p>
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
          <dt>{t('review.area')}</dt>
          <dd>
            {formatArea(total, lang)} ({context.footprints.length === 1 ? t('review.buildings1') : t('review.buildingsN', { n: context.footprints.length })})
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
      </dl>
      {props.error && (
        <div className="status status--error" role="alert">
          {msg(props.error)}
        </div>
      )}
      <div className="wizard__nav">
        <button type="button" className="button" onClick={props.onBack}>
          {t('common.back')}
        </button>
        <button type="button" className="button button--primary" onClick={props.onSubmit}>
          {t('review.submit')}
        </button>
      </div>
    </>
  );
}
