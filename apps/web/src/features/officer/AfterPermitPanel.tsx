import { Fragment, useState } from 'react';
import type { AfterPermitView } from '@lovisa/domain';
import { Field } from '../../components/Field';
import { Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useApi } from '../../useApi';
import { afterPermitApi } from '../afterPermit/afterPermitApi';
import { CommandForm, KontrollplanList, NextActions, PhaseBar, linesOf, when } from '../afterPermit/afterPermitParts';

const text = (form: FormData, name: string) => String(form.get(name) ?? '');
/** Whether the domain lists the command as allowed now. */
const mayOf = (v: AfterPermitView) => (c: AfterPermitView['allowed'][number]) => v.allowed.includes(c);
/** What each group of forms gets: the case, its view, and what to do with the changed view. */
interface FormsProps {
  caseId: string;
  view: AfterPermitView;
  after: (message: string) => (next: AfterPermitView) => void;
}

/**
 * The officer's steps after the decision (issue #21): tekniskt samråd (times or a waiver, then the protocol),
 * startbesked approving the kontrollplan, site visits, slutbesked. Each form is offered only when the domain lists
 * its command in `allowed`; the page's other panels reload after each step (`onChanged`).
 */
export function AfterPermitPanel({
  caseId,
  caseVersion,
  onChanged,
}: {
  caseId: string;
  caseVersion: number;
  onChanged: () => void;
}) {
  const { data, error, setData } = useApi(() => afterPermitApi.officer(caseId), [caseId, caseVersion], {
    officer: true,
  });
  const { t } = useI18n();
  const [done, setDone] = useState<string | null>(null);
  if (error) return <Status tone="error">{error}</Status>;
  if (!data || data.phases.length === 0) return null;
  const v = data;
  const after = (message: string) => (next: AfterPermitView) => {
    setData(next);
    setDone(message);
    onChanged();
  };
  return (
    <section className="panel after-permit" aria-labelledby="officer-after-permit-title">
      <h2 id="officer-after-permit-title">{t('afterPermit.title')}</h2>
      {done && <Status tone="success">{done}</Status>}
      <PhaseBar view={v} />
      <h3 className="panel__sub">{t('afterPermit.nextTitle')}</h3>
      <NextActions view={v} />
      <RecordFacts view={v} />
      <h3 className="panel__sub">{t('ap.kontrollplan.title')}</h3>
      <p className="hint">{t('afterPermit.progress', { done: v.progress.done, total: v.progress.total })}</p>
      <KontrollplanList view={v} />

      <ConsultationForms caseId={caseId} view={v} after={after} />
      <BuildingForms caseId={caseId} view={v} after={after} />
    </section>
  );
}

