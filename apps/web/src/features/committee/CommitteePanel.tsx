import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { Link } from '../../router';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../format';
import { caseApi } from '../cases/caseApi';
import { fieldMessage, showIssues } from '../cases/caseForms';
import { Panel } from '../officer/Panel';
import type { Detail, Run } from '../officer/OfficerCasePage';
import { COMMITTEE_PATH } from './CommitteePage';

type Outcome = 'approved' | 'refused' | 'returned';
type Fields = 'outcome' | 'paragraph' | 'reason';

/**
 * A proposal before the board: the meeting it waits for and, from the meeting day, the board's decision as the
 * minutes record it (as proposed, the other outcome with the board's reason, or återremiss).
 */
export function CommitteePanel({ c, run }: { c: Detail; run: Run }) {
  const { t, lang, msg } = useI18n();
  const committee = c.officer.limits.committee;
  const proposal = c.officer.proposal;
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [paragraph, setParagraph] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  if (!committee || !proposal?.committee) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Partial<Record<Fields, string>> = {};
    if (!outcome) missing.outcome = 'form.committeeOutcome.required';
    if (!paragraph.trim()) missing.paragraph = 'case.problem.MINUTES_PARAGRAPH_INVALID';
    setErrors(missing);
    if (!outcome || Object.keys(missing).length) return;
    await run(
      t(outcome === 'returned' ? 'committee.recordedReturned' : 'committee.recorded'),
      () =>
        caseApi.recordCommitteeDecision(c.id, {
          version: c.version,
          outcome,
          paragraph,
          ...(reason.trim() ? { reason } : {}),
        }),
      (err) => {
        const found: Partial<Record<Fields, string>> = {};
        showIssues(
          err,
          ['outcome', 'paragraph', 'reason'] as const,
          (name, error) => (found[name] = error.message),
          msg,
        );
        setErrors(found);
      },
    );
  };
  const proposed = proposal.outcome === 'refused' ? 'refused' : 'approved';
  const other = proposed === 'approved' ? 'refused' : 'approved';
  const choices: [Outcome, string][] = [
    [
      proposed,
      t('committee.asProposed', { outcome: t(`committee.${proposed === 'approved' ? 'approve' : 'refuse'}`) }),
    ],
    [other, t('committee.otherwise', { outcome: t(`committee.${other === 'approved' ? 'approve' : 'refuse'}`) })],
    ['returned', t('committee.return')],
  ];
  const outcomeError = fieldMessage({ message: errors.outcome });
  return (
    <Panel title={t('committee.panelTitle')} id="committee-title">
      <p>
        {t('committee.onAgenda', { date: formatDate(committee.date, lang) })}{' '}
        <Link href={`${COMMITTEE_PATH}/${proposal.committee.meetingId}`}>{t('committee.toAgenda')}</Link>
      </p>
      <p>{proposal.committee.grounds.map((g) => t(`committee.ground.${g}`)).join(' ')}</p>
      {!committee.mayRecord ? (
        <>
          <p className="hint">{t('committee.recordFrom', { date: formatDate(committee.date, lang) })}</p>
          {c.officer.actions.includes('withdrawFromAgenda') && (
            <button
              type="button"
              className="button"
              onClick={() =>
                void run(t('committee.withdrawn'), () => caseApi.withdrawFromAgenda(c.id, { version: c.version }))
              }
            >
              {t('committee.withdraw')}
            </button>
          )}
        </>
      ) : (
        <form className="form" noValidate onSubmit={(e) => void submit(e)}>
          <fieldset aria-describedby={outcomeError ? 'committee-outcome-error' : undefined}>
            <legend>{t('committee.minutesLegend')}</legend>
            {choices.map(([value, label]) => (
              <label className="radio" key={value}>
                <input
                  type="radio"
                  name="committee-outcome"
                  value={value}
                  checked={outcome === value}
                  aria-invalid={outcomeError ? true : undefined}
                  onChange={() => setOutcome(value)}
                />{' '}
                {label}
              </label>
            ))}
            {outcomeError && (
              <p className="field__error" id="committee-outcome-error">
                {msg(outcomeError)}
              </p>
            )}
          </fieldset>
          <Field
            id="committee-paragraph"
            label={t('committee.paragraph')}
            hint={t('committee.paragraphHint')}
            error={fieldMessage({ message: errors.paragraph })}
          >
            <input inputMode="numeric" value={paragraph} onChange={(e) => setParagraph(e.target.value)} />
          </Field>
          <Field
            id="committee-reason"
            label={t('committee.reason')}
            hint={t('committee.reasonHint')}
            error={fieldMessage({ message: errors.reason })}
          >
            <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <button type="submit" className="button button--primary">
            {t('committee.recordSubmit')}
          </button>
        </form>
      )}
    </Panel>
  );
}
