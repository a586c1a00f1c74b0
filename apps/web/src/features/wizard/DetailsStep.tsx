import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { ApplicationDetailsSchema, type ApplicationDetails } from '@lovisa/domain';
import { Field } from '../../components/Field';

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
      <Field id="description" label="Beskriv vad du vill bygga" hint="Till exempel material, takform och vad byggnaden ska användas till." error={errors.description?.message}>
        <textarea rows={5} {...register('description')} />
      </Field>
      <Field id="ridgeHeightM" label="Nockhöjd (meter)" hint="Från marken till takets högsta punkt." error={errors.ridgeHeightM?.message}>
        <input type="text" inputMode="decimal" autoComplete="off" {...register('ridgeHeightM', { setValueAs: toNumber })} />
      </Field>
      <Field id="plannedStart" label="När vill du börja bygga?" error={errors.plannedStart?.message}>
        <input type="date" {...register('plannedStart')} />
      </Field>
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
