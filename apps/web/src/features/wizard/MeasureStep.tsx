import { MeasureTypeSchema, measureLabels, type MeasureType } from '@lovisa/domain';

export function MeasureStep(props: { selected: MeasureType | undefined; onSelect(m: MeasureType): void }) {
  return (
    <fieldset className="cards">
      <legend>Välj det som stämmer bäst.</legend>
      {MeasureTypeSchema.options.map((m) => (
        <label key={m} className="card-option">
          <input type="radio" name="measure" value={m} checked={props.selected === m} onChange={() => props.onSelect(m)} />
          <span>{measureLabels[m].sv}</span>
        </label>
      ))}
    </fieldset>
  );
}
