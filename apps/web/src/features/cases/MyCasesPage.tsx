import { measureLabels } from '@lovisa/domain';
import { api } from '../../api/client';
import { PageTitle, Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { useApi } from '../../useApi';
import { caseStateText } from './caseText';

export default function MyCasesPage() {
  const { data, error } = useApi(() => api.myCases(), []);
  return (
    <div className="page">
      <PageTitle>Mina ärenden</PageTitle>
      {error && <Status tone="error">{error}</Status>}
      {!data && !error && <p>Hämtar …</p>}
      {data && data.length === 0 && (
        <p>
          Du har inga ärenden ännu. <Link href="/ansokan">Börja en ansökan</Link>.
        </p>
      )}
      {data && data.length > 0 && (
        <ul className="case-list">
          {data.map((c) => (
            <li key={c.id} className="case-card">
              <h2>
                <Link href={`/mina-arenden/${c.id}`}>
                  {c.diaryNumber} – {c.propertyDesignation}
                </Link>
              </h2>
              <p>{measureLabels[c.measure].sv}</p>
              <p className={`case-state case-state--${c.outcome ?? c.status}`}>{caseStateText(c)}</p>
              <p className="case-card__meta">
                Mottagen {formatDate(c.receivedAt)}
                {c.status !== 'decided' && <> · Beslut senast {formatDate(c.decisionDeadline)}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/ansokan" className="button">
          Ny ansökan
        </Link>
      </p>
    </div>
  );
}
