import { MeasureTypeSchema, measureLabels, type MeasureType } from '@lovisa/domain';
import { useI18n } from '../../i18n/i18n';

export function MeasureStep(props: { selected: MeasureType | undefined; onSelect(m: MeasureType): void }) {
  const { t, label } = useI18n();
  return (
    <fieldset className="cards">
      <legend>{t('measure.question')}</legend>
      {MeasureTypeSchema.options.map((m) => (
        <label key={m} className="card-option">
          <input
            type="radio"
            name="measure"
            value={m}
            checked={props.selected === m}
            onChange={() => props.onSelect(m)}
          />
          <span>{label(measureLabels[m])}</span>
        </label>
      ))}
    </fieldset>
  );
}
