import { useEffect, useRef, useState } from 'react';
import { useForm, type UseFormRegisterReturn, type UseFormWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { ApplicationDetailsSchema, type ApplicationDetails } from '@lovisa/domain';
import { api } from '../../api/client';
import { Field } from '../../components/Field';
import { useI18n, type Message } from '../../i18n/i18n';

/** Swedes write decimals with a comma; an empty field is "not given", anything else unreadable is NaN. */
const toNumber = (v: unknown) =>
  v === '' || v === undefined || v === null ? undefined : Number(String(v).replace(',', '.').trim());

/**
 * Measure details; the schema is the domain's, so the browser's verdict is the server's. Which fields are
 * asked for (gross floor area, kontrollansvarig) is the rules engine's call, passed in.
 */
export function DetailsStep(props: {
  values: Partial<ApplicationDetails>;
  askGrossFloorArea: boolean;
  askKontrollansvarig: boolean;
  onDone(d: ApplicationDetails): void;
  /** Every change as it is typed (unchecked), so the draft keeps it. */
  onChange(d: Partial<ApplicationDetails>): void;
  onBack(): void;
}) {
  const { t } = useI18n();
  const {
    register,
    handleSubmit,
    watch,
    getValues,
    setValue,
    formState: { errors },
  } = useForm<ApplicationDetails>({
    resolver: zodResolver(ApplicationDetailsSchema),
    defaultValues: props.values,
    shouldFocusError: true,
  });
  useEveryChange(watch, props.onChange);
  const remembered = useRememberedContact((contact) => {
    // Only into empty fields: what this application already says wins.
    if (getValues('email') || getValues('phone')) return;
    setValue('email', contact.email, { shouldDirty: true });
    setValue('phone', contact.phone, { shouldDirty: true });
  });
  const done = (d: ApplicationDetails) => {
    remembered.settle(d);
    props.onDone(d);
  };
  // The schema's messages are message ids (packages/domain/src/messages); react-hook-form passes them through.
  const errorList = Object.entries(errors).map(([name, e]) => ({ name, message: { id: e?.message ?? '' } }));
  const fieldError = (e: { message?: string } | undefined): Message | undefined =>
    e?.message ? { id: e.message } : undefined;
  return (
    <form noValidate onSubmit={(e) => void handleSubmit(done)(e)} className="form">
      {errorList.length > 0 && <ErrorSummary errors={errorList} />}
      <Field
        id="description"
        label={t('details.description')}
        hint={t('details.descriptionHint')}
        error={fieldError(errors.description)}
      >
        <textarea rows={5} {...register('description')} />
      </Field>
      <Field
        id="ridgeHeightM"
        label={t('details.ridgeHeight')}
        hint={t('details.ridgeHeightHint')}
        error={fieldError(errors.ridgeHeightM)}
      >
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          {...register('ridgeHeightM', { setValueAs: toNumber })}
        />
      </Field>
      <Field id="plannedStart" label={t('details.plannedStart')} error={fieldError(errors.plannedStart)}>
        <input type="date" {...register('plannedStart')} />
      </Field>
      {props.askGrossFloorArea && (
        <Field
          id="grossFloorAreaM2"
          label={t('details.grossFloorArea')}
          hint={t('details.grossFloorAreaHint')}
          error={fieldError(errors.grossFloorAreaM2)}
        >
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            {...register('grossFloorAreaM2', { setValueAs: toNumber })}
          />
        </Field>
      )}
      <ContactFields
        email={register('email')}
        phone={register('phone')}
        emailError={fieldError(errors.email)}
        phoneError={fieldError(errors.phone)}
        remembered={remembered}
      />
      {props.askKontrollansvarig && (
        <fieldset className="form__group">
          <legend>{t('details.ka')}</legend>
          <p className="field__hint">{t('details.kaHint')}</p>
          <Field id="kaName" label={t('details.kaName')} error={fieldError(errors.kaName)}>
            <input type="text" autoComplete="off" {...register('kaName')} />
          </Field>
          <Field
            id="kaCertificationId"
            label={t('details.kaCertificationId')}
            error={fieldError(errors.kaCertificationId)}
          >
            <input type="text" autoComplete="off" {...register('kaCertificationId')} />
          </Field>
          <Field id="kaContact" label={t('details.kaContact')} error={fieldError(errors.kaContact)}>
            <input type="text" autoComplete="off" {...register('kaContact')} />
          </Field>
        </fieldset>
      )}
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

/** Every change as it is typed goes up (unchecked), so the draft keeps it. */
function useEveryChange(
  watch: UseFormWatch<ApplicationDetails>,
  onChangeProp: (d: Partial<ApplicationDetails>) => void,
) {
  const onChange = useRef(onChangeProp);
  onChange.current = onChangeProp;
  useEffect(() => {
    const sub = watch((values) => {
      // An unreadable number is not kept in the draft (the form still shows it, with its error).
      const clean = Object.fromEntries(
        Object.entries(values).filter(([, v]) => !(typeof v === 'number' && Number.isNaN(v))),
      );
      onChange.current(clean as Partial<ApplicationDetails>);
    });
    return () => sub.unsubscribe();
  }, [watch]);
}

/** The form's errors above it, each a link to its field. */
function ErrorSummary({ errors }: { errors: { name: string; message: Message }[] }) {
  const { t, msg } = useI18n();
  return (
    <div className="status status--error" role="alert">
      <p>{t('common.fixThese')}</p>
      <ul>
        {errors.map((e) => (
          <li key={e.name}>
            <a href={`#${e.name}`}>{msg(e.message)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Contact details kept from an earlier application, if the applicant asked for that: offered into empty fields,
 * the box ticked. When the step is done, a ticked box keeps what was given (their consent); an unticked one
 * forgets what was kept (consent withdrawn). A failure to reach the server changes nothing in the application.
 */
function useRememberedContact(offer: (contact: { email: string; phone: string }) => void) {
  const [wanted, setWanted] = useState(false);
  const kept = useRef(false);
  const offerRef = useRef(offer);
  offerRef.current = offer;
  useEffect(() => {
    let live = true;
    api.savedContact().then(
      ({ contact }) => {
        if (!live || !contact) return;
        kept.current = true;
        setWanted(true);
        offerRef.current(contact);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return {
    wanted,
    setWanted,
    settle(d: ApplicationDetails) {
      // Nothing to keep is kept as nothing: an empty pair is forgotten rather than saved.
      if (wanted && (d.email || d.phone))
        void api.saveContact({ email: d.email ?? '', phone: d.phone ?? '' }).catch(() => {});
      else if (kept.current) void api.forgetContact().catch(() => {});
    },
  };
}

/** How the office reaches the applicant, and whether to keep it for next time. */
function ContactFields(props: {
  email: UseFormRegisterReturn;
  phone: UseFormRegisterReturn;
  emailError: Message | undefined;
  phoneError: Message | undefined;
  remembered: { wanted: boolean; setWanted(v: boolean): void };
}) {
  const { t } = useI18n();
  const { remembered } = props;
  return (
    <fieldset className="form__group">
      <legend>{t('details.contact')}</legend>
      <p className="field__hint">{t('details.contactHint')}</p>
      <Field id="email" label={t('details.email')} error={props.emailError}>
        <input type="email" autoComplete="email" {...props.email} />
      </Field>
      <Field id="phone" label={t('details.phone')} error={props.phoneError}>
        <input type="tel" autoComplete="tel" {...props.phone} />
      </Field>
      <label className="radio remember-contact">
        <input
          type="checkbox"
          checked={remembered.wanted}
          onChange={(e) => remembered.setWanted(e.target.checked)}
          aria-describedby="remember-contact-hint"
        />{' '}
        {t('details.rememberContact')}
      </label>
      <p id="remember-contact-hint" className="field__hint">
        {t('details.rememberContactHint')}
      </p>
    </fieldset>
  );
}
