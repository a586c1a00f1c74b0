import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Field } from '../../components/Field';
import { Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { caseApi } from '../cases/caseApi';
import { consultationFormSchema, fieldMessage, showIssues } from '../cases/caseForms';
import type { Detail, Run } from './OfficerCasePage';
import { Panel } from './Panel';

/**
 * Remisser: the case sent to a body whose view the decision needs, each with its question, reply-by day and
 * answer; and the form to send one, offered while the domain allows it.
 */
export function ConsultationsPanel({ c, run }: { c: Detail; run: Run }) {
  const { t, lang } = useI18n();
  const list = c.officer.consultations;
  const limits = c.officer.consultationLimits;
  if (list.length === 0 && !limits) return null;
  return (
    <Panel title={t('remiss.title')} id="remiss-title">
      {list.length === 0 ? (
        <p>{t('remiss.none')}</p>
      ) : (
        <ul className="remiss-list">
          {list.map((r) => (
            <li key={r.id} className="remiss-list__item">
              <p>
                <strong>{r.consultee}</strong> ({r.email}) ·{' '}
                {t('remiss.sent', { date: formatDate(r.sentAt, lang), by: r.sentBy })}
              </p>
              <p className="prewrap">{r.question}</p>
              {r.answer ? (
                <div className="remiss-list__answer">
                  <p>
                    <strong>{t(r.answer.kind === 'noObjection' ? 'remiss.noObjection' : 'remiss.comments')}</strong> –{' '}
                    {t('remiss.answeredBy', { name: r.answer.answeredBy, date: formatDate(r.answer.answeredAt, lang) })}
                  </p>
                  {r.answer.text && <p className="prewrap">{r.answer.text}</p>}
                </div>
              ) : (
                <p className={r.overdue ? 'flag flag--deviation' : 'hint'}>
                  {t(r.overdue ? 'remiss.overdue' : 'remiss.waiting', { date: formatDate(r.replyBy, lang) })}
                  {r.remindedAt ? ` ${t('remiss.reminded', { date: formatDate(r.remindedAt, lang) })}` : ''}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {limits && <SendForm c={c} limits={limits} run={run} />}
    </Panel>
  );
}

function SendForm({
  c,
  limits,
  run,
}: {
  c: Detail;
  limits: NonNullable<Detail['officer']['consultationLimits']>;
  run: Run;
}) {
  const { t, msg, label } = useI18n();
  const [link, setLink] = useState<string | null>(null);
  const empty = { consultee: '', email: '', question: '', replyBy: limits.defaultReplyBy };
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    reset,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(consultationFormSchema), defaultValues: empty });
  const suggested = c.officer.suggestedConsultees;
  const bodies = c.officer.consulteeBodies;
  /** A configured body's address comes with its name, unless the officer already typed one. */
  const pick = (name: string) => {
    const email = bodies.find((b) => b.name === name)?.email;
    if (email && !getValues('email')) setValue('email', email, { shouldDirty: true });
  };
  const submit = handleSubmit(async (input) => {
    let sentLink: string | null = null;
    const done = await run(
      t('remiss.done', { to: input.consultee }),
      async () => {
        const sent = await caseApi.sendConsultation(c.id, { version: c.version, ...input });
        sentLink = sent.link;
        return sent.case;
      },
      (e) => showIssues(e, ['consultee', 'email', 'question', 'replyBy'], setError, msg),
    );
    if (done) {
      setLink(sentLink);
      reset(empty);
    }
  });
  return (
    <details className="action">
      <summary>{t('remiss.send')}</summary>
      {link && (
        <Status tone="success">
          {t('remiss.link')} <code className="remiss-link">{new URL(link, window.location.origin).toString()}</code>
        </Status>
      )}
      {suggested.length > 0 && (
        <div className="remiss-suggestions">
          <p>{t('remiss.suggested')}</p>
          <ul className="plain-list">
            {suggested.map((b) => (
              <li key={b.name}>
                <button
                  type="button"
                  className="linklike"
                  onClick={() => {
                    setValue('consultee', b.name, { shouldDirty: true });
                    pick(b.name);
                  }}
                >
                  {b.name}
                </button>{' '}
                <span className="hint">({label(b.why)})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field
          id="remiss-consultee"
          label={t('remiss.consultee')}
          hint={t('remiss.consulteeHint')}
          error={fieldMessage(errors.consultee)}
        >
          <input
            type="text"
            list="remiss-bodies"
            autoComplete="off"
            {...register('consultee', { onChange: (e: { target: { value: string } }) => pick(e.target.value) })}
          />
        </Field>
        <datalist id="remiss-bodies">
          {bodies.map((b) => (
            <option key={b.name} value={b.name}>
              {label(b.why)}
            </option>
          ))}
        </datalist>
        <Field id="remiss-email" label={t('remiss.email')} error={fieldMessage(errors.email)}>
          <input type="email" autoComplete="off" {...register('email')} />
        </Field>
        <Field id="remiss-question" label={t('remiss.question')} error={fieldMessage(errors.question)}>
          <textarea rows={3} {...register('question')} />
        </Field>
        <Field id="remiss-reply-by" label={t('remiss.replyBy')} error={fieldMessage(errors.replyBy)}>
          <input type="date" min={limits.minReplyBy} {...register('replyBy')} />
        </Field>
        <button type="submit" className="button" disabled={isSubmitting}>
          {t('remiss.submit')}
        </button>
      </form>
    </details>
  );
}
