import type { CaseMessage } from '@lovisa/domain';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { useI18n } from '../../i18n/i18n';

/** The applicant's messages, newest first: the subject always visible, the text one click away. */
export function Inbox({ messages, showCase = false }: { messages: CaseMessage[]; showCase?: boolean }) {
  const { t, lang } = useI18n();
  if (messages.length === 0) return <p>{t('loop.inboxEmpty')}</p>;
  return (
    <ul className="inbox">
      {messages.map((m, i) => (
        <li key={m.id} className={`inbox__item inbox__item--${m.kind}`}>
          <details open={i === 0 && m.kind === 'completionRequest'}>
            <summary>
              <span className="inbox__head">
                <span className="inbox__subject">{m.subject}</span>{' '}
                <time dateTime={m.createdAt}>{formatDate(m.createdAt, lang)}</time>
              </span>
            </summary>
            <p className="prewrap">{m.body}</p>
            {showCase && (
              <p>
                <Link href={`/mina-arenden/${m.caseId}`}>{t('loop.toCase', { diary: m.diaryNumber })}</Link>
              </p>
            )}
          </details>
        </li>
      ))}
    </ul>
  );
}
