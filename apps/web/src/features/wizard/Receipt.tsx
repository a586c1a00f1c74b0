import type { CaseSummary } from '@lovisa/domain';
import { PageTitle } from '../../components/Layout';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { useI18n } from '../../i18n/i18n';
import { ReceiptPdfLink } from '../cases/ReceiptPdfLink';

/** The receipt the law asks for: the time limit, and where to follow the case. */
export function Receipt({ summary }: { summary: CaseSummary }) {
  const { t, lang } = useI18n();
  return (
    <div className="page page--narrow">
      <PageTitle>{t('receipt.title')}</PageTitle>
      <div className="status status--success" role="status">
        <p>
          {t('receipt.diary')} <strong className="diary-number">{summary.diaryNumber}</strong>.
        </p>
      </div>
      <dl className="facts">
        <dt>{t('receipt.property')}</dt>
        <dd>{summary.propertyDesignation}</dd>
        <dt>{t('receipt.received')}</dt>
        <dd>{formatDate(summary.receivedAt, lang)}</dd>
        <dt>{t('receipt.deadline')}</dt>
        <dd>{formatDate(summary.decisionDeadline, lang)}</dd>
      </dl>
      <p>{t('receipt.law')}</p>
      <ReceiptPdfLink caseId={summary.id} diaryNumber={summary.diaryNumber} />
      <h2>{t('receipt.nextTitle')}</h2>
      <p>{t('receipt.next')}</p>
      <p className="receipt__actions no-print">
        <Link href="/mina-arenden" className="button button--primary">
          {t('receipt.follow')}
        </Link>{' '}
        <button type="button" className="button" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
      </p>
    </div>
  );
}
