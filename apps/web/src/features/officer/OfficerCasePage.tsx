import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { canDecide, DecisionInputSchema, type DecisionInput } from '@lovisa/domain';
import { api, ApiError } from '../../api/client';
import { Field } from '../../components/Field';
import { PageTitle, Status } from '../../components/Layout';
import { Link } from '../../router';
import { useApi } from '../../useApi';
import { CaseFacts } from '../cases/CaseFacts';
import { caseStateText } from '../cases/caseText';
import { useI18n } from '../../i18n/i18n';

export default function OfficerCasePage({ id }: { id: string }) {
  const { data, error, setData } = useApi(() => api.officerCase(id), [id], { officer: true });
  const { t, lang } = useI18n();
  return (
    <div className="page">
      <p>
        <Link href="/handlaggare">{t('queue.back')}</Link>
      </p>
      {error && <Status tone="error">{error}</Status>}
      {data && (
        <>
          <PageTitle>{t('case.title', { diary: data.diaryNumber })}</PageTitle>
          <CaseFacts c={data} />
          {canDecide(data.status) ? (
            <DecisionForm id={data.id} onDecided={setData} />
          ) : (
            <Status tone="success">{t('decision.done', { state: caseStateText(data, lang) })}</Status>
          )}
        </>
      )}
    </div>
  );
}

function DecisionForm({ id, onDecided }: { id: string; onDecided(c: Awaited<ReturnType<typeof api.decide>>): void }) {
  const [serverError, setServerError] = useState<string | null>(null);
  const { t } = useI18n();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<DecisionInput>({ resolver: zodResolver(DecisionInputSchema) });
  const submit = async (input: DecisionInput) => {
    setServerError(null);
    try {
      onDecided(await api.decide(id, input));
    } catch (e) {
      setServerError(e instanceof ApiError ? e.message : t('decision.failed'));
    }
  };
  return (
    <form className="form decision" onSubmit={handleSubmit(submit)} noValidate>
      <h2>{t('decision.title')}</h2>
      <fieldset aria-describedby={errors.outcome ? 'outcome-error' : undefined}>
        <legend>{t('decision.legend')}</legend>
        <label className="radio">
          <input type="radio" value="approved" {...register('outcome')} /> {t('decision.approve')}
        </label>
        <label className="radio">
          <input type="radio" value="refused" {...register('outcome')} /> {t('decision.refuse')}
        </label>
        {errors.outcome && (
          <p className="field__error" id="outcome-error">
            {t('decision.chooseOutcome')}
          </p>
        )}
      </fieldset>
      <Field id="reason" label={t('decision.reason')} error={errors.reason?.message}>
        <textarea rows={4} {...register('reason')} />
      </Field>
      {serverError && <Status tone="error">{serverError}</Status>}
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {t('decision.submit')}
      </button>
    </form>
  );
}
