import { Fragment, useState } from 'react';
import { CONSENT_REASON_MAX, measureLabels, type ConsentRequestView } from '@lovisa/domain';
import { apiErrorMessage } from '../../api/client';
import { Field } from '../../components/Field';
import { PageTitle, Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { useI18n, type Message } from '../../i18n/i18n';
import { useApi } from '../../useApi';
import { SigningView } from '../wizard/SigningView';
import { consentApi } from './consentApi';
import { PlotSketch } from './PlotSketch';
import { useSignOrder } from './useSignOrder';

/** The invited neighbour's page: the drawing, their boundary and the distance; sign with BankID or decline. */
export default function ConsentPage({ code }: { code: string }) {
  const { data, error, reload } = useApi(() => consentApi.view(code), [code]);
  const { t } = useI18n();
  const signing = useSignOrder(consentApi, code, reload);
  if (signing.signing)
    return (
      <SigningView
        order={signing.order}
        message={signing.message}
        onCancel={signing.cancel}
        title="consent.page.signTitle"
        loadQr={signing.loadQr}
      />
    );
  return (
    <div className="page page--narrow consent-page">
      <PageTitle>{t('consent.page.title')}</PageTitle>
      {error && <Status tone="error">{error}</Status>}
      {signing.error && <Status tone="error">{signing.error}</Status>}
      {data && <ConsentRequest code={code} view={data} onSign={() => void signing.start()} onAnswered={reload} />}
    </div>
  );
}

function ConsentFacts({ view }: { view: ConsentRequestView }) {
  const { t, label, lang } = useI18n();
  const n = (v: number) =>
    new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 }).format(v);
  const rows: [string, string][] = [
    [t('consent.page.measure'), label(measureLabels[view.subject.measure])],
    [t('consent.page.area'), t('consent.page.m2', { value: n(view.subject.areaM2) })],
    ...(view.subject.ridgeHeightM === null
      ? []
      : [[t('consent.page.ridge'), t('consent.page.m', { value: n(view.subject.ridgeHeightM) })] as [string, string]]),
    [t('consent.page.distance'), t('consent.page.m', { value: n(view.subject.distanceM) })],
    [t('consent.page.expires'), formatDate(view.expiresAt, lang)],
  ];
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <Fragment key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function ConsentRequest(props: { code: string; view: ConsentRequestView; onSign(): void; onAnswered(): void }) {
  const { view } = props;
  const { t, lang } = useI18n();
  const distance = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB').format(view.subject.distanceM);
  return (
    <>
      <p>
        {t('consent.page.intro', {
          applicant: view.applicantName,
          site: view.siteDesignation,
          neighbour: view.neighbourDesignation,
        })}
      </p>
      <PlotSketch
        site={view.siteBoundary.coordinates}
        neighbour={view.neighbourBoundary.coordinates}
        buildings={view.subject.footprints}
        label={t('consent.page.mapLabel', {
          site: view.siteDesignation,
          neighbour: view.neighbourDesignation,
          distance,
        })}
        legend={{
          site: t('consent.page.legendSite'),
          neighbour: t('consent.page.legendNeighbour'),
          building: t('consent.page.legendBuilding'),
        }}
      />
      <ConsentFacts view={view} />
      <p>
        <a href={consentApi.sitePlanUrl(props.code)} target="_blank" rel="noreferrer">
          {t('consent.page.sitePlan')} {t('common.newTab')}
        </a>
      </p>
      {view.answer === 'consented' ? (
        <Status tone="success">{t('consent.page.consented')}</Status>
      ) : view.answer === 'declined' ? (
        <Status>{t('consent.page.declined')}</Status>
      ) : (
        <Answer code={props.code} signText={view.signText} onSign={props.onSign} onAnswered={props.onAnswered} />
      )}
    </>
  );
}

function Answer(props: { code: string; signText: string; onSign(): void; onAnswered(): void }) {
  const { t } = useI18n();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Message | undefined>();
  const decline = async () => {
    const trimmed = reason.trim();
    if (!trimmed) return setError({ id: 'consent.reasonRequired' });
    try {
      await consentApi.decline(props.code, trimmed);
      props.onAnswered();
    } catch (e) {
      setError(apiErrorMessage(e));
    }
  };
  return (
    <section className="consent-answer" aria-labelledby="consent-sign-text">
      <h2 id="consent-sign-text">{t('consent.page.youSign')}</h2>
      <blockquote className="consent-answer__text">{props.signText}</blockquote>
      <div className="choice-buttons">
        <button type="button" className="button button--primary button--large" onClick={props.onSign}>
          {t('consent.page.sign')}
        </button>
        <button
          type="button"
          className="button button--large"
          aria-expanded={declining}
          onClick={() => setDeclining((d) => !d)}
        >
          {t('consent.page.decline')}
        </button>
      </div>
      {declining && (
        <form
          className="consent-answer__decline"
          onSubmit={(e) => {
            e.preventDefault();
            void decline();
          }}
        >
          <Field id="consent-reason" label={t('consent.page.reason')} hint={t('consent.page.reasonHint')} error={error}>
            <textarea
              rows={4}
              maxLength={CONSENT_REASON_MAX}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Field>
          <button type="submit" className="button">
            {t('consent.page.sendDecline')}
          </button>
        </form>
      )}
    </section>
  );
}
