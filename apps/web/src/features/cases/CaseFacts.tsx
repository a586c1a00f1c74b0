import { lazy, Suspense } from 'react';
import {
  attachmentLabels,
  measureLabels,
  outcomeLabel,
  type AttachmentType,
  type CaseDetail,
  type CaseDocumentKind,
  type CaseEvent,
  type DecisionOutcome,
} from '@lovisa/domain';
import { polygonArea } from '@lovisa/geo';
import { formatArea, formatDate, formatNumber } from '../../format';
import { caseStateText } from './caseText';
import { documentUrl } from './caseApi';
import { CaseDocuments } from './CaseDocuments';
import { useI18n, type MessageKey } from '../../i18n/i18n';

const CaseMap = lazy(() => import('../../map/CaseMap'));

const eventKeys: Record<CaseEvent['type'], MessageKey> = {
  received: 'case.event.received',
  assessed: 'case.event.assessed',
  routed: 'case.event.routed',
  assigned: 'loop.event.assigned',
  completionRequested: 'loop.event.completionRequested',
  completed: 'loop.event.completed',
  deadlineExtended: 'loop.event.deadlineExtended',
  decisionProposed: 'loop.event.decisionProposed',
  proposalReturned: 'loop.event.proposalReturned',
  decided: 'case.event.decided',
  startApproved: 'loop.event.startApproved',
  withdrawn: 'loop.event.withdrawn',
  decisionDelivered: 'loop.event.decisionDelivered',
  hearingStarted: 'loop.event.hearingStarted',
  hearingAnswered: 'loop.event.hearingAnswered',
  hearingClosed: 'loop.event.hearingClosed',
  consultationWaived: 'afterPermit.event.consultationWaived',
  consultationSlotsPublished: 'afterPermit.event.consultationSlotsPublished',
  consultationBooked: 'afterPermit.event.consultationBooked',
  consultationHeld: 'afterPermit.event.consultationHeld',
  kontrollplanEdited: 'afterPermit.event.kontrollplanEdited',
  kontrollplanItemDone: 'afterPermit.event.kontrollplanItemDone',
  workStarted: 'afterPermit.event.workStarted',
  siteVisitBooked: 'afterPermit.event.siteVisitBooked',
  siteVisited: 'afterPermit.event.siteVisited',
  slutbeskedRequested: 'afterPermit.event.slutbeskedRequested',
  slutbeskedIssued: 'afterPermit.event.slutbeskedIssued',
  validityReminderSent: 'afterPermit.event.validityReminderSent',
  noteWritten: 'loop.event.noteWritten',
  feeDecided: 'loop.event.feeDecided',
  consultationSent: 'remiss.event.sent',
  consultationAnswered: 'remiss.event.answered',
  kontrollansvarigNamed: 'afterPermit.event.kontrollansvarigNamed',
  referredToCommittee: 'committee.event.referred',
  committeeReturned: 'committee.event.returned',
  removedFromAgenda: 'committee.event.removed',
};

const documentKeys: Record<CaseDocumentKind, MessageKey> = {
  decision: 'loop.downloadDecision',
  startApproval: 'loop.downloadStartApproval',
  slutbesked: 'afterPermit.document.slutbesked',
  interimSlutbesked: 'afterPermit.document.interimSlutbesked',
  consultationMinutes: 'afterPermit.document.consultationMinutes',
};

/** What both the applicant and the officer see of a case: one model, two faces. */
export function CaseFacts({ c, face }: { c: CaseDetail; face: 'me' | 'officer' }) {
  const { t, lang, label } = useI18n();
  const area = c.application.footprints.reduce((s, f) => s + polygonArea(f.geometry), 0);
  const eventText = (e: CaseEvent) => {
    const base = t(eventKeys[e.type]);
    const outcome = e.data.outcome as DecisionOutcome | undefined;
    if ((e.type === 'decided' || e.type === 'decisionProposed') && outcome)
      return `${base}: ${outcomeLabel(outcome, c.procedure)[lang].toLowerCase()}`;
    if (e.type === 'assigned' && typeof e.data.name === 'string') return `${base}: ${e.data.name}`;
    if (e.type === 'completionRequested' && Array.isArray(e.data.items) && e.data.items.length > 0) {
      return `${base}: ${(e.data.items as AttachmentType[]).map((i) => label(attachmentLabels[i]).toLowerCase()).join(', ')}`;
    }
    // What the applicant wrote with the answer, and a team lead's comment on a returned proposal.
    const words = e.type === 'completed' ? e.data.note : e.type === 'proposalReturned' ? e.data.comment : null;
    if (typeof words === 'string' && words) return `${base}: ”${words}”`;
    if (e.type === 'deadlineExtended' && typeof e.data.weeks === 'number')
      return `${base} (${t('loop.event.weeks', { n: e.data.weeks })})`;
    return base;
  };
  return (
    <>
      <dl className="facts">
        <dt>{t('case.status')}</dt>
        <dd className={`case-state case-state--${c.outcome ?? c.status}`}>{caseStateText(c, lang)}</dd>
        <dt>{t('case.property')}</dt>
        <dd>{c.propertyDesignation}</dd>
        <dt>{t('case.measure')}</dt>
        <dd>{label(measureLabels[c.measure])}</dd>
        <dt>{t('loop.procedure')}</dt>
        <dd>{t(c.procedure === 'notification' ? 'loop.procedure.notification' : 'loop.procedure.permit')}</dd>
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
        {c.status !== 'withdrawn' && (
          <>
            <dt>{t('case.deadline')}</dt>
            <dd>{c.clock.deadline ? formatDate(c.clock.deadline, lang) : t('loop.clock.waiting')}</dd>
          </>
        )}
        {c.decidedAt && (
          <>
            <dt>{t('loop.decidedAt')}</dt>
            <dd>
              {formatDate(c.decidedAt, lang)}
              {c.decidedByName ? ` (${c.decidedByName})` : ''}
            </dd>
          </>
        )}
        {c.decisionReason && (
          <>
            <dt>{t('case.reason')}</dt>
            <dd className="prewrap">{c.decisionReason}</dd>
          </>
        )}
        {c.decisionConditions.length > 0 && (
          <>
            <dt>{t('loop.conditions')}</dt>
            <dd>
              <ol className="plain-list">
                {c.decisionConditions.map((x, i) => (
                  <li key={i}>{x}</li>
                ))}
              </ol>
            </dd>
          </>
        )}
      </dl>
      {c.documents.length > 0 && (
        <ul className="documents">
          {c.documents.map((d) => (
            <li key={`${d.kind}-${d.createdAt}`}>
              <a className="button" href={documentUrl(face, c.id, d.kind)} download={d.fileName}>
                {t(documentKeys[d.kind])}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('case.description')}</h2>
      <p className="prewrap">{c.application.details.description}</p>
      <h2>{t('case.map')}</h2>
      <Suspense fallback={<p>{t('wizard.loadingMap')}</p>}>
        <CaseMap propertyId={c.propertyId} footprints={c.application.footprints} />
      </Suspense>
      <h2>{t('case.attachments')}</h2>
      <CaseDocuments c={c} />
      <h2>{t('case.events')}</h2>
      <ol className="events">
        {c.events.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{formatDate(e.at, lang)}</time> – {eventText(e)}
            {e.actor !== 'system' && e.actor !== 'applicant' && e.actor !== 'neighbour' && (
              <span className="hint"> ({e.actor})</span>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
