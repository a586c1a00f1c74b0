import { useState } from 'react';
import { attachmentLabels, documentHistory, type AttachmentInfo, type CaseDetail } from '@lovisa/domain';
import { apiUrl } from '../../api/http';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';

const fileUrl = (a: AttachmentInfo, inline = false) =>
  apiUrl('get', '/api/attachments/{id}', { path: { id: a.id }, query: inline ? { view: 'inline' } : {} });

/**
 * The case's documents, each with the version in force and the ones a later upload replaced, and a viewer that
 * shows a drawing in the page (PDF or image) next to the facts, so no one juggles downloads to compare.
 */
export function CaseDocuments({ c }: { c: Pick<CaseDetail, 'attachments'> }) {
  const { t, lang, label } = useI18n();
  const [shown, setShown] = useState<AttachmentInfo | null>(null);
  const documents = documentHistory(c.attachments);
  if (documents.length === 0) return <p>{t('case.noAttachments')}</p>;
  const version = (a: AttachmentInfo, n: number, current: boolean) => (
    <>
      <span className="case-documents__version">
        {t(current ? 'case.documents.current' : 'case.documents.replaced', { n })}
      </span>{' '}
      <a href={fileUrl(a)} download>
        {a.fileName}
      </a>{' '}
      <span className="hint">({formatDate(a.createdAt, lang)})</span>{' '}
      <button
        type="button"
        className="linklike"
        aria-pressed={shown?.id === a.id}
        onClick={() => setShown(shown?.id === a.id ? null : a)}
      >
        {t(shown?.id === a.id ? 'case.documents.hide' : 'case.documents.show')}
        <span className="visually-hidden"> {a.fileName}</span>
      </button>
    </>
  );
  return (
    <>
      <ul className="case-attachments">
        {documents.map((d) => {
          const count = d.replaced.length + 1;
          return (
            <li key={d.key}>
              <strong>{label(attachmentLabels[d.type])}</strong>: {version(d.current, count, true)}
              {d.replaced.length > 0 && (
                <ul className="case-documents__replaced">
                  {d.replaced.map((r, i) => (
                    <li key={r.id}>{version(r, count - 1 - i, false)}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {shown && (
        <section className="document-viewer" aria-labelledby="document-viewer-title">
          <h3 id="document-viewer-title">
            {label(attachmentLabels[shown.type])}: {shown.fileName}
          </h3>
          {shown.contentType === 'application/pdf' ? (
            <iframe className="document-viewer__frame" src={fileUrl(shown, true)} title={shown.fileName} />
          ) : (
            <img
              className="document-viewer__image"
              src={fileUrl(shown, true)}
              alt={`${label(attachmentLabels[shown.type])}: ${shown.fileName}`}
            />
          )}
          <p>
            <a href={fileUrl(shown)} download>
              {t('case.documents.download', { name: shown.fileName })}
            </a>
          </p>
        </section>
      )}
    </>
  );
}
