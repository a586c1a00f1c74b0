import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { ApplicationDetailsSchema, type ApplicationDetails } from '@lovisa/domain';

/** Swedes write decimals with a comma; an empty field is "not given", anything else unreadable is NaN. */
const toNumber = (v: unknown) => (v === '' || v === undefined || v === null ? undefined : Number(String(v).replace(',', '.').trim()));

/** Measure details; the schema is the domain's, so the browser's verdict is the server's. */
export function DetailsStep(props: { values: Partial<ApplicationDetails>; onDone(d: ApplicationDetails): void; onBack(): void }) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ApplicationDetails>({
    resolver: zodResolver(ApplicationDetailsSchema),
    defaultValues: props.values,
    shouldFocusError: true,
  });
  const errorList = Object.entries(errors).map(([name, e]) => ({ name, message: e?.message ?? '' }));
  return (
    <form noValidate onSubmit={handleSubmit(props.onDone)} className="form">
      {errorList.length > 0 && (
        <div className="status status--error" role="alert">
          <p>Rätta följande:</p>
          <ul>
            {errorList.map((e) => (
              <li key={e.name}>
                <a href={`#${e.name}`}>{e.message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="field">
        <label htmlFor="description">Beskriv vad du vill bygga</label>
        <p className="field__hint" id="description-hint">
          Till exempel material, takform och vad byggnaden ska användas till.
        </p>
        <textarea
          id="description"
          rows={5}
          aria-describedby={`description-hint${errors.description ? ' description-error' : ''}`}
          aria-invalid={errors.description ? true : undefined}
          {...register('description')}
        />
        {errors.description && (
          <p className="field__error" id="description-error">
            {errors.description.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="ridgeHeightM">Nockhöjd (meter)</label>
        <p className="field__hint" id="ridgeHeightM-hint">
          Från marken till takets högsta punkt.
        </p>
        <input
          id="ridgeHeightM"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          aria-describedby={`ridgeHeightM-hint${errors.ridgeHeightM ? ' ridgeHeightM-error' : ''}`}
          aria-invalid={errors.ridgeHeightM ? true : undefined}
          {...register('ridgeHeightM', { setValueAs: toNumber })}
        />
        {errors.ridgeHeightM && (
          <p className="field__error" id="ridgeHeightM-error">
            {errors.ridgeHeightM.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="plannedStart">När vill du börja bygga?</label>
        <input
          id="plannedStart"
          type="date"
          aria-describedby={errors.plannedStart ? 'plannedStart-error' : undefined}
          aria-invalid={errors.plannedStart ? true : undefined}
          {...register('plannedStart')}
        />
        {errors.plannedStart && (
          <p className="field__error" id="plannedStart-error">
            {errors.plannedStart.message}
          </p>
        )}
      </div>
      <div className="wizard__nav">
        <button type="button" className="button" onClick={props.onBack}>
          Tillbaka
        </button>
        <button type="submit" className="button button--primary">
          Nästa
        </button>
      </div>
    </form>
  );
}
