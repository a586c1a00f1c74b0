import { measureLabels } from '@lovisa/domain';
import { polygonArea } from '@lovisa/geo';
import type { WizardContext, WizardStep } from '@lovisa/wizard';
import { formatArea, formatDate } from '../../format';

export function ReviewStep(props: {
  context: WizardContext;
  error: string | undefined;
  onEdit(step: WizardStep): void;
  onSubmit(): void;
  onBack(): void;
}) {
  const { context } = props;
  const property = context.properties.find((p) => p.id === context.propertyId);
  const total = context.footprints.reduce((s, f) => s + polygonArea(f.geometry), 0);
  const edit = (step: WizardStep, what: string) => (
    <button type="button" className="linklike" onClick={() => props.onEdit(step)}>
      Ändra <span className="visually-hidden">{what}</span>
    </button>
  );
  return (
    <>
      <p>Kontrollera uppgifterna innan du skickar ansökan.</p>
      <dl className="review">
        <div>
          <dt>Fastighet</dt>
          <dd>{property?.designation}</dd>
          <dd>{edit('chooseProperty', 'fastighet')}</dd>
        </div>
        <div>
          <dt>Åtgärd</dt>
          <dd>{context.measure && measureLabels[context.measure].sv}</dd>
          <dd>{edit('measure', 'åtgärd')}</dd>
        </div>
        <div>
          <dt>Byggnadens yta</dt>
          <dd>
            {formatArea(total)} ({context.footprints.length} {context.footprints.length === 1 ? 'byggnad' : 'byggnader'})
          </dd>
          <dd>{edit('map', 'ritning på kartan')}</dd>
        </div>
        <div>
          <dt>Beskrivning</dt>
          <dd>{context.details.description}</dd>
          <dd>{edit('details', 'beskrivning')}</dd>
        </div>
        <div>
          <dt>Nockhöjd</dt>
          <dd>{context.details.ridgeHeightM?.toLocaleString('sv-SE')} m</dd>
          <dd>{edit('details', 'nockhöjd')}</dd>
        </div>
        <div>
          <dt>Planerad byggstart</dt>
          <dd>{context.details.plannedStart && formatDate(context.details.plannedStart)}</dd>
          <dd>{edit('details', 'byggstart')}</dd>
        </div>
      </dl>
      {props.error && (
        <div className="status status--error" role="alert">
          {props.error}
        </div>
      )}
      <div className="wizard__nav">
        <button type="button" className="button" onClick={props.onBack}>
          Tillbaka
        </button>
        <button type="button" className="button button--primary" onClick={props.onSubmit}>
          Skriv under och skicka
        </button>
      </div>
    </>
  );
}
