import type { OutboxEntry } from '@lovisa/domain';
import { PageTitle, Status } from '../../components/Layout';
import { ApiError, GET } from '../../api/http';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useApi } from '../../useApi';

const statusKey: Record<OutboxEntry['status'], MessageKey> = {
  recorded: 'outbox.status.recorded',
  queued: 'outbox.status.queued',
  sent: 'outbox.status.sent',
  retrying: 'outbox.status.retrying',
  failed: 'outbox.status.failed',
};

/**
 * The demo's mailbox (`/dev/e-post`): every e-mail Lovisa has written to applicants, with its delivery state.
 * The API behind it exists only with the BankID simulator, so a production server answers "not found" here.
 */
export default function OutboxPage() {
  const { t, lang } = useI18n();
  const { data, error } = useApi(() => GET('/api/dev/outbox').catch(notInProduction), []);
  const time = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'long',
    timeStyle: 'short',
  });
  return (
    <div className="page">
      <PageTitle>{t('outbox.title')}</PageTitle>
      <p>{t('outbox.lead')}</p>
      {error && <Status tone="error">{error}</Status>}
      {data === null && <Status>{t('outbox.unavailable')}</Status>}
      {data === undefined && !error && <p>{t('common.loading')}</p>}
      {data && data.length === 0 && <p>{t('outbox.empty')}</p>}
      {data && data.length > 0 && (
        <ul className="case-list">
          {data.map((m) => (
            <li key={m.id} className="case-card">
              <h2>{m.subject}</h2>
              <p className="case-card__meta">
                {t('outbox.to', { to: m.to })} · {time.format(new Date(m.createdAt))}
              </p>
              <p className={`outbox-status outbox-status--${m.status}`}>
                {t(statusKey[m.status])}
                {m.attempts > 0 && <> · {t('outbox.attempts', { n: String(m.attempts) })}</>}
              </p>
              {m.lastError && <p className="case-card__meta">{t('outbox.lastError', { error: m.lastError })}</p>}
              <details>
                <summary>{t('outbox.showBody')}</summary>
                <pre className="outbox-body">{m.body}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A server without the simulator has no mailbox to show: null, not an error. */
function notInProduction(e: unknown): null {
  if (e instanceof ApiError && e.status === 404) return null;
  throw e;
}
