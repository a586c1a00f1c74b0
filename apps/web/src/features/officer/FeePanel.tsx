import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { CaseFee } from '@lovisa/domain';
import { Field } from '../../components/Field';
import { FeeLineRows } from '../../components/FeeLineRows';
import { formatDate, formatSek } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { caseApi } from '../cases/caseApi';
import { feeDecisionFormSchema, fieldMessage, showIssues } from '../cases/caseForms';
import type { Detail, Run } from './OfficerCasePage';
import { Panel } from './Panel';

/** A number field's text as a number: empty is "not given", so the schema asks for it. */
const toNumber = (v: unknown) => (v === '' || v === undefined || v === null ? undefined : Number(v));

/**
 * The fee the decision will state, line by line from the municipality's schedule (taxa), and the officer's
 * fee decision where the schedule's sum is not the right one (the taxa lets the board adjust it, with reasons).
 */
export function FeePanel({ c, fee, run }: { c: Detail; fee: CaseFee; run: Run }) {
  const { t, lang, label } = useI18n();
  const sek = (n: number) => formatSek(n, lang);
  const open = c.status !== 'decided' && c.status !== 'withdrawn';
  return (
    <Panel title={t('loop.fee.title')} id="fee-title">
      <table className="fee__table">
        <caption className="visually-hidden">{t('loop.fee.caption')}</caption>
        <tbody>
          <FeeLineRows lines={fee.lines} totalSEK={fee.scheduleTotalSEK} totalLabel={t('loop.fee.scheduleTotal')} />
          {fee.decision && (
            <tr>
              <th scope="row">{t('loop.fee.decided')}</th>
              <td>{sek(fee.decision.totalSEK)}</td>
            </tr>
          )}
          {fee.reduction > 0 && (
            <tr>
              <th scope="row">{t('loop.fee.reduction', { p: Math.round(fee.reduction * 100) })}</th>
              <td>−{sek(fee.totalSEK - fee.payableSEK)}</td>
            </tr>
          )}
          <tr className="fee__total">
            <th scope="row">{t(open ? 'loop.fee.payableToday' : 'loop.fee.payable')}</th>
            <td>{sek(fee.payableSEK)}</td>
          </tr>
        </tbody>
      </table>
      {fee.decision && (
        <p>
          {t('loop.fee.decidedBy', { name: fee.decision.by, date: formatDate(fee.decision.at, lang) })}{' '}
          <q>{fee.decision.reason}</q>
        </p>
      )}
      <p className="hint">
        {t('loop.fee.basis', { schedule: label(fee.schedule), area: fee.areaM2, n: fee.neighbours })}
        {fee.example ? ` ${t('loop.fee.example')}` : ''}
      </p>
      {c.officer.actions.includes('decideFee') && <FeeDecisionForm c={c} fee={fee} run={run} />}
    </Panel>
  );
}

function FeeDecisionForm({ c, fee, run }: { c: Detail; fee: CaseFee; run: Run }) {
  const { t, msg } = useI18n();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(feeDecisionFormSchema),
    defaultValues: { totalSEK: fee.totalSEK, reason: '' },
  });
  const submit = handleSubmit(async ({ totalSEK, reason }) => {
    const done = await run(
      t('loop.fee.done'),
      () => caseApi.decideFee(c.id, { version: c.version, totalSEK, reason }),
      (e) => showIssues(e, ['totalSEK', 'reason'], setError, msg),
    );
    if (done) reset({ totalSEK, reason: '' });
  });
  return (
    <details className="action">
      <summary>{t('loop.fee.change')}</summary>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="fee-total" label={t('loop.fee.newTotal')} error={fieldMessage(errors.totalSEK)}>
          <input
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            {...register('totalSEK', { setValueAs: toNumber })}
          />
        </Field>
        <Field id="fee-reason" label={t('loop.fee.reason')} error={fieldMessage(errors.reason)}>
          <textarea rows={2} {...register('reason')} />
        </Field>
        <button type="submit" className="button" disabled={isSubmitting}>
          {t('loop.fee.submit')}
        </button>
      </form>
    </details>
  );
}
