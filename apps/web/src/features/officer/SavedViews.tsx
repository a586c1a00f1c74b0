import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { SavedQueueViewInputSchema, queueViewQuery, type QueueViewParams } from '@lovisa/domain';
import { Field } from '../../components/Field';
import { Status } from '../../components/Layout';
import { apiErrorMessage } from '../../api/client';
import { Link } from '../../router';
import { useApi } from '../../useApi';
import { useI18n, type Message } from '../../i18n/i18n';
import { caseApi } from '../cases/caseApi';
import { fieldMessage, showIssues } from '../cases/caseForms';

const nameForm = SavedQueueViewInputSchema.pick({ name: true });

/** A view's address in the console; equal views have equal addresses (defaults left out). */
export const viewHref = (params: QueueViewParams) => {
  const query = new URLSearchParams(queueViewQuery(params)).toString();
  return `/handlaggare${query ? `?${query}` : ''}`;
};

/**
 * The officer's saved views: each a link to its address, deletable; and the view on screen saved under a name.
 * `current` is the view the address shows, or null when the address holds something the queue does not know.
 */
export function SavedViews({ current }: { current: QueueViewParams | null }) {
  const { t, msg } = useI18n();
  const { data, error, reload } = useApi(() => caseApi.queueViews(), [], { officer: true });
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: Message } | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(nameForm), defaultValues: { name: '' } });
  const here = current ? viewHref(current) : null;

  const save = handleSubmit(async ({ name }) => {
    if (!current) return;
    try {
      const saved = await caseApi.saveQueueView({ name, params: current });
      setNotice({ tone: 'success', text: { id: 'queue.views.saved', params: { name: saved.name } } });
      reset({ name: '' });
      reload();
    } catch (e) {
      showIssues(e, ['name'] as const, setError, msg);
      setNotice({ tone: 'error', text: apiErrorMessage(e) });
    }
  });
  const remove = async (id: string, name: string) => {
    try {
      await caseApi.deleteQueueView(id);
      setNotice({ tone: 'success', text: { id: 'queue.views.deleted', params: { name } } });
      reload();
    } catch (e) {
      setNotice({ tone: 'error', text: apiErrorMessage(e) });
    }
  };

  return (
    <section className="saved-views" aria-labelledby="saved-views-title">
      <h2 id="saved-views-title">{t('queue.views.title')}</h2>
      {error && <Status tone="error">{error}</Status>}
      {data && data.views.length === 0 && <p className="hint">{t('queue.views.none')}</p>}
      {data && data.views.length > 0 && (
        <ul className="saved-views__list">
          {data.views.map((v) => {
            const href = viewHref(v.params);
            return (
              <li key={v.id}>
                <Link href={href} aria-current={href === here ? 'page' : undefined}>
                  {v.name}
                </Link>
                {href === here && <span className="hint"> ({t('queue.views.current')})</span>}
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('queue.views.delete', { name: v.name })}
                  onClick={() => void remove(v.id, v.name)}
                >
                  {t('queue.views.deleteShort')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {/* Closed until wanted: on a phone the form would push the queue a screen down. */}
      <details className="saved-views__save">
        <summary>{t('queue.views.saveSummary')}</summary>
        <form className="saved-views__form" noValidate onSubmit={(e) => void save(e)}>
          <Field
            id="view-name"
            label={t('queue.views.name')}
            hint={current ? t('queue.views.nameHint') : t('queue.views.badQuery')}
            error={fieldMessage(errors.name)}
          >
            <input type="text" autoComplete="off" maxLength={60} {...register('name')} />
          </Field>
          <button type="submit" className="button" disabled={isSubmitting || !current}>
            {t('queue.views.save')}
          </button>
        </form>
      </details>
      <div aria-live="polite">{notice && <Status tone={notice.tone}>{notice.text}</Status>}</div>
    </section>
  );
}
