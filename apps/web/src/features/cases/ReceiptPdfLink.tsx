import { useI18n } from '../../i18n/i18n';
import { receiptUrl } from './caseApi';

/** The receipt PDF (issue #18, item 6), one tap away: on the receipt page and in Mina ärenden. */
export function ReceiptPdfLink({ caseId, diaryNumber }: { caseId: string; diaryNumber: string }) {
  const { t } = useI18n();
  return (
    <p className="receipt-pdf">
      <a
        className="button"
        href={receiptUrl(caseId)}
        download={`Kvitto ${diaryNumber}.pdf`}
        aria-describedby={`receipt-pdf-hint-${caseId}`}
      >
        {t('receiptPdf.link')}
      </a>
      <span className="hint receipt-pdf__hint" id={`receipt-pdf-hint-${caseId}`}>
        {t('receiptPdf.hint')}
      </span>
    </p>
  );
}
