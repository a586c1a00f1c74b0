import { api } from '../../api/client';
import { PageTitle, Status } from '../../components/Layout';
import { Link } from '../../router';
import { useApi } from '../../useApi';
import { CaseFacts } from './CaseFacts';
import { useI18n } from '../../i18n/i18n';

export default function MyCasePage({ id }: { id: string }) {
  const { data, error } = useApi(() => api.myCase(id), [id]);
  const { t } = useI18n();
  return (
    <div className="page">
      <p>
        <Link href="/mina-arenden">{t('cases.back')}</Link>
      </p>
      {error && <Status tone="error">{error}</Status>}
      {data && (
        <>
          <PageTitle>{t('case.title', { diary: data.diaryNumber })}</PageTitle>
          <CaseFacts c={data} />
        </>
      )}
    </div>
  );
}
