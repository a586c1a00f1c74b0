import { api } from '../../api/client';
import { PageTitle, Status } from '../../components/Layout';
import { Link } from '../../router';
import { useApi } from '../../useApi';
import { CaseFacts } from './CaseFacts';

export default function MyCasePage({ id }: { id: string }) {
  const { data, error } = useApi(() => api.myCase(id), [id]);
  return (
    <div className="page">
      <p>
        <Link href="/mina-arenden">← Mina ärenden</Link>
      </p>
      {error && <Status tone="error">{error}</Status>}
      {data && (
        <>
          <PageTitle>Ärende {data.diaryNumber}</PageTitle>
          <CaseFacts c={data} />
        </>
      )}
    </div>
  );
}
