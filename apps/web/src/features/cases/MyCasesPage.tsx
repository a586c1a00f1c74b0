import { measureLabels } from '@lovisa/domain';
import { api } from '../../api/client';
import { PageTitle, Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { useApi } from '../../useApi';
import { caseStateText } from './caseText';
import { useI18n } from '../../i18n/i18n';

export default function MyCasesPage() {
  const { data, error } = useApi(() => api.myCases(), []);
  const { t, lang, label } = useI18n();
  return (
    <div className="page">
      <PageTitle>{t('cases.title')}</PageTitle>
      {error && <Status tone="error">{error}</Status>}
      {!data && !error && <p>{t('common.loading')}</p>}
      {data && data.length === 0 && (
        <p>
          {t('cases.none')} <Link href="/ansokan">{t('cases.start')}</Link>.
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
              <p>{label(measureLabels[c.measure])}</p>
              <p className={`case-state case-state--${c.outcome ?? c.status}`}>{caseStateText(c, lang)}</p>
              <p className="case-card__meta">
                {t('cases.received', { date: formatDate(c.receivedAt, lang) })}
                {c.status !== 'decided' && <> · {t('cases.deadline', { date: formatDate(c.decisionDeadline, lang) })}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/ansokan" className="button">
          {t('cases.new')}
        </Link>
      </p>
    </div>
  );
}
