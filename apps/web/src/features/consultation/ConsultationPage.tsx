import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  ConsultationAnswerInputSchema,
  attachmentLabels,
  type AttachmentType,
  type ConsulteeView,
} from '@lovisa/domain';
import { apiUrl } from '../../api/http';
import { apiErrorText } from '../../api/client';
import { Field } from '../../components/Field';
import { PageTitle, Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useApi } from '../../useApi';
import { caseApi } from '../cases/caseApi';
import { fieldMessage, showIssues } from '../cases/caseForms';

const documentUrl = (token: string, fileId: string) =>
  apiUrl('get', '/api/consultations/{token}/documents/{fileId}', { path: { token, fileId } });

/**
 * A remiss body's page, opened by the link in its e-mail (no login: the link is the key): the question, the
 * application and its drawings, and one answer while the case is open.
 */
export default function ConsultationPage({ token }: { token: string }) {
  const { t, lang, label, msg } = useI18n();
  const { data: loaded, error } = useApi(() => caseApi.consultation(token), [token]);
  const [answered, setAnswered] = useState<ConsulteeView | null>(null);
  const v = answered ?? loaded;
  return (
    <div className="page">
      <PageTitle>{t('remiss.page.title')}</PageTitle>
      {error && <Status tone="error">{msg(error)}</Status>}
      {v && (
        <>
          <p className="case-lead">
            {t('remiss.page.lead', { to: v.consultee, diary: v.diaryNumber, property: v.propertyDesignation })}
          </p>
          {answered && <Status tone="success">{t('remiss.page.thanks')}</Status>}
          <h2>{t('remiss.page.question')}</h2>
          <p className="prewrap">{v.question}</p>
          <p>
            <strong>{t('remiss.page.replyBy', { date: formatDate(v.replyBy, lang) })}</strong>{' '}
            {t('remiss.page.from', { name: v.sentBy })}
          </p>
          <h2>{t('remiss.page.application')}</h2>
          <dl className="facts">
            <dt>{t('review.property')}</dt>
            <dd>{v.propertyDesignation}</dd>
            <dt>{t('remiss.page.measure')}</dt>
            <dd>{label(v.measure)}</dd>
          </dl>
          <p className="prewrap">{v.description}</p>
          <h2>{t('remiss.page.documents')}</h2>
          <ul className="plain-list">
            {v.documents.map((d) => (
              <li key={d.id}>
                {label(attachmentLabels[d.type as AttachmentType] ?? { sv: d.type, en: d.type })}:{' '}
                <a href={documentUrl(token, d.id)} download>
                  {d.fileName}
                </a>
              </li>
            ))}
          </ul>
          <h2>{t('remiss.page.answer')}</h2>
          {v.answer ? (
            <>
              <p>
                {t('remiss.page.answered', {
                  kind: t(v.answer.kind === 'noObjection' ? 'remiss.noObjection' : 'remiss.comments'),
                  name: v.answer.answeredBy,
                  date: formatDate(v.answer.answeredAt, lang),
                })}
              </p>
              {v.answer.text && <p className="prewrap">{v.answer.text}</p>}
            </>
          ) : v.mayAnswer ? (
            <AnswerForm token={token} onDone={setAnswered} />
          ) : (
            <p>{t('remiss.page.closed')}</p>
          )}
        </>
      )}
    </div>
  );
}

function AnswerForm({ token, onDone }: { token: string; onDone: (v: ConsulteeView) => void }) {
  const i18n = useI18n();
  const { t, msg } = i18n;
  const [failed, setFailed] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(ConsultationAnswerInputSchema),
    defaultValues: { kind: 'noObjection' as const, text: '', answeredBy: '' },
  });
  const { register } = form;
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control: form.control, name: 'kind' });
  // One answer per remiss: a refusal (already answered, case decided) is shown above the form.
  const submit = form.handleSubmit(async (input) => {
    setFailed(null);
    await caseApi.answerConsultation(token, input).then(onDone, (e: unknown) => {
      setFailed(apiErrorText(e, i18n));
      showIssues(e, ['kind', 'text', 'answeredBy'], form.setError, msg);
    });
  });
  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      {failed && <Status tone="error">{failed}</Status>}
      <fieldset>
        <legend>{t('remiss.page.kind')}</legend>
        {(['noObjection', 'comments'] as const).map((k) => (
          <label key={k} className="radio">
            <input type="radio" value={k} {...register('kind')} />{' '}
            {t(k === 'noObjection' ? 'remiss.noObjection' : 'remiss.comments')}
          </label>
        ))}
      </fieldset>
      {kind === 'comments' && (
        <Field id="remiss-text" label={t('remiss.page.text')} error={fieldMessage(errors.text)}>
          <textarea rows={6} {...register('text', { shouldUnregister: true })} />
        </Field>
      )}
      <Field
        id="remiss-answered-by"
        label={t('remiss.page.answeredBy')}
        hint={t('remiss.page.answeredByHint')}
        error={fieldMessage(errors.answeredBy)}
      >
        <input type="text" autoComplete="name" {...register('answeredBy')} />
      </Field>
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {t('remiss.page.submit')}
      </button>
    </form>
  );
}
