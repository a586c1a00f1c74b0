import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  POWER_MAX_DAYS,
  addDays,
  formatPersonnummer,
  normalizePersonnummer,
  stockholmDate,
  type PowerOfAttorneyGrant,
  type PowerOfAttorneyPreview,
  type PowerOfAttorneyView,
} from '@lovisa/domain';
import { api, apiErrorMessage } from '../../api/client';
import { Field } from '../../components/Field';
import { PageTitle, Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { useI18n, type Message } from '../../i18n/i18n';
import { Link } from '../../router';
import { useApi } from '../../useApi';
import { caseApi } from '../cases/caseApi';
import { useSignOrder } from '../consent/useSignOrder';
import { SigningView } from '../wizard/SigningView';
import { grantSigning, powersApi } from './powersApi';

/**
 * Fullmakter (issue #20, ADR 0023): the owner gives a power of attorney for one of their properties or cases,
 * signed with BankID, sees what they gave with its state and revokes it; an agent sees what they hold.
 */
export default function PowersPage() {
  const { t } = useI18n();
  const { data, error, reload } = useApi(
    () => Promise.all([powersApi.mine(), api.myProperties(), caseApi.myCases()]),
    [],
  );
  const [done, setDone] = useState<Message | undefined>();
  const [signing, setSigning] = useState<PowerOfAttorneyGrant | null>(null);
  const [mine, properties, cases] = data ?? [];
  const signed = useCallback(() => {
    setSigning(null);
    setDone({ id: 'powers.give.done' });
    reload();
  }, [reload]);
  if (signing) return <SignGrant grant={signing} onSigned={signed} onCancel={() => setSigning(null)} />;
  const owned = (properties ?? []).filter((p) => !p.actingFor);
  return (
    <div className="page page--narrow powers-page">
      <PageTitle>{t('powers.title')}</PageTitle>
      <p>{t('powers.intro')}</p>
      {error && <Status tone="error">{error}</Status>}
      {done && <Status tone="success">{done}</Status>}
      {mine && (
        <>
          <section aria-labelledby="powers-granted">
            <h2 id="powers-granted">{t('powers.granted.title')}</h2>
            <PowerList
              powers={mine.granted}
              empty={t('powers.granted.none')}
              side="granted"
              onRevoked={() => {
                setDone({ id: 'powers.revoked' });
                reload();
              }}
            />
          </section>
          <section aria-labelledby="powers-give">
            <h2 id="powers-give">{t('powers.give.title')}</h2>
            {owned.length === 0 && (cases ?? []).length === 0 ? (
              <p>{t('powers.give.nothing')}</p>
            ) : (
              <GrantForm
                properties={owned.map((p) => ({ id: p.id, designation: p.designation }))}
                cases={(cases ?? []).map((c) => ({
                  id: c.id,
                  diaryNumber: c.diaryNumber,
                  designation: c.propertyDesignation,
                }))}
                onReviewed={(grant) => {
                  setDone(undefined);
                  setSigning(grant);
                }}
              />
            )}
          </section>
          <section aria-labelledby="powers-held">
            <h2 id="powers-held">{t('powers.held.title')}</h2>
            <PowerList powers={mine.held} empty={t('powers.held.none')} side="held" />
          </section>
        </>
      )}
    </div>
  );
}

function PowerList(props: {
  powers: PowerOfAttorneyView[];
  empty: string;
  side: 'granted' | 'held';
  onRevoked?(): void;
}) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<Message | undefined>();
  if (props.powers.length === 0) return <p>{props.empty}</p>;
  const revoke = async (id: string) => {
    setError(undefined);
    try {
      await powersApi.revoke(id);
      props.onRevoked?.();
    } catch (e) {
      setError(apiErrorMessage(e));
    }
  };
  return (
    <>
      {error && <Status tone="error">{error}</Status>}
      <ul className="power-list">
        {props.powers.map((p) => {
          const who = (props.side === 'granted' ? p.agentName : p.principalName) ?? t('powers.item.unnamed');
          return (
            <li key={p.id} className={`power-list__item power-list__item--${p.state}`}>
              <p>
                <strong>{t(props.side === 'granted' ? 'powers.item.to' : 'powers.item.from', { name: who })}</strong>{' '}
                <span className={`power-state power-state--${p.state}`}>{t(`powers.state.${p.state}`)}</span>
              </p>
              <p>
                {t('powers.item.scope', {
                  scope: t(p.scope.kind === 'property' ? 'powers.item.property' : 'powers.item.case', {
                    label: p.scopeLabel,
                  }),
                })}
              </p>
              <p className="hint">
                {t('powers.item.until', { date: formatDate(p.validUntil, lang) })} ·{' '}
                {t('powers.item.signed', { date: formatDate(p.signedAt, lang) })}
                {p.revokedAt && <> · {t('powers.item.revokedAt', { date: formatDate(p.revokedAt, lang) })}</>}
              </p>
              {props.side === 'granted' && p.state === 'valid' && (
                <button type="button" className="button" onClick={() => void revoke(p.id)}>
                  {t('powers.revoke', { name: who })}
                </button>
              )}
              {props.side === 'held' && p.state === 'valid' && p.scope.kind === 'property' && (
                <Link href="/ansokan?ny" className="button">
                  {t('powers.applyFor', { designation: p.scopeLabel })}
                </Link>
              )}
              {props.side === 'held' && p.state === 'valid' && p.scope.kind === 'case' && (
                <Link href={`/mina-arenden/${p.scope.caseId}`}>{p.scopeLabel}</Link>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

type Choice = { id: string; designation: string };

function GrantForm(props: {
  properties: Choice[];
  cases: (Choice & { diaryNumber: string })[];
  onReviewed(grant: PowerOfAttorneyGrant): void;
}) {
  const { t } = useI18n();
  const today = stockholmDate(new Date());
  const first = props.properties[0] ? `property:${props.properties[0].id}` : `case:${props.cases[0]?.id ?? ''}`;
  const [scope, setScope] = useState(first);
  const [agent, setAgent] = useState('');
  const [until, setUntil] = useState(addDays(today, 90));
  const [agentError, setAgentError] = useState<Message | undefined>();
  const [error, setError] = useState<Message | undefined>();
  const [preview, setPreview] = useState<{ grant: PowerOfAttorneyGrant; shown: PowerOfAttorneyPreview } | null>(null);
  const review = async () => {
    setError(undefined);
    const pnr = normalizePersonnummer(agent);
    setAgentError(pnr ? undefined : { id: 'powers.give.agentInvalid' });
    if (!pnr) return;
    const [kind, id] = scope.split(':') as ['property' | 'case', string];
    const grant: PowerOfAttorneyGrant = {
      agent: pnr,
      scope: kind === 'property' ? { kind, propertyId: id } : { kind, caseId: id },
      validUntil: until,
    };
    try {
      setPreview({ grant, shown: await powersApi.preview(grant) });
    } catch (e) {
      setError(apiErrorMessage(e));
    }
  };
  if (preview)
    return (
      <GrantPreview {...preview} onSign={() => props.onReviewed(preview.grant)} onChange={() => setPreview(null)} />
    );
  return (
    <form
      className="power-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void review();
      }}
    >
      {error && <Status tone="error">{error}</Status>}
      <fieldset className="cards">
        <legend>{t('powers.give.scope')}</legend>
        {props.properties.map((p) => (
          <label key={p.id} className="card-option">
            <input
              type="radio"
              name="power-scope"
              value={`property:${p.id}`}
              checked={scope === `property:${p.id}`}
              onChange={() => setScope(`property:${p.id}`)}
            />
            <span>
              <strong>{t('powers.give.property', { designation: p.designation })}</strong>
              <span className="card-option__meta">{t('powers.give.propertyHint')}</span>
            </span>
          </label>
        ))}
        {props.cases.map((c) => (
          <label key={c.id} className="card-option">
            <input
              type="radio"
              name="power-scope"
              value={`case:${c.id}`}
              checked={scope === `case:${c.id}`}
              onChange={() => setScope(`case:${c.id}`)}
            />
            <span>
              <strong>{t('powers.give.case', { diaryNumber: c.diaryNumber, designation: c.designation })}</strong>
              <span className="card-option__meta">{t('powers.give.caseHint')}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Field id="power-agent" label={t('powers.give.agent')} hint={t('powers.give.agentHint')} error={agentError}>
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={agent}
          onChange={(e) => setAgent(e.target.value)}
        />
      </Field>
      <Field id="power-until" label={t('powers.give.until')} hint={t('powers.give.untilHint')}>
        <input
          type="date"
          min={addDays(today, 1)}
          max={addDays(today, POWER_MAX_DAYS)}
          value={until}
          onChange={(e) => setUntil(e.target.value)}
        />
      </Field>
      <button type="submit" className="button button--primary">
        {t('powers.give.review')}
      </button>
    </form>
  );
}

/** What the owner is about to sign: the agent as the register names them, and the text BankID will show. */
function GrantPreview(props: {
  grant: PowerOfAttorneyGrant;
  shown: PowerOfAttorneyPreview;
  onSign(): void;
  onChange(): void;
}) {
  const { t } = useI18n();
  return (
    <div className="power-preview">
      <dl className="facts">
        <dt>{t('powers.give.agentName')}</dt>
        <dd>
          {props.shown.agentName ?? t('powers.give.agentProtected')} ({formatPersonnummer(props.grant.agent)})
        </dd>
      </dl>
      <h3>{t('powers.give.youSign')}</h3>
      <blockquote className="consent-answer__text prewrap">{props.shown.signText}</blockquote>
      <div className="button-row">
        <button type="button" className="button button--primary button--large" onClick={props.onSign}>
          {t('powers.give.sign')}
        </button>
        <button type="button" className="button" onClick={props.onChange}>
          {t('powers.give.change')}
        </button>
      </div>
    </div>
  );
}

/** The owner signs the reviewed grant with BankID; the power holds once BankID says the owner signed. */
function SignGrant(props: { grant: PowerOfAttorneyGrant; onSigned(): void; onCancel(): void }) {
  const { t } = useI18n();
  const signApi = useMemo(() => grantSigning(props.grant), [props.grant]);
  const signing = useSignOrder(signApi, 'power', props.onSigned);
  const { start } = signing;
  // The owner pressed "Skriv under": the order starts as this view opens, once.
  useEffect(() => {
    void start();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (signing.error)
    return (
      <div className="page page--narrow">
        <Status tone="error">{signing.error}</Status>
        <button type="button" className="button" onClick={props.onCancel}>
          {t('powers.give.change')}
        </button>
      </div>
    );
  return (
    <SigningView
      order={signing.order}
      message={signing.message}
      onCancel={() => {
        signing.cancel();
        props.onCancel();
      }}
      title="powers.give.signTitle"
      loadQr={signing.loadQr}
    />
  );
}
