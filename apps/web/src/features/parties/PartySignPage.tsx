import { Fragment } from 'react';
import { measureLabels, type PartySignRequest } from '@lovisa/domain';
import { PageTitle, Status } from '../../components/Layout';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { useApi } from '../../useApi';
import { useSignOrder } from '../consent/useSignOrder';
import { SigningView } from '../wizard/SigningView';
import { partiesApi } from './partiesApi';

/**
 * A co-owner's signing link (issue #20): logged in with BankID, they see exactly what the applicant signed and
 * sign the same version. The order carries the version's hash; the server refuses a changed one.
 */
export default function PartySignPage({ code }: { code: string }) {
  const { data, error, reload } = useApi(() => partiesApi.request(code), [code]);
  const { t } = useI18n();
  const signing = useSignOrder(partiesApi, code, reload);
  if (signing.signing)
    return (
      <SigningView
        order={signing.order}
        message={signing.message}
        onCancel={signing.cancel}
        title="parties.sign.signTitle"
        loadQr={signing.loadQr}
      />
    );
  return (
    <div className="page page--narrow party-sign-page">
      <PageTitle>{t(data?.role === 'signatory' ? 'parties.sign.titleSignatory' : 'parties.sign.title')}</PageTitle>
      {error && <Status tone="error">{error}</Status>}
      {signing.error && <Status tone="error">{signing.error}</Status>}
      {data && <SignRequest view={data} onSign={() => void signing.start()} />}
    </div>
  );
}

function SignRequest({ view, onSign }: { view: PartySignRequest; onSign(): void }) {
  const { t, label, lang } = useI18n();
  const area = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 }).format(
    view.areaM2,
  );
  const rows: [string, string][] = [
    [t('parties.sign.diary'), view.diaryNumber],
    [t('parties.sign.measure'), label(measureLabels[view.measure])],
    [t('parties.sign.area'), `${area} m²`],
    [t('parties.sign.description'), view.description],
  ];
  return (
    <>
      <p>
        {t(view.role === 'signatory' ? 'parties.sign.introSignatory' : 'parties.sign.intro', {
          applicant: view.applicantName,
          property: view.propertyDesignation,
        })}
      </p>
      <dl className="facts">
        {rows.map(([k, v]) => (
          <Fragment key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </Fragment>
        ))}
      </dl>
      {view.state === 'invited' ? (
        <section className="consent-answer" aria-labelledby="party-sign-text">
          <h2 id="party-sign-text">{t('parties.sign.youSign')}</h2>
          <blockquote className="consent-answer__text prewrap">{view.signText}</blockquote>
          <p className="hint">{t('parties.hash', { hash: view.submissionHash.slice(0, 16) })}</p>
          <button type="button" className="button button--primary button--large" onClick={onSign}>
            {t('parties.sign.button')}
          </button>
        </section>
      ) : (
        <>
          <Status tone="success">{t(view.state === 'paper' ? 'parties.sign.paper' : 'parties.sign.signed')}</Status>
          <p>
            <Link href={`/mina-arenden/${view.caseId}`}>{t('parties.sign.toCase')}</Link>
          </p>
        </>
      )}
    </>
  );
}
