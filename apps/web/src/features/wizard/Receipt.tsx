import type { CaseSummary } from '@lovisa/domain';
import { PageTitle } from '../../components/Layout';
import { formatDate } from '../../format';
import { Link } from '../../router';

/** The receipt the law asks for: the time limit, and where to follow the case. */
export function Receipt({ summary }: { summary: CaseSummary }) {
  return (
    <div className="page page--narrow">
      <PageTitle>Tack! Din ansökan är skickad</PageTitle>
      <div className="status status--success" role="status">
        <p>
          Ditt ärende har diarienummer <strong className="diary-number">{summary.diaryNumber}</strong>.
        </p>
      </div>
      <dl className="facts">
        <dt>Fastighet</dt>
        <dd>{summary.propertyDesignation}</dd>
        <dt>Mottagen</dt>
        <dd>{formatDate(summary.receivedAt)}</dd>
        <dt>Beslut senast</dt>
        <dd>{formatDate(summary.decisionDeadline)}</dd>
      </dl>
      <p>
        Kommunen ska fatta beslut inom 10 veckor från att ansökan är komplett. Blir beslutet försenat sänks avgiften med en femtedel för
        varje påbörjad vecka. Beslutet kan överklagas till länsstyrelsen inom tre veckor från att du fått det.
      </p>
      <p>
        <Link href="/mina-arenden" className="button button--primary">
          Följ ärendet i Mina ärenden
        </Link>
      </p>
    </div>
  );
}
