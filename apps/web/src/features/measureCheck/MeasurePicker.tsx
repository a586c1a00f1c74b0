import { MinorMeasureTypeSchema, minorMeasureHints, minorMeasureLabels, type MinorMeasureType } from '@lovisa/domain';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { MeasureIcon } from './measureIcons';

/** The measures in everyday words, each with a picture and a line on what it covers. */
export function MeasurePicker(props: { selected: MinorMeasureType | undefined; onSelect(m: MinorMeasureType): void }) {
  const { t, label } = useI18n();
  return (
    <>
      <fieldset className="cards measure-picker">
        <legend>{t('mc.measure.question')}</legend>
        {MinorMeasureTypeSchema.options.map((m) => (
          <label key={m} className="card-option measure-picker__option">
            <input
              type="radio"
              name="minor-measure"
              value={m}
              checked={props.selected === m}
              onChange={() => props.onSelect(m)}
              aria-describedby={`mc-hint-${m}`}
            />
            <MeasureIcon measure={m} />
            <span className="measure-picker__text">
              <span className="measure-picker__name">{label(minorMeasureLabels[m])}</span>
              <span id={`mc-hint-${m}`} className="measure-picker__hint">
                {label(minorMeasureHints[m])}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <p>
        <Link href="/logga-in?next=%2Fansokan">{t('mc.measure.buildings')}</Link>
      </p>
    </>
  );
}
