import { useState } from 'react';
import type { DecisionInput } from '@lovisa/domain';
import { Field } from '../../components/Field';
import { useApi } from '../../useApi';
import { useI18n, type Message } from '../../i18n/i18n';
import { formatDate } from '../../format';
import { caseApi } from '../cases/caseApi';
import { fieldMessage, showIssues } from '../cases/caseForms';
import type { Detail, Run } from '../officer/OfficerCasePage';

type DecisionLimits = NonNullable<Detail['officer']['limits']['decision']>;
type FormField = 'outcome' | 'reason' | 'conditions';
type BoardOutcome = 'approved' | 'refused';
const boardOutcome = (o: unknown): o is BoardOutcome => o === 'approved' || o === 'refused';

/**
 * Whether the decision being written is the board's (the delegation order's grounds for the chosen outcome, or the
 * officer's referral of a matter of principle), the meeting chosen, and the referral itself.
 */
export function useBoardReferral(limits: DecisionLimits, outcome: unknown) {
  const [principle, setPrinciple] = useState(false);
  const [meetingId, setMeetingId] = useState('');
  const [meetingError, setMeetingError] = useState<Message | undefined>();
  const grounds = boardOutcome(outcome) ? limits.committeeGrounds[outcome] : [];
  return {
    outcome,
    grounds,
    principle,
    setPrinciple,
    meetingId,
    setMeetingId,
    meetingError,
    toBoard: grounds.length > 0 || (principle && boardOutcome(outcome)),
    /** Puts the proposal on the chosen meeting's agenda; a refused field's message lands beside it. */
    async refer(
      c: Detail,
      input: DecisionInput & { version: number },
      run: Run,
      setError: (name: FormField, error: { type: string; message: string }) => void,
      say: (m: Message) => string,
      done: string,
    ) {
      if (!boardOutcome(input.outcome)) return;
      const outcome = input.outcome;
      await run(
        done,
        () => caseApi.referToCommittee(c.id, { ...input, outcome, meetingId }),
        (e) => {
          setMeetingError(undefined);
          showIssues(
            e,
            ['outcome', 'reason', 'conditions', 'meetingId'] as const,
            (name, error) => (name === 'meetingId' ? setMeetingError(fieldMessage(error)) : setError(name, error)),
            say,
          );
        },
      );
    },
  };
}

/** Why the board decides, the offer to refer a delegated decision, and the meeting to put it before. */
export function BoardReferral({ board, mayRefer }: { board: ReturnType<typeof useBoardReferral>; mayRefer: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {board.grounds.length > 0 && (
        <p className="status status--warning" id="committee-grounds">
          {t('committee.required')} {board.grounds.map((g) => t(`committee.ground.${g}`)).join(' ')}
        </p>
      )}
      {board.grounds.length === 0 && mayRefer && boardOutcome(board.outcome) && (
        <label className="checkbox">
          <input type="checkbox" checked={board.principle} onChange={(e) => board.setPrinciple(e.target.checked)} />{' '}
          {t('committee.principle')}
        </label>
      )}
      {board.toBoard && (
        <MeetingChoice value={board.meetingId} onChange={board.setMeetingId} error={board.meetingError} />
      )}
    </>
  );
}

/** The board's coming meetings to choose from; a team lead adds them on the board's page. */
function MeetingChoice(props: { value: string; onChange(id: string): void; error: Message | undefined }) {
  const { t, lang } = useI18n();
  const { data } = useApi(() => caseApi.committeeMeetings(), [], { officer: true });
  const open = (data?.meetings ?? []).filter((m) => m.open);
  return (
    <Field
      id="meetingId"
      label={t('committee.meeting')}
      hint={t(open.length ? 'committee.meetingHint' : 'committee.noMeetingsHint')}
      error={props.error}
    >
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t(open.length ? 'committee.chooseMeeting' : 'committee.noMeetings')}</option>
        {open.map((m) => (
          <option key={m.id} value={m.id}>
            {formatDate(m.date, lang)}
          </option>
        ))}
      </select>
    </Field>
  );
}
