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

export default function OfficerCasePage({ id }: { id: string }) {
  const { data, error, setData } = useApi(() => api.officerCase(id), [id], { officer: true });
  return (
    <div className="page">
      <p>
        <Link href="/handlaggare">← Ärenden att handlägga</Link>
      </p>
      {error && <Status tone="error">{error}</Status>}
      {data && (
        <>
          <PageTitle>Ärende {data.diaryNumber}</PageTitle>
          <CaseFacts c={data} />
          {canDecide(data.status) ? (
            <DecisionForm id={data.id} onDecided={setData} />
          ) : (
            <Status tone="success">Beslut fattat: {caseStateText(data)}.</Status>
          )}
        </>
      )}
    </div>
  );
}

function DecisionForm({ id, onDecided }: { id: string; onDecided(c: Awaited<ReturnType<typeof api.decide>>): void }) {
  const [serverError, setServerError] = useState<string | null>(null);
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
      setServerError(e instanceof ApiError ? e.message : 'Beslutet kunde inte sparas. Försök igen.');
    }
  };
  return (
    <form className="form decision" onSubmit={handleSubmit(submit)} noValidate>
      <h2>Beslut</h2>
      <fieldset aria-describedby={errors.outcome ? 'outcome-error' : undefined}>
        <legend>Beslut i ärendet</legend>
        <label className="radio">
          <input type="radio" value="approved" {...register('outcome')} /> Bevilja
        </label>
        <label className="radio">
          <input type="radio" value="refused" {...register('outcome')} /> Avslå
        </label>
        {errors.outcome && (
          <p className="field__error" id="outcome-error">
            Välj bevilja eller avslå.
          </p>
        )}
      </fieldset>
      <Field id="reason" label="Motivering" error={errors.reason?.message}>
        <textarea rows={4} {...register('reason')} />
      </Field>
      {serverError && <Status tone="error">{serverError}</Status>}
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        Fatta beslut
      </button>
    </form>
  );
}
