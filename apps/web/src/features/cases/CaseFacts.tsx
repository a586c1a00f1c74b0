import { lazy, Suspense } from 'react';
import { measureLabels, type CaseDetail } from '@lovisa/domain';
import { polygonArea } from '@lovisa/geo';
import { formatArea, formatDate } from '../../format';
import { caseStateText } from './caseText';

const CaseMap = lazy(() => import('../../map/CaseMap'));

const eventText: Record<string, string> = { received: 'Ansökan mottagen', routed: 'Ärendet fördelat', decided: 'Beslut fattat' };

/** What both the applicant and the officer see of a case: one model, two faces. */
export function CaseFacts({ c }: { c: CaseDetail }) {
  const area = c.application.footprints.reduce((s, f) => s + polygonArea(f.geometry), 0);
  return (
    <>
      <dl className="facts">
        <dt>Status</dt>
        <dd className={`case-state case-state--${c.outcome ?? c.status}`}>{caseStateText(c)}</dd>
        <dt>Fastighet</dt>
        <dd>{c.propertyDesignation}</dd>
        <dt>Åtgärd</dt>
        <dd>{measureLabels[c.measure].sv}</dd>
        <dt>Sökande</dt>
        <dd>{c.applicantName}</dd>
        <dt>Byggnadsarea enligt ritning</dt>
        <dd>{formatArea(area)}</dd>
        <dt>Nockhöjd</dt>
        <dd>{c.application.details.ridgeHeightM.toLocaleString('sv-SE')} m</dd>
        <dt>Planerad byggstart</dt>
        <dd>{formatDate(c.application.details.plannedStart)}</dd>
        <dt>Mottagen</dt>
        <dd>{formatDate(c.receivedAt)}</dd>
        <dt>Beslut senast</dt>
        <dd>{formatDate(c.decisionDeadline)}</dd>
        {c.decisionReason && (
          <>
            <dt>Motivering</dt>
            <dd>{c.decisionReason}</dd>
          </>
        )}
      </dl>
      <h2>Beskrivning</h2>
      <p className="prewrap">{c.application.details.description}</p>
      <h2>Karta</h2>
      <Suspense fallback={<p>Hämtar kartan …</p>}>
        <CaseMap propertyId={c.propertyId} footprints={c.application.footprints} />
      </Suspense>
      <h2>Händelser</h2>
      <ol className="events">
        {c.events.map((e, i) => (
          <li key={i}>
            <time dateTime={e.at}>{formatDate(e.at)}</time> – {eventText[e.type] ?? e.type}
          </li>
        ))}
      </ol>
    </>
  );
}
