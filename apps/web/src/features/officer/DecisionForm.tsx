import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { DecisionInput } from '@lovisa/domain';
import { Field } from '../../components/Field';
import { Status } from '../../components/Layout';
import { useI18n, type Message } from '../../i18n/i18n';
import { apiErrorMessage } from '../../api/client';
import { caseApi } from '../cases/caseApi';
import { decisionFormSchema, fieldMessage, showIssues } from '../cases/caseForms';
import type { Detail, Run } from './OfficerCasePage';
import { ConditionPicker } from './ConditionPicker';
import { PdfFrame } from './PdfPreview';
import { BoardReferral, useBoardReferral } from '../committee/BoardReferral';

type DecisionLimits = NonNullable<Detail['officer']['limits']['decision']>;
type Reviewed = { input: DecisionInput; url: string };

/**
 * The decision: written, then read as the PDF it will be, then made. "Förhandsgranska" renders the very document
 * the decision would issue (the server's same function, nothing stored); only from there can it be made, and
 * changing anything goes back to writing. A proposal (four eyes) issues nothing yet: it is sent as it is.
 */
export function DecisionForm({ c, limits, run }: { c: Detail; limits: DecisionLimits; run: Run }) {
  const { t, msg } = useI18n();
  const schema = useMemo(() => decisionFormSchema(limits), [limits]);
  const {
    register,
    handleSubmit,
    control,
    setError,
    getValues,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(schema), defaultValues: { reason: '' } });
  /** A condition from the library becomes one more line of the conditions field. */
  const addCondition = (text: string) => {
    const current = String(getValues('conditions') ?? '').trimEnd();
    setValue('conditions', current ? `${current}\n${text}` : text, { shouldDirty: true });
  };
  const outcome = useWatch({ control, name: 'outcome' });
  const board = useBoardReferral(limits, outcome);
  const proposes = limits.proposes;
  const review = usePreview();
  const refused = (e: unknown) => showIssues(e, ['outcome', 'reason', 'conditions'], setError, msg);
  const submit = handleSubmit(async (values) => {
    const input = inputOf(c.version, values);
    if (board.toBoard) {
      await board.refer(c, input, run, setError, msg, t('committee.referred'));
      return;
    }
    if (proposes) {
      await run(t('loop.decision.proposed'), () => caseApi.decide(c.id, input), refused);
      return;
    }
    await review.open(c.id, input, refused);
  });
  const outcomeError = fieldMessage(errors.outcome);
  const invalid = outcomeError ? true : undefined;
  const reviewing = review.shown !== null;
  return (
    <form className="form decision panel" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('decision.title')}</h2>
      {proposes && <p className="status status--warning">{t('loop.decision.fourEyes')}</p>}
      {limits.hearingNeeded && <p className="hint">{t('hearing.decisionNeedsHearing')}</p>}
      <fieldset className="decision__fields" disabled={reviewing}>
        <fieldset aria-describedby={outcomeError ? 'outcome-error' : undefined}>
          <legend>{t('decision.legend')}</legend>
          {limits.outcomes.includes('approved') && (
            <label className="radio">
              <input type="radio" value="approved" aria-invalid={invalid} {...register('outcome')} />{' '}
              {t('decision.approve')}
            </label>
          )}
          {limits.outcomes.includes('refused') && (
            <label className="radio">
              <input type="radio" value="refused" aria-invalid={invalid} {...register('outcome')} />{' '}
              {t(c.procedure === 'notification' ? 'loop.decision.refuseStart' : 'decision.refuse')}
            </label>
          )}
          {limits.outcomes.includes('dismissed') && (
            <label className="radio">
              <input type="radio" value="dismissed" aria-invalid={invalid} {...register('outcome')} />{' '}
              {t('loop.decision.dismiss')}
            </label>
          )}
          {outcomeError && (
            <p className="field__error" id="outcome-error">
              {msg(outcomeError)}
            </p>
          )}
        </fieldset>
        <Field
          id="reason"
          label={t('decision.reason')}
          hint={t(
            outcome === 'refused' || outcome === 'dismissed' ? 'loop.decision.reasonsHint' : 'loop.decision.reasonHint',
          )}
          error={fieldMessage(errors.reason)}
        >
          <textarea rows={4} {...register('reason')} />
        </Field>
        {outcome === 'approved' && (
          <Field
            id="conditions"
            label={t('loop.conditions')}
            hint={t('loop.decision.conditionsHint')}
            error={fieldMessage(errors.conditions)}
          >
            {/* Unregistered when hidden: a refusal carries no conditions, and a stale line cannot block it. */}
            <textarea rows={3} {...register('conditions', { shouldUnregister: true })} />
          </Field>
        )}
        {outcome === 'approved' && <ConditionPicker caseId={c.id} disabled={reviewing} onPick={addCondition} />}
        <BoardReferral board={board} mayRefer={limits.mayRefer} />
      </fieldset>
      {review.error && <Status tone="error">{review.error}</Status>}
      {reviewing ? (
        <ReviewStep
          url={review.shown!.url}
          fileName={`${t('decision.previewFile')} ${c.diaryNumber}.pdf`}
          onDecide={() => void run(t('loop.decision.made'), () => caseApi.decide(c.id, review.shown!.input), refused)}
          onChange={review.close}
        />
      ) : (
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {t(board.toBoard ? 'committee.refer' : proposes ? 'loop.decision.propose' : 'decision.preview')}
        </button>
      )}
    </form>
  );
}

/** The request a written decision makes, on the case version it was written on. */
const inputOf = (
  version: number,
  { outcome, reason, conditions }: { outcome: DecisionInput['outcome']; reason: string; conditions: string[] },
) => ({ version, outcome, reason, ...(conditions.length ? { conditions } : {}) });

/** The previewed PDF (a blob URL, let go when the preview closes or the page goes) and a failed preview's message. */
function usePreview() {
  const [shown, setShown] = useState<Reviewed | null>(null);
  const [error, setErrorMessage] = useState<Message | undefined>();
  const url = useRef<string | null>(null);
  const release = () => {
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = null;
  };
  useEffect(() => release, []);
  return {
    shown,
    error,
    async open(caseId: string, input: DecisionInput, refused: (e: unknown) => void) {
      setErrorMessage(undefined);
      try {
        const pdf = await caseApi.previewDecision(caseId, input);
        release();
        url.current = URL.createObjectURL(pdf);
        setShown({ input, url: url.current });
      } catch (e) {
        refused(e);
        setErrorMessage(apiErrorMessage(e, { id: 'decision.previewFailed' }));
      }
    },
    close() {
      release();
      setShown(null);
    },
  };
}

/** Read it, then make it: the decision goes to the applicant as it stands and cannot be changed afterwards. */
function ReviewStep(props: { url: string; fileName: string; onDecide(): void; onChange(): void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="decision__review" aria-labelledby="decision-review-title">
      <h3 id="decision-review-title" ref={heading} tabIndex={-1}>
        {t('decision.reviewTitle')}
      </h3>
      <PdfFrame url={props.url} title={props.fileName} />
      <p>
        <a href={props.url} download={props.fileName} className="decision__pdf">
          {t('decision.previewOpen')}
        </a>
      </p>
      <p className="status status--warning">{t('decision.finalWarning')}</p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={props.onDecide}>
          {t('decision.submit')}
        </button>
        <button type="button" className="button" onClick={props.onChange}>
          {t('decision.change')}
        </button>
      </div>
    </section>
  );
}
