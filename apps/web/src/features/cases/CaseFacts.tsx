import { lazy, Suspense } from 'react';
import { attachmentLabels, measureLabels, type CaseDetail } from '@lovisa/domain';
import { polygonArea } from '@lovisa/geo';
import { formatArea, formatDate, formatNumber } from '../../format';
import { caseStateText } from './caseText';
import { useI18n, type MessageKey } from '../../i18n/i18n';

const CaseMap = lazy(() => import('../../map/CaseMap'));

const eventKeys: Record<string, MessageKey> = {
  received: 'case.event.received',
  assessed: 'case.event.assessed',
  routed: 'case.event.routed',
  decided: 'case.event.decided',
};

/** What both the applicant and the officer see of a case: one model, two faces. */
export function CaseFacts({ c }: { c: CaseDetail }) {
  const { t, lang, label } = useI18n();
  const eventText = (type: string) => (eventKeys[type] ? t(eventKeys[type]) : type);
  const area = c.application.footprints.reduce((s, f) => s + polygonArea(f.geometry), 0);
  return (
    <>
      <dl className="facts">
        <dt>{t('case.status')}</dt>
        <dd className={`case-state case-state--${c.outcome ?? c.status}`}>{caseStateText(c, lang)}</dd>
        <dt>{t('case.property')}</dt>
        <dd>{c.propertyDesignation}</dd>
        <dt>{t('case.measure')}</dt>
        <dd>{label(measureLabels[c.measure])}</dd>
        <dt>{t('case.applicant')}</dt>
        <dd>{c.applicantName}</dd>
        <dt>{t('case.area')}</dt>
        <dd>{formatArea(area, lang)}</dd>
        <dt>{t('case.ridgeHeight')}</dt>
        <dd>{formatNumber(c.application.details.ridgeHeightM, lang)} m</dd>
        <dt>{t('case.plannedStart')}</dt>
        <dd>{formatDate(c.application.details.plannedStart, lang)}</dd>
        <dt>{t('case.received')}</dt>
        <dd>{formatDate(c.receivedAt, lang)}</dd>
        <dt>{t('case.deadline')}</dt>
        <dd>{formatDate(c.decisionDeadline, lang)}</dd>
        {c.decisionReason && (
          <>
            <dt>{t('case.reason')}</dt>
            <dd>{c.decisionReason}</dd>
          </>
        )}
      </dl>
      <h2>{t('case.description')}</h2>
      <p className="prewrap">{c.application.details.description}</p>
      <h2>{t('case.map')}</h2>
      <Suspense fallback={<p>{t('wizard.loadingMap')}</p>}>
        <CaseMap propertyId={c.propertyId} footprints={c.application.footprints} />
      </Suspense>
      <h2>{t('case.attachments')}</h2>
      {c.attachments.length === 0 ? (
        <p>{t('case.noAttachments')}</p>
      ) : (
        <ul className="case-attachments">
          {c.attachments.map((a) => (
            <li key={a.id}>
              {label(attachmentLabels[a.type])}:{' '}
              <a href={`/api/attachments/${a.id}`} download>
                {a.fileName}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('case.events')}</h2>
      <ol className="events">
        {c.events.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{formatDate(e.at, lang)}</time> – {eventText(e.type)}
          </li>
        ))}
      </ol>
    </>
  );
}