/** What has happened after the decision, as facts: samråd, startbesked, site visits, the request, slutbesked. */
function RecordFacts({ view: v }: { view: AfterPermitView }) {
  const { t, lang } = useI18n();
  const s = v.state;
  const booked = s.consultation.slots.find((x) => x.id === s.consultation.bookedSlotId);
  return (
    <dl className="facts">
      <dt>{t('ap.officer.kontrollansvarig')}</dt>
      <dd>
        {t(v.kontrollansvarig ? 'ap.officer.kaRequired' : 'ap.officer.kaNotRequired')}
        {s.kontrollansvarigPerson ? ` · ${t('ap.officer.kaNamed', { name: s.kontrollansvarigPerson.name })}` : ''}
      </dd>
      {v.legalForceOn && (
        <>
          <dt>{t('ap.officer.legalForce')}</dt>
          <dd>{formatDate(v.legalForceOn, lang)}</dd>
        </>
      )}
      {s.consultation.waived && (
        <>
          <dt>{t('afterPermit.phase.consultation')}</dt>
          <dd>{t('ap.officer.waived', { reason: s.consultation.waived.reason })}</dd>
        </>
      )}
      {!booked && s.consultation.slots.length > 0 && (
        <>
          <dt>{t('ap.officer.slotsOffered')}</dt>
          <dd>{s.consultation.slots.map((x) => `${when(x.startsAt, lang)}, ${x.place}`).join('; ')}</dd>
        </>
      )}
      {booked && (
        <>
          <dt>{t('ap.officer.booked')}</dt>
          <dd>{`${when(booked.startsAt, lang)}, ${booked.place}`}</dd>
        </>
      )}
      {s.consultation.minutes && (
        <>
          <dt>{t('ap.officer.minutes')}</dt>
          <dd>{t('ap.officer.minutesHeld', { date: formatDate(s.consultation.minutes.heldOn, lang) })}</dd>
        </>
      )}
      {s.startbesked && (
        <>
          <dt>{t('afterPermit.phase.startbesked')}</dt>
          <dd>{t('ap.officer.startbeskedGiven', { date: formatDate(s.startbesked.on, lang) })}</dd>
        </>
      )}
      {s.siteVisitBooked && (
        <>
          <dt>{t('ap.visit.booked')}</dt>
          <dd>
            {formatDate(s.siteVisitBooked.on, lang)}
            {s.siteVisitBooked.note ? `: ${s.siteVisitBooked.note}` : ''}
          </dd>
        </>
      )}
      {s.siteVisits.map((visit, i) => (
        <Fragment key={`visit-${i}`}>
          <dt>{t('ap.officer.siteVisit')}</dt>
          <dd>{`${formatDate(visit.on, lang)}: ${visit.note}`}</dd>
        </Fragment>
      ))}
      {s.finalRequest && (
        <>
          <dt>{t('ap.officer.finalRequest')}</dt>
          <dd>
            {formatDate(s.finalRequest.on, lang)}
            {s.finalRequest.note ? `: ${s.finalRequest.note}` : ''}
          </dd>
        </>
      )}
      {s.slutbesked.map((b, i) => (
        <Fragment key={`slut-${i}`}>
          <dt>{t(b.kind === 'final' ? 'ap.slutbesked.final' : 'ap.slutbesked.interim')}</dt>
          <dd>
            {formatDate(b.on, lang)}
            {b.remaining.length > 0 ? ` (${t('ap.slutbesked.remainingList', { list: b.remaining.join(', ') })})` : ''}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** The samråd's forms the domain allows now: times, a waiver, the protocol. */
function ConsultationForms({ caseId, view: v, after }: FormsProps) {
  const { t } = useI18n();
  const may = mayOf(v);
  return (
    <>
      {may('publishConsultationSlots') && (
        <CommandForm
          id="ap-slots"
          title={t('ap.slots.title')}
          submit={t('ap.slots.submit')}
          onDone={after(t('ap.slots.done'))}
          send={(f) =>
            afterPermitApi.publishSlots(caseId, {
              version: v.version,
              slots: [0, 1]
                .map((i) => ({ at: text(f, `at${i}`), place: text(f, `place${i}`) }))
                .filter((x) => x.at !== '' || x.place !== '')
                .map((x) => ({ startsAt: x.at ? new Date(x.at).toISOString() : '', place: x.place })),
            })
          }
        >
          {(invalid) =>
            [0, 1].map((i) => (
              <fieldset key={i} className="after-permit__slot">
                <legend>{t('ap.slots.slot', { n: i + 1 })}</legend>
                <Field id={`ap-slot-at-${i}`} label={t('ap.slots.when')} error={i === 0 ? invalid('slots') : undefined}>
                  <input type="datetime-local" name={`at${i}`} />
                </Field>
                <Field id={`ap-slot-place-${i}`} label={t('ap.slots.place')}>
                  <input type="text" name={`place${i}`} defaultValue={i === 0 ? t('ap.slots.defaultPlace') : ''} />
                </Field>
              </fieldset>
            ))
          }
        </CommandForm>
      )}
      {may('waiveConsultation') && (
        <CommandForm
          id="ap-waive"
          title={t('ap.waive.title')}
          submit={t('ap.waive.submit')}
          onDone={after(t('ap.waive.done'))}
          send={(f) => afterPermitApi.waive(caseId, { version: v.version, reason: text(f, 'reason') })}
        >
          {(invalid) => (
            <Field id="ap-waive-reason" label={t('ap.waive.reason')} error={invalid('reason')}>
              <textarea name="reason" rows={3} />
            </Field>
          )}
        </CommandForm>
      )}
      {may('recordConsultationMinutes') && (
        <CommandForm
          id="ap-minutes"
          title={t('ap.minutes.title')}
          submit={t('ap.minutes.submit')}
          onDone={after(t('ap.minutes.done'))}
          send={(f) =>
            afterPermitApi.minutes(caseId, { version: v.version, heldOn: text(f, 'heldOn'), text: text(f, 'text') })
          }
        >
          {(invalid) => (
            <>
              <Field id="ap-minutes-on" label={t('ap.minutes.heldOn')} error={invalid('heldOn')}>
                <input type="date" name="heldOn" defaultValue={v.today} max={v.today} />
              </Field>
              <Field
                id="ap-minutes-text"
                label={t('ap.minutes.text')}
                hint={t('ap.minutes.hint')}
                error={invalid('text')}
              >
                <textarea name="text" rows={5} />
              </Field>
            </>
          )}
        </CommandForm>
      )}
    </>
  );
}

/** The later steps' forms the domain allows now: startbesked, slutbesked, a site visit. */
function BuildingForms({ caseId, view: v, after }: FormsProps) {
  const { t } = useI18n();
  const may = mayOf(v);
  const early = v.startbesked?.blocker === 'LEGAL_FORCE_PENDING' && v.startbesked.earlyBlocker === null;
  return (
    <>
      {may('issueStartbesked') && (
        <CommandForm
          id="ap-startbesked"
          title={t('ap.startbesked.title')}
          submit={t('ap.startbesked.submit')}
          onDone={after(t('ap.startbesked.done'))}
          send={(f) =>
            afterPermitApi.startbesked(caseId, {
              version: v.version,
              conditions: linesOf(f.get('conditions')),
              beforeLegalForce: f.get('early') === 'on',
            })
          }
        >
          {(invalid) => (
            <>
              <p className="hint">{t('ap.startbesked.approves', { n: v.progress.total })}</p>
              <Field
                id="ap-start-conditions"
                label={t('ap.conditions')}
                hint={t('ap.linesHint')}
                error={invalid('conditions')}
              >
                <textarea name="conditions" rows={3} />
              </Field>
              {early && (
                <label className="radio">
                  <input type="checkbox" name="early" /> {t('ap.startbesked.early')}
                </label>
              )}
            </>
          )}
        </CommandForm>
      )}
      {may('issueSlutbesked') && (
        <CommandForm
          id="ap-slutbesked"
          title={t('ap.slutbesked.title')}
          submit={t('ap.slutbesked.submit')}
          onDone={after(t('ap.slutbesked.done'))}
          send={(f) =>
            afterPermitApi.slutbesked(caseId, {
              version: v.version,
              kind: f.get('kind') === 'interim' ? 'interim' : 'final',
              conditions: linesOf(f.get('conditions')),
              remaining: linesOf(f.get('remaining')),
            })
          }
        >
          {(invalid) => (
            <>
              <fieldset aria-describedby={invalid('kind') ? 'ap-kind-error' : undefined}>
                <legend>{t('ap.slutbesked.kind')}</legend>
                <label className="radio">
                  <input type="radio" name="kind" value="final" defaultChecked={v.progress.done === v.progress.total} />{' '}
                  {t('ap.slutbesked.final')}
                </label>
                <label className="radio">
                  <input type="radio" name="kind" value="interim" defaultChecked={v.progress.done < v.progress.total} />{' '}
                  {t('ap.slutbesked.interim')}
                </label>
                {invalid('kind') && (
                  <p className="field__error" id="ap-kind-error">
                    {invalid('kind')}
                  </p>
                )}
              </fieldset>
              <Field
                id="ap-slut-remaining"
                label={t('ap.slutbesked.remaining')}
                hint={t('ap.linesHint')}
                error={invalid('remaining')}
              >
                <textarea name="remaining" rows={3} />
              </Field>
              <Field
                id="ap-slut-conditions"
                label={t('ap.conditions')}
                hint={t('ap.linesHint')}
                error={invalid('conditions')}
              >
                <textarea name="conditions" rows={2} />
              </Field>
            </>
          )}
        </CommandForm>
      )}
      {may('bookSiteVisit') && <SiteVisitBookingForm caseId={caseId} view={v} after={after} />}
      {may('recordSiteVisit') && <SiteVisitForm caseId={caseId} view={v} after={after} />}
    </>
  );
}

function SiteVisitBookingForm({ caseId, view: v, after }: FormsProps) {
  const { t } = useI18n();
  return (
    <CommandForm
      id="ap-booking"
      title={t('ap.visit.bookTitle')}
      submit={t('ap.visit.bookSubmit')}
      onDone={after(t('ap.visit.bookDone'))}
      send={(f) =>
        afterPermitApi.bookSiteVisit(caseId, { version: v.version, visitOn: text(f, 'on'), note: text(f, 'note') })
      }
    >
      {(invalid) => (
        <>
          <Field id="ap-booking-on" label={t('ap.visit.bookOn')} error={invalid('visitOn')}>
            <input type="date" name="on" min={v.today} />
          </Field>
          <Field id="ap-booking-note" label={t('ap.visit.bookNote')} error={invalid('note')}>
            <textarea name="note" rows={2} />
          </Field>
        </>
      )}
    </CommandForm>
  );
}

function SiteVisitForm({ caseId, view: v, after }: FormsProps) {
  const { t } = useI18n();
  return (
    <CommandForm
      id="ap-visit"
      title={t('ap.visit.title')}
      submit={t('ap.visit.submit')}
      onDone={after(t('ap.visit.done'))}
      send={(f) =>
        afterPermitApi.siteVisit(caseId, { version: v.version, visitedOn: text(f, 'on'), note: text(f, 'note') })
      }
    >
      {(invalid) => (
        <>
          <Field id="ap-visit-on" label={t('ap.visit.on')} error={invalid('visitedOn')}>
            <input type="date" name="on" defaultValue={v.today} max={v.today} />
          </Field>
          <Field id="ap-visit-note" label={t('ap.visit.note')} error={invalid('note')}>
            <textarea name="note" rows={3} />
          </Field>
        </>
      )}
    </CommandForm>
  );
}
