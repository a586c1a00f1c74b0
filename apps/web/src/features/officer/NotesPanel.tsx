import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Field } from '../../components/Field';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { caseApi } from '../cases/caseApi';
import { fieldMessage, noteFormSchema, showIssues } from '../cases/caseForms';
import type { Detail, Run } from './OfficerCasePage';
import { Panel } from './Panel';

/** Tjänsteanteckningar: what the officers found, asked and weighed, kept with the case, oldest first. */
export function NotesPanel({ c, run }: { c: Detail; run: Run }) {
  const { t, lang, msg } = useI18n();
  const notes = c.officer.notes;
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(noteFormSchema), defaultValues: { text: '' } });
  const submit = handleSubmit(async ({ text }) => {
    const done = await run(
      t('loop.notes.done'),
      () => caseApi.writeNote(c.id, { version: c.version, text }),
      (e) => showIssues(e, ['text'], setError, msg),
    );
    if (done) reset({ text: '' });
  });
  return (
    <Panel title={t('loop.notes.title')} id="notes-title">
      {notes.length === 0 ? (
        <p>{t('loop.notes.none')}</p>
      ) : (
        <ol className="notes">
          {notes.map((n, i) => (
            <li key={`${n.at}-${i}`} className="notes__item">
              <p className="notes__meta">
                {n.by}, {formatDate(n.at, lang)}
              </p>
              <p className="notes__text">{n.text}</p>
            </li>
          ))}
        </ol>
      )}
      {c.officer.actions.includes('writeNote') && (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <Field
            id="note-text"
            label={t('loop.notes.new')}
            hint={t('loop.notes.hint')}
            error={fieldMessage(errors.text)}
          >
            <textarea rows={3} {...register('text')} />
          </Field>
          <button type="submit" className="button" disabled={isSubmitting}>
            {t('loop.notes.submit')}
          </button>
        </form>
      )}
    </Panel>
  );
}
