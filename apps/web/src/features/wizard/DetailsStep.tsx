import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { ApplicationDetailsSchema, type ApplicationDetails } from '@lovisa/domain';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';

/** Swedes write decimals with a comma; an empty field is "not given", anything else unreadable is NaN. */
const toNumber = (v: unknown) => (v === '' || v === undefined || v === null ? undefined : Number(String(v).replace(',', '.').trim()));

/** Measure details; the schema is the domain's, so the browser's verdict is the server's. */
export function DetailsStep(props: { values: Partial<ApplicationDetails>; onDone(d: ApplicationDetails): void; onBack(): void }) {
  const { t, msg } = useI18n();
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
          <p>{t('common.fixThese')}</p>
          <ul>
            {errorList.map((e) => (
              <li key={e.name}>
                <a href={`#${e.name}`}>{msg(e.message)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Field id="description" label={t('details.description')} hint={t('details.descriptionHint')} error={errors.description?.message}>
        <textarea rows={5} {...register('description')} />
      </Field>
      <Field id="ridgeHeightM" label={t('details.ridgeHeight')} hint={t('details.ridgeHeightHint')} error={errors.ridgeHeightM?.message}>
        <input type="text" inputMode="decimal" autoComplete="off" {...register('ridgeHeightM', { setValueAs: toNumber })} />
      </Field>
      <Field id="plannedStart" label={t('details.plannedStart')} error={errors.plannedStart?.message}>
        <input type="date" {...register('plannedStart')} />
      </Field>
      <div className="wizard__nav">
        <button type="button" className="button" onClick={props.onBack}>
          {t('common.back')}
        </button>
        <button type="submit" className="button button--primary">
          {t('common.next')}
        </button>
      </div>
    </form>
  );
}
