import { useState } from 'react';
import { PageTitle, Status } from '../../components/Layout';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { useApi } from '../../useApi';
import { kaApi } from './afterPermitApi';
import { PhaseBar } from './afterPermitParts';
import { KontrollplanTicks } from './KontrollplanTicks';

/**
 * The kontrollansvarig's view of one case (issue #21): the steps after the decision and the kontrollplan, with the
 * right to tick it (and add a photo or document) once the startbesked allows, and nothing else.
 */
export default function KontrollansvarigPage({ id }: { id: string }) {
  const { data, error, setData } = useApi(() => kaApi.view(id), [id]);
  const { data: cases } = useApi(() => kaApi.cases(), []);
  const which = cases?.find((c) => c.id === id);
  const { t } = useI18n();
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="page">
      <p>
        <Link href="/mina-arenden">{t('ap.ka.back')}</Link>
      </p>
      <PageTitle>{t('ap.ka.pageTitle')}</PageTitle>
      {which && (
        <p className="case-lead">
          {which.diaryNumber} · {which.measure}, {which.propertyDesignation} ·{' '}
          {t('ap.ka.byggherre', { name: which.applicantName })}
        </p>
      )}
      {error && <Status tone="error">{error}</Status>}
      {data && (
        <section aria-labelledby="ka-plan-title" className="after-permit">
          <p>{t('ap.ka.intro')}</p>
          {done && <Status tone="success">{done}</Status>}
          <PhaseBar view={data} />
          <h2 id="ka-plan-title">{t('ap.kontrollplan.title')}</h2>
          <p>{t('afterPermit.progress', { done: data.progress.done, total: data.progress.total })}</p>
          {!data.allowed.includes('tickKontrollplanItem') && data.progress.done < data.progress.total && (
            <p className="hint">{t('ap.ka.waitForStart')}</p>
          )}
          <KontrollplanTicks
            caseId={id}
            view={data}
            api={kaApi}
            onChanged={(next, message) => {
              setData(next);
              setDone(message);
            }}
          />
        </section>
      )}
    </div>
  );
}

/** On "Mina ärenden": the cases this person ticks as kontrollansvarig, if any. */
export function KontrollansvarigCases() {
  const { data } = useApi(() => kaApi.cases(), []);
  const { t } = useI18n();
  if (!data || data.length === 0) return null;
  return (
    <section aria-labelledby="ka-cases-title">
      <h2 id="ka-cases-title">{t('ap.ka.listTitle')}</h2>
      <ul className="case-list">
        {data.map((c) => (
          <li key={c.id} className="case-card">
            <Link href={`/kontrollansvarig/${c.id}`}>{c.diaryNumber}</Link>
            <p>
              {c.measure}, {c.propertyDesignation} · {t('ap.ka.byggherre', { name: c.applicantName })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
