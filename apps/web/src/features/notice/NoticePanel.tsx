import { useState } from 'react';
import { announcementChannelLabels, type CaseDetail, type DecisionNotice, type NoticeDelivery } from '@lovisa/domain';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { caseApi } from '../cases/caseApi';

/**
 * The notice and legal-force facts of a decided case, one model for both faces: the dates come from the server
 * (the domain's decisionNotice); this view holds no rule of its own.
 */
type Run = (label: string, act: () => Promise<CaseDetail>) => Promise<boolean>;

function useNames() {
  const { t } = useI18n();
  return (d: NoticeDelivery) =>
    d.party === 'applicant'
      ? `${t('notice.party.applicant')}: ${d.name ?? ''}`
      : `${d.name ?? t('notice.protected')}${d.propertyDesignation ? `, ${d.propertyDesignation}` : ''}`;
}

/** The officer's panel: announcement, each delivery (with "delgivet den" for a service not yet recorded), the dates. */
export function OfficerNoticePanel({ c, run }: { c: CaseDetail & { notice: DecisionNotice }; run: Run }) {
  const { t, lang, label } = useI18n();
  const n = c.notice;
  const nameOf = useNames();
  const waiting = n.deliveries.filter((d) => n.waitingFor.includes(d.id)).map(nameOf);
  return (
    <section className="panel" aria-labelledby="notice-title">
      <h2 id="notice-title">{t('notice.title')}</h2>
      <p>
        {n.announcement
          ? t('notice.announced', {
              from: formatDate(n.announcement.publishedOn, lang),
              until: formatDate(n.announcement.upUntil, lang),
              channel: label(announcementChannelLabels[n.announcement.channel]),
            })
          : t('notice.notAnnounced')}
      </p>
      <p className="notice-date">
        <strong>
          {n.legalForceOn
            ? t('notice.legalForce', { date: formatDate(n.legalForceOn, lang) })
            : t('notice.waiting', { who: waiting.join(', ') })}
        </strong>
      </p>
      {n.earliestStart && <p>{t('notice.earliestStart', { date: formatDate(n.earliestStart, lang) })}</p>}
      {n.lapses && (
        <p>
          {t('notice.lapses', {
            startBy: formatDate(n.lapses.startBy, lang),
            finishBy: formatDate(n.lapses.finishBy, lang),
          })}
        </p>
      )}
      {n.uncertain && <p className="flag flag--uncertain">{t('notice.uncertain')}</p>}
      <h3>{t('notice.deliveries')}</h3>
      <ul className="notice-deliveries">
        {n.deliveries.map((d) => (
          <li key={d.id}>
            <span>{nameOf(d)}</span>{' '}
            <span className="hint">
              {t(`notice.purpose.${d.purpose}`)}, {t(`notice.method.${d.method}`)},{' '}
              {t('notice.sent', { date: formatDate(d.sentOn, lang) })}
              {d.deliveredOn && <>, {t('notice.delivered', { date: formatDate(d.deliveredOn, lang) })}</>}
            </span>
            {/* A service legal force waits for is asked for at once; a sakägare told by letter may be served too. */}
            {!d.deliveredOn &&
              (d.purpose === 'service' ? (
                <DeliveredForm c={c} d={d} run={run} name={nameOf(d)} />
              ) : (
                <details className="notice-more">
                  <summary>
                    {t('notice.markSubmit')}
                    <span className="visually-hidden"> ({nameOf(d)})</span>
                  </summary>
                  <DeliveredForm c={c} d={d} run={run} name={nameOf(d)} />
                </details>
              ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function DeliveredForm({ c, d, run, name }: { c: CaseDetail; d: NoticeDelivery; run: Run; name: string }) {
  const { t } = useI18n();
  const [day, setDay] = useState('');
  const id = `delivered-${d.id}`;
  return (
    <form
      className="notice-delivered"
      onSubmit={(e) => {
        e.preventDefault();
        if (day)
          void run(t('notice.markDone'), () =>
            caseApi.recordDelivery(c.id, { version: c.version, deliveryId: d.id, deliveredOn: day }),
          );
      }}
    >
      <label htmlFor={id}>
        {t('notice.markDelivered')} <span className="visually-hidden">({name})</span>
      </label>
      <input id={id} type="date" required min={d.sentOn} value={day} onChange={(e) => setDay(e.target.value)} />
      <button type="submit" className="button">
        {t('notice.markSubmit')}
        <span className="visually-hidden"> ({name})</span>
      </button>
    </form>
  );
}

/** "Mina ärenden": when the decision gains legal force, when building may start, when the permit lapses. */
export function MyNotice({ n }: { n: DecisionNotice }) {
  const { t, lang, label } = useI18n();
  return (
    <section className="panel notice-me" aria-labelledby="notice-me-title">
      <h2 id="notice-me-title">{t('notice.title')}</h2>
      {n.announcement && (
        <p>
          {t('notice.me.announced', {
            date: formatDate(n.announcement.publishedOn, lang),
            channel: label(announcementChannelLabels[n.announcement.channel]),
          })}
        </p>
      )}
      <p className="notice-date">
        <strong>
          {n.legalForceOn
            ? t('notice.me.legalForce', { date: formatDate(n.legalForceOn, lang) })
            : t('notice.me.waiting')}
        </strong>
      </p>
      {n.earliestStart && <p>{t('notice.me.earliestStart', { date: formatDate(n.earliestStart, lang) })}</p>}
      {n.lapses && (
        <p>
          {t('notice.me.lapses', {
            startBy: formatDate(n.lapses.startBy, lang),
            finishBy: formatDate(n.lapses.finishBy, lang),
          })}
        </p>
      )}
    </section>
  );
}
