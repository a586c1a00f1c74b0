import { measureLabels } from '@lovisa/domain';
import { PageTitle, Status } from '../../components/Layout';
import { KontrollansvarigCases } from '../afterPermit/KontrollansvarigPage';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { useApi } from '../../useApi';
import { caseApi } from './caseApi';
import { api } from '../../api/client';
import { caseStateText } from './caseText';
import { Inbox } from './Inbox';
import { DraftCard } from './DraftCard';
import { useI18n } from '../../i18n/i18n';

export default function MyCasesPage() {
  const { data, error, reload } = useApi(
    () => Promise.all([caseApi.myCases(), caseApi.myMessages(), api.drafts(), api.myProperties()]),
    [],
  );
  const { t, lang, label } = useI18n();
  const [cases, messages, drafts, properties] = data ?? [undefined, undefined, undefined, undefined];
  const designation = (id: string | undefined) => properties?.find((p) => p.id === id)?.designation;
  return (
    <div className="page">
      <PageTitle>{t('cases.title')}</PageTitle>
      {error && <Status tone="error">{error}</Status>}
      {!data && !error && <p>{t('common.loading')}</p>}
      {cases && cases.length === 0 && (
        <p>
          {t('cases.none')} <Link href="/ansokan">{t('cases.start')}</Link>.
        </p>
      )}
      {cases && cases.length > 0 && (
        <ul className="case-list">
          {cases.map((c) => (
            <li key={c.id} className={`case-card${c.awaitingMyAnswer ? ' case-card--attention' : ''}`}>
              <h2>
                <Link href={`/mina-arenden/${c.id}`}>
                  {c.diaryNumber} – {c.propertyDesignation}
                </Link>
              </h2>
              <p>{label(measureLabels[c.measure])}</p>
              <p className={`case-state case-state--${c.outcome ?? c.status}`}>{caseStateText(c, lang)}</p>
              {c.awaitingMyAnswer && <p className="case-card__action">{t('loop.me.answerNeeded')}</p>}
              {c.hearingUntil && (
                <p className="case-card__hearing">{t('hearing.mine', { date: formatDate(c.hearingUntil, lang) })}</p>
              )}
              <p className="case-card__meta">
                {t('cases.received', { date: formatDate(c.receivedAt, lang) })}
                {(c.status === 'received' || c.status === 'proposed') && c.expectedDecisionDate && (
                  <> · {t('loop.me.expected', { date: formatDate(c.expectedDecisionDate, lang) })}</>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {drafts && drafts.length > 0 && (
        <section aria-labelledby="drafts-title">
          <h2 id="drafts-title">{t('drafts.title')}</h2>
          <ul className="case-list">
            {drafts.map((d) => (
              <DraftCard key={d.id} draft={d} designation={designation(d.data.propertyId)} onDeleted={reload} />
            ))}
          </ul>
        </section>
      )}
      <p className="button-row">
        <Link href="/ansokan?ny" className="button">
          {t('cases.new')}
        </Link>
        <Link href="/fullmakter" className="button">
          {t('powers.link')}
        </Link>
      </p>
      <KontrollansvarigCases />
      {messages && (
        <section aria-labelledby="inbox-title">
          <h2 id="inbox-title">{t('loop.inbox')}</h2>
          <Inbox messages={messages} showCase />
        </section>
      )}
    </div>
  );
}
