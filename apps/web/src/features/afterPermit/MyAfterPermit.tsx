import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { AfterPermitView } from '@lovisa/domain';
import { apiErrorText } from '../../api/client';
import { Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useApi } from '../../useApi';
import { fieldMessage } from '../cases/caseForms';
import { afterPermitApi } from './afterPermitApi';
import { NextActions, PhaseBar, when } from './afterPermitParts';
import { KontrollplanEditor } from './KontrollplanEditor';
import { KontrollansvarigForm, KontrollplanTicks, SlutbeskedRequestForm, WorkStartedForm } from './KontrollplanTicks';

/**
 * "Mina ärenden" after a decision (issue #21): the phase bar, what the applicant does next, the permit's validity,
 * the booking of the tekniskt samråd, the kontrollplan (adapted before the startbesked, ticked after it), the day
 * the work started and the request for slutbesked. The domain says what is offered (`allowed`); nothing is decided
 * here.
 */
export function MyAfterPermit({ caseId, caseVersion }: { caseId: string; caseVersion: number }) {
  const { data, error, setData } = useApi(() => afterPermitApi.mine(caseId), [caseId, caseVersion]);
  const { t, lang } = useI18n();
  const [done, setDone] = useState<string | null>(null);
  if (error) return <Status tone="error">{error}</Status>;
  if (!data || data.phases.length === 0) return null;
  const slot = data.state.consultation.slots.find((s) => s.id === data.state.consultation.bookedSlotId);
  const may = (c: AfterPermitView['allowed'][number]) => data.allowed.includes(c);
  const after = (message: string) => (next: AfterPermitView) => {
    setData(next);
    setDone(message);
  };
  return (
    <section aria-labelledby="after-permit-title" className="after-permit">
      <h2 id="after-permit-title">{t('afterPermit.title')}</h2>
      {done && <Status tone="success">{done}</Status>}
      <PhaseBar view={data} />
      <h3>{t('afterPermit.nextTitle')}</h3>
      <NextActions view={data} />
      {slot && <p>{t('afterPermit.booked', { when: when(slot.startsAt, lang), place: slot.place })}</p>}
      {may('bookConsultationSlot') && (
        <BookConsultation caseId={caseId} view={data} onBooked={after(t('afterPermit.booking.done'))} />
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
      {may('editKontrollplan') ? (
        <KontrollplanEditor caseId={caseId} view={data} onSaved={setData} />
      ) : (
        <section aria-labelledby="kp-title">
          <h3 id="kp-title">{t('ap.kontrollplan.title')}</h3>
          {data.state.kontrollplan.approvedOn && (
            <p className="hint">
              {t('ap.kontrollplan.approved', { date: formatDate(data.state.kontrollplan.approvedOn, lang) })}
            </p>
          )}
          <KontrollplanTicks caseId={caseId} view={data} onChanged={(next, message) => after(message)(next)} />
        </section>
      )}
      {may('nameKontrollansvarig') && (
        <KontrollansvarigForm caseId={caseId} view={data} onDone={after(t('ap.ka.done'))} />
      )}
      {may('reportWorkStarted') && <WorkStartedForm caseId={caseId} view={data} onDone={after(t('ap.started.done'))} />}
      {data.state.startedOn && <p>{t('ap.started.shown', { date: formatDate(data.state.startedOn, lang) })}</p>}
      {data.state.siteVisitBooked && (
        <p className="status status--warning">
          {t('ap.visit.bookedMine', { date: formatDate(data.state.siteVisitBooked.on, lang) })}
          {data.state.siteVisitBooked.note ? ` ${data.state.siteVisitBooked.note}` : ''}
        </p>
      )}
      {may('requestSlutbesked') && (
        <SlutbeskedRequestForm caseId={caseId} view={data} onDone={after(t('ap.request.done'))} />
      )}
      {data.state.finalRequest && (
        <p>{t('ap.request.shown', { date: formatDate(data.state.finalRequest.on, lang) })}</p>
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
