import { measureLabels } from '@lovisa/domain';
import { api } from '../../api/client';
import { PageTitle, Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { useApi } from '../../useApi';
import { caseStateText, deadlineTone } from '../cases/caseText';

export default function QueuePage() {
  const { data, error } = useApi(() => api.queue(), [], { officer: true });
  return (
    <div className="page page--wide">
      <PageTitle>Ärenden att handlägga</PageTitle>
      {error && <Status tone="error">{error}</Status>}
      {!data && !error && <p>Hämtar …</p>}
      {data && data.length === 0 && <p>Kön är tom.</p>}
      {data && data.length > 0 && (
        <div className="table-wrap">
          <table className="queue">
            <caption>Gruppens ärenden, det med närmast beslutsdatum först</caption>
            <thead>
              <tr>
                <th scope="col">Diarienummer</th>
                <th scope="col">Fastighet</th>
                <th scope="col">Åtgärd</th>
                <th scope="col">Sökande</th>
                <th scope="col">Status</th>
                <th scope="col">Inkom</th>
                <th scope="col">Beslut senast</th>
                <th scope="col">Dagar kvar</th>
              </tr>
            </thead>
            <tbody>
              {data.map((c) => {
                const d = deadlineTone(c.decisionDeadline);
                return (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link href={`/handlaggare/arenden/${c.id}`}>{c.diaryNumber}</Link>
                    </th>
                    <td>{c.propertyDesignation}</td>
                    <td>{measureLabels[c.measure].sv}</td>
                    <td>{c.applicantName}</td>
                    <td>{caseStateText(c)}</td>
                    <td>{formatDate(c.receivedAt)}</td>
                    <td>{formatDate(c.decisionDeadline)}</td>
                    <td className={c.status === 'decided' ? undefined : `days days--${d.tone}`}>{c.status === 'decided' ? '–' : d.text}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
