import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { AfterPermitView } from '@lovisa/domain';
import { apiErrorText } from '../../api/client';
import { Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { useI18n, type Lang } from '../../i18n/i18n';
import { useApi } from '../../useApi';
import { fieldMessage } from '../cases/caseForms';
import { afterPermitApi } from './afterPermitApi';

const timeFmt: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }),
};
/** "19 januari 2027 09:00", in Swedish time whatever the browser's zone. */
const when = (iso: string, lang: Lang) => `${formatDate(iso, lang)} ${timeFmt[lang].format(new Date(iso))}`;

/**
 * "Mina ärenden" after a decision (issue #21): the phase bar, what the applicant does next, the permit's validity
 * and, while times are offered, the booking of the tekniskt samråd. The domain says all of it; nothing is
 * decided here.
 */
export function MyAfterPermit({ caseId, caseVersion }: { caseId: string; caseVersion: number }) {
  const { data, error, setData } = useApi(() => afterPermitApi.mine(caseId), [caseId, caseVersion]);
  const { t, lang } = useI18n();
  const [booked, setBooked] = useState(false);
  if (error) return <Status tone="error">{error}</Status>;
  if (!data || data.phases.length === 0) return null;
  const slot = data.state.consultation.slots.find((s) => s.id === data.state.consultation.bookedSlotId);
  return (
    <section aria-labelledby="after-permit-title" className="after-permit">
      <h2 id="after-permit-title">{t('afterPermit.title')}</h2>
      {booked && <Status tone="success">{t('afterPermit.booking.done')}</Status>}
      <ol className="stages" aria-label={t('afterPermit.phasesLabel')}>
        {data.phases.map((p) => (
          <li
            key={p.key}
            className={`stages__step stages__step--${p.state}`}
            aria-current={p.state === 'current' ? 'step' : undefined}
          >
            <span className="stages__label">{t(`afterPermit.phase.${p.key}`)}</span>
            <span className="stages__meta">{t(`afterPermit.phaseState.${p.state}`)}</span>
          </li>
        ))}
      </ol>
      <h3>{t('afterPermit.nextTitle')}</h3>
      <ul className="after-permit__next">
        {data.nextActions.map((a) => (
          <li key={a.id}>{t(`afterPermit.next.${a.id}`, { on: a.on ? formatDate(a.on, lang) : '' })}</li>
        ))}
      </ul>
      {slot && <p>{t('afterPermit.booked', { when: when(slot.startsAt, lang), place: slot.place })}</p>}
      {data.nextActions.some((a) => a.id === 'bookConsultation') && (
        <BookConsultation
          caseId={caseId}
          view={data}
          onBooked={(next) => {
            setData(next);
            setBooked(true);
          }}
        />
      )}
      {data.progress.total > 0 && data.state.kontrollplan.approvedOn && (
        <p>{t('afterPermit.progress', { done: data.progress.done, total: data.progress.total })}</p>
      )}
      {/* A permit's lapse dates are in the notice panel; a notification's startbesked has no notice: said here. */}
      {data.validity?.basis === 'startbesked' && (
        <p>
          {t('afterPermit.validity', {
            startBy: formatDate(data.validity.startBy, lang),
            finishBy: formatDate(data.validity.finishBy, lang),
          })}
        </p>
      )}
    </section>
  );
}

const bookingFormSchema = z.object({ slotId: z.uuid('afterPermit.booking.required') });

function BookConsultation({
  caseId,
  view,
  onBooked,
}: {
  caseId: string;
  view: AfterPermitView;
  onBooked(next: AfterPermitView): void;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [failed, setFailed] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(bookingFormSchema), defaultValues: { slotId: '' } });
  const submit = handleSubmit(async ({ slotId }) => {
    setFailed(null);
    try {
      onBooked(await afterPermitApi.book(caseId, { version: view.version, slotId }));
    } catch (e) {
      setFailed(apiErrorText(e, i18n));
    }
  });
  const problem = fieldMessage(errors.slotId);
  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      {failed && <Status tone="error">{failed}</Status>}
      <fieldset aria-describedby={problem ? 'booking-error' : undefined}>
        <legend>{t('afterPermit.booking.legend')}</legend>
        {view.state.consultation.slots.map((s) => (
          <label key={s.id} className="radio">
            <input type="radio" value={s.id} {...register('slotId')} /> {when(s.startsAt, lang)}, {s.place}
          </label>
        ))}
        {problem && (
          <p className="field__error" id="booking-error">
            {t('afterPermit.booking.required')}
          </p>
        )}
      </fieldset>
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {t('afterPermit.booking.submit')}
      </button>
    </form>
  );
}
