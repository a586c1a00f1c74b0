import { lazy, Suspense, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { NeighbourHearingView } from '@lovisa/domain';
import { apiErrorText } from '../../api/client';
import { Field } from '../../components/Field';
import { PageTitle, Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useApi } from '../../useApi';
import { caseApi, hearingDocumentUrl } from '../cases/caseApi';
import { fieldMessage, hearingOnlineFormSchema, showIssues } from '../cases/caseForms';
import { answerKeys } from '../officer/HearingPanel';

const HearingMap = lazy(() => import('./HearingMap'));

/**
 * What a neighbour was sent, opened by their letter's code after a BankID login: the application, its drawing,
 * the deviations, the documents, and their answer while the hearing runs. Read-only once it is closed.
 */
export default function NeighbourHearingPage({ code }: { code: string }) {
  const { t, lang, msg } = useI18n();
  const { data: loaded, error } = useApi(() => caseApi.hearing(code), [code]);
  const [answered, setAnswered] = useState<NeighbourHearingView | null>(null);
  const v = answered ?? loaded;
  return (
    <div className="page">
      <PageTitle>{t('hearing.neighbour.title')}</PageTitle>
      {error && <Status tone="error">{msg(error)}</Status>}
      {v && (
        <>
          <p className="case-lead">
            {t('hearing.neighbour.lead', {
              applicant: v.applicantName,
              property: v.propertyDesignation,
              yours: v.yourProperty,
            })}
          </p>
          {answered && <Status tone="success">{t('hearing.neighbour.thanks')}</Status>}
          <p>
            <strong>
              {v.running
                ? t('hearing.neighbour.replyBy', { date: formatDate(v.replyBy, lang) })
                : t('hearing.neighbour.closed')}
            </strong>
          </p>
          <h2>{t('hearing.neighbour.what')}</h2>
          <p className="prewrap">{v.measureDescription}</p>
          {v.footprints.length > 0 && (
            <Suspense fallback={<p>{t('common.loading')}</p>}>
              <HearingMap view={v} />
            </Suspense>
          )}
          <h2>{t('hearing.neighbour.deviations')}</h2>
          <ul className="plain-list">
            {v.deviations.map((d, i) => (
              <li key={i}>{d[lang]}</li>
            ))}
          </ul>
          <h2>{t('hearing.neighbour.documents')}</h2>
          {v.running ? (
            <ul className="plain-list">
              {v.documents.map((d) => (
                <li key={d.id}>
                  <a href={hearingDocumentUrl(code, d.id)} download>
                    {d.fileName}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('hearing.neighbour.documentsAfterClose')}</p>
          )}
          <h2>{t('hearing.neighbour.yourAnswer')}</h2>
          {v.answer && (
            <p>
              {t('hearing.neighbour.answered', {
                date: formatDate(v.answer.at, lang),
                kind: t(answerKeys[v.answer.kind]),
              })}
              {v.answer.text && <q className="prewrap">{v.answer.text}</q>}
            </p>
          )}
          {v.mayAnswer ? (
            <AnswerForm code={code} onDone={setAnswered} hasAnswer={!!v.answer} />
          ) : (
            v.running === false || <p>{t('hearing.neighbour.late')}</p>
          )}
        </>
      )}
    </div>
  );
}

function AnswerForm({
  code,
  onDone,
  hasAnswer,
}: {
  code: string;
  onDone: (v: NeighbourHearingView) => void;
  hasAnswer: boolean;
}) {
  const i18n = useI18n();
  const { t, msg } = i18n;
  const [failed, setFailed] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(hearingOnlineFormSchema), defaultValues: { kind: 'noObjection', text: '' } });
  const kind = useWatch({ control, name: 'kind' });
  const submit = handleSubmit(async ({ kind, text }) => {
    setFailed(null);
    try {
      onDone(await caseApi.answerHearing(code, { kind, ...(text ? { text } : {}) }));
    } catch (e) {
      setFailed(apiErrorText(e, i18n));
      showIssues(e, ['kind', 'text'], setError, msg);
    }
  });
  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      {failed && <Status tone="error">{failed}</Status>}
      {hasAnswer && <p className="hint">{t('hearing.neighbour.change')}</p>}
      <fieldset>
        <legend>{t('hearing.neighbour.kind')}</legend>
        {(['noObjection', 'objection', 'comment'] as const).map((k) => (
          <label key={k} className="radio">
            <input type="radio" value={k} {...register('kind')} /> {t(answerKeys[k])}
          </label>
        ))}
      </fieldset>
      {kind !== 'noObjection' && (
        <Field
          id="hearing-text"
          label={t('hearing.neighbour.text')}
          hint={t('hearing.neighbour.textHint')}
          error={fieldMessage(errors.text)}
        >
          <textarea rows={5} {...register('text', { shouldUnregister: true })} />
        </Field>
      )}
      <p className="hint">{t('hearing.neighbour.identified')}</p>
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {t('hearing.neighbour.submit')}
      </button>
    </form>
  );
}
