import { useRef, useState } from 'react';
import { measureLabels, type Draft } from '@lovisa/domain';
import { api, apiErrorMessage } from '../../api/client';
import { Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { useI18n, type Message } from '../../i18n/i18n';
import { Link } from '../../router';

/**
 * A draft in Mina ärenden: go on with it, or delete it after saying yes once more (its files and any neighbour's
 * invitation go with it, so the question says so). Focus moves to the question and back, for keyboard users.
 */
export function DraftCard({
  draft,
  designation,
  onDeleted,
}: {
  draft: Draft;
  designation: string | undefined;
  onDeleted(): void;
}) {
  const { t, lang, label } = useI18n();
  const [phase, setPhase] = useState<'idle' | 'confirm' | 'deleting'>('idle');
  const [error, setError] = useState<Message | undefined>();
  const question = useRef<HTMLParagraphElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const name = designation ?? t('drafts.noProperty');

  async function remove() {
    setPhase('deleting');
    try {
      await api.deleteDraft(draft.id);
      onDeleted();
    } catch (e) {
      setError(apiErrorMessage(e));
      setPhase('confirm');
    }
  }

  return (
    <li className="case-card">
      <h3>{name}</h3>
      {draft.data.measure && <p>{label(measureLabels[draft.data.measure])}</p>}
      <p className="case-card__meta">{t('drafts.saved', { date: formatDate(draft.updatedAt, lang) })}</p>
      {phase === 'idle' ? (
        <p className="button-row">
          <Link href={`/ansokan?utkast=${draft.id}`} className="button">
            {t('drafts.continue')} <span className="visually-hidden">{designation ?? ''}</span>
          </Link>
          <button
            ref={deleteButton}
            type="button"
            className="button"
            onClick={() => {
              setPhase('confirm');
              requestAnimationFrame(() => question.current?.focus());
            }}
          >
            {t('drafts.delete')} <span className="visually-hidden">{name}</span>
          </button>
        </p>
      ) : (
        <div className="draft-delete" role="group" aria-labelledby={`draft-delete-${draft.id}`}>
          <p id={`draft-delete-${draft.id}`} ref={question} tabIndex={-1}>
            {t('drafts.deleteQuestion')}
          </p>
          {error && <Status tone="error">{error}</Status>}
          <p className="button-row">
            <button
              type="button"
              className="button button--danger"
              disabled={phase === 'deleting'}
              onClick={() => void remove()}
            >
              {t('drafts.deleteConfirm')}
            </button>
            <button
              type="button"
              className="button"
              disabled={phase === 'deleting'}
              onClick={() => {
                setPhase('idle');
                setError(undefined);
                requestAnimationFrame(() => deleteButton.current?.focus());
              }}
            >
              {t('common.cancel')}
            </button>
          </p>
        </div>
      )}
    </li>
  );
}
