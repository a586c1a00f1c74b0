import { useState, type FormEvent } from 'react';
import { measureLabels, type CommitteeAgenda } from '@lovisa/domain';
import { PageTitle, Status } from '../../components/Layout';
import { Field } from '../../components/Field';
import { Link } from '../../router';
import { useApi } from '../../useApi';
import { useI18n, type Message } from '../../i18n/i18n';
import { apiErrorMessage } from '../../api/client';
import { formatDate } from '../../format';
import { caseApi } from '../cases/caseApi';

export const COMMITTEE_PATH = '/handlaggare/namnd';

/** The board's calendar: its meetings with the team's waiting proposals; a team lead adds a meeting. */
export default function CommitteePage() {
  const { t, lang } = useI18n();
  const { data, error, reload } = useApi(() => caseApi.committeeMeetings(), [], { officer: true });
  return (
    <div className="page committee">
      <PageTitle>{t('committee.title')}</PageTitle>
      <p>{t('committee.intro')}</p>
      {error && <Status tone="error">{error}</Status>}
      {!data && !error && <p>{t('common.loading')}</p>}
      {data && (
        <>
          {data.meetings.length === 0 ? (
            <p>{t('committee.none')}</p>
          ) : (
            <ul className="plain-list committee__meetings">
              {data.meetings.map((m) => (
                <li key={m.id}>
                  <Link href={`${COMMITTEE_PATH}/${m.id}`}>{formatDate(m.date, lang)}</Link>{' '}
                  <span className="hint">
                    {t(m.open ? 'committee.pending' : 'committee.held', { count: String(m.pending) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {data.mayAdd && <AddMeeting onAdded={reload} />}
        </>
      )}
    </div>
  );
}

function AddMeeting({ onAdded }: { onAdded(): void }) {
  const { t, msg } = useI18n();
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<Message | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    setDone(null);
    if (!date) return setProblem({ id: 'form.meeting.date' });
    try {
      await caseApi.addCommitteeMeeting({ date });
      setDone(date);
      setDate('');
      onAdded();
    } catch (err) {
      setProblem(apiErrorMessage(err, { id: 'form.meeting.date' }));
    }
  };
  return (
    <form className="form panel" noValidate onSubmit={(e) => void submit(e)}>
      <h2>{t('committee.add')}</h2>
      <Field id="meeting-date" label={t('committee.date')} error={problem}>
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </Field>
      <button type="submit" className="button button--primary">
        {t('committee.addSubmit')}
      </button>
      {done && <Status tone="success">{msg({ id: 'committee.added' })}</Status>}
    </form>
  );
}

/** One meeting's agenda (föredragningslista) for the team: what waits, and what the minutes recorded. */
export function CommitteeAgendaPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { data, error } = useApi(() => caseApi.committeeAgenda(id), [id], { officer: true });
  return (
    <div className="page page--wide committee">
      <p>
        <Link href={COMMITTEE_PATH}>{t('committee.back')}</Link>
      </p>
      <PageTitle>
        {data
          ? t('committee.agendaTitle', { board: data.board, date: formatDate(data.meeting.date, lang) })
          : t('committee.title')}
      </PageTitle>
      {error && <Status tone="error">{error}</Status>}
      {!data && !error && <p>{t('common.loading')}</p>}
      {data && <AgendaTable agenda={data} />}
    </div>
  );
}

/** "§ 12" stays on one line in a narrow cell. */
const unbroken = (paragraph: string | null | undefined) => (paragraph ?? '').replace(/ /g, '\u00a0');

function AgendaTable({ agenda }: { agenda: CommitteeAgenda }) {
  const { t, lang } = useI18n();
  if (agenda.items.length === 0) return <p>{t('committee.emptyAgenda')}</p>;
  const outcomeWord = (o: 'approved' | 'refused') => t(o === 'approved' ? 'committee.approve' : 'committee.refuse');
  return (
    <>
      <h2 id="agenda-caption">{t('committee.agendaCaption')}</h2>
      <div className="table-scroll" role="region" aria-labelledby="agenda-caption" tabIndex={0}>
        <table className="table table--stack" role="table" aria-labelledby="agenda-caption">
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                {t('committee.col.case')}
              </th>
              <th scope="col" role="columnheader">
                {t('committee.col.property')}
              </th>
              <th scope="col" role="columnheader">
                {t('committee.col.proposal')}
              </th>
              <th scope="col" role="columnheader">
                {t('committee.col.grounds')}
              </th>
              <th scope="col" role="columnheader">
                {t('committee.col.minutes')}
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {agenda.items.map((i) => (
              <tr key={`${i.caseId}-${i.state}-${i.paragraph ?? ''}`} role="row">
                <th scope="row" role="rowheader">
                  <Link href={`/handlaggare/arenden/${i.caseId}`}>{i.diaryNumber}</Link>
                </th>
                <td role="cell" data-label={t('committee.col.property')}>
                  <div>
                    {i.propertyDesignation}
                    <br />
                    <span className="hint">{measureLabels[i.measure][lang]}</span>
                  </div>
                </td>
                <td role="cell" data-label={t('committee.col.proposal')}>
                  <div>
                    {outcomeWord(i.proposedOutcome)}
                    {i.presenter && (
                      <>
                        <br />
                        <span className="hint">{t('committee.presenter', { name: i.presenter })}</span>
                      </>
                    )}
                  </div>
                </td>
                <td role="cell" data-label={t('committee.col.grounds')}>
                  {i.grounds.map((g) => t(`committee.groundShort.${g}`)).join(', ')}
                </td>
                <td role="cell" data-label={t('committee.col.minutes')}>
                  {i.state === 'waiting'
                    ? t('committee.state.waiting')
                    : i.state === 'returned'
                      ? t('committee.state.returned', { paragraph: unbroken(i.paragraph) })
                      : t('committee.state.decided', {
                          outcome: outcomeWord(i.outcome ?? i.proposedOutcome),
                          paragraph: unbroken(i.paragraph),
                        })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
