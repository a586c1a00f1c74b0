import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  applicantStages,
  attachmentLabels,
  isOpen,
  type AttachmentInfo,
  type AttachmentType,
  type CaseDetail,
} from '@lovisa/domain';
import { apiErrorText } from '../../api/client';
import { Field } from '../../components/Field';
import { PageTitle, Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { useApi } from '../../useApi';
import { CaseFacts } from './CaseFacts';
import { DecisionFront } from './DecisionFront';
import { ReceiptPdfLink } from './ReceiptPdfLink';
import { caseApi, uploadToCase } from './caseApi';
import { completionAnswerFormSchema, fieldMessage, showIssues, withdrawFormSchema } from './caseForms';
import { Inbox } from './Inbox';
import { MyNotice } from '../notice/NoticePanel';
import { MyAfterPermit } from '../afterPermit/MyAfterPermit';
import { MyCaseParties } from '../parties/MyCaseParties';
import { partiesApi } from '../parties/partiesApi';
import { useI18n } from '../../i18n/i18n';

export default function MyCasePage({ id }: { id: string }) {
  const { data, error, setData } = useApi(() => caseApi.myCase(id), [id]);
  // What the viewer is on the case: the receipt and withdrawing are the applicant's (a co-owner or an agent follows).
  const { data: parties } = useApi(() => partiesApi.mine(id), [id]);
  const applicant = parties?.me === 'applicant';
  const { t, lang } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="page">
      <p>
        <Link href="/mina-arenden">{t('cases.back')}</Link>
      </p>
      {error && <Status tone="error">{error}</Status>}
      {data && (
        <>
          <PageTitle>{t('case.title', { diary: data.diaryNumber })}</PageTitle>
          {notice && <Status tone="success">{notice}</Status>}
          {data.status === 'decided' && <DecisionFront c={data} />}
          <Stages c={data} />
          {(data.status === 'received' || data.status === 'proposed') && (
            <p className="expected">
              {data.clock.deadline
                ? t('loop.me.expected', { date: formatDate(data.clock.deadline, lang) })
                : t('loop.clock.waiting')}
              {data.clock.basis === 'completion' && data.clock.startsOn && (
                <> {t('loop.me.restarted', { date: formatDate(data.clock.startsOn, lang) })}</>
              )}
            </p>
          )}
          {data.status === 'awaitingCompletion' && data.completionRequest && (
            <CompletionAnswer
              c={data}
              onSent={(next) => {
                setData(next);
                setNotice(t('loop.me.answerSent'));
              }}
            />
          )}
          {data.status === 'decided' && <MyAfterPermit caseId={data.id} caseVersion={data.version} />}
          {data.notice && <MyNotice n={data.notice} />}
          <MyCaseParties caseId={data.id} />
          <section aria-labelledby="messages-title">
            <h2 id="messages-title">{t('loop.messages')}</h2>
            <Inbox messages={[...data.messages].reverse()} />
          </section>
          <h2>{t('loop.caseTitle')}</h2>
          <CaseFacts c={data} face="me" />
          {applicant && <ReceiptPdfLink caseId={data.id} diaryNumber={data.diaryNumber} />}
          {applicant && isOpen(data.status) && (
            <Withdraw
              c={data}
              onWithdrawn={(next) => {
                setData(next);
                setNotice(t('loop.me.withdrawn'));
              }}
            />
          )}
        </>
      )}
    </div>
  );
}

/** Where the case is, in plain words: received, (completion requested,) being handled, decided. */
function Stages({ c }: { c: CaseDetail }) {
  const { t, lang, label } = useI18n();
  const stages = applicantStages(c);
  return (
    <section aria-labelledby="stages-title">
      <h2 id="stages-title" className="visually-hidden">
        {t('loop.me.stages')}
      </h2>
      <ol className="stages">
        {stages.map((s) => (
          <li
            key={s.key}
            className={`stages__step stages__step--${s.state}`}
            aria-current={s.state === 'current' ? 'step' : undefined}
          >
            <span className="stages__label">{label(s.label)}</span>
            <span className="stages__meta">
              {s.state === 'done'
                ? t('loop.me.stageDone')
                : s.state === 'current'
                  ? t('loop.me.stageNow')
                  : t('loop.me.stageLater')}
              {s.at && s.state !== 'upcoming' ? ` · ${formatDate(s.at, lang)}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Answering an order to complete: the asked-for files, a note, and send. */
function CompletionAnswer({ c, onSent }: { c: CaseDetail; onSent(next: CaseDetail): void }) {
  const i18n = useI18n();
  const { t, lang, label } = i18n;
  const order = c.completionRequest!;
  const [uploaded, setUploaded] = useState<Partial<Record<AttachmentType, AttachmentInfo>>>({});
  const [busy, setBusy] = useState<AttachmentType | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(completionAnswerFormSchema), defaultValues: { note: '' } });
  const slots: AttachmentType[] = order.items.length > 0 ? order.items : ['OVR'];

  const upload = async (type: AttachmentType, file: File | undefined) => {
    if (!file) return;
    setBusy(type);
    setProblem(null);
    try {
      const info = await uploadToCase(c.id, type, file);
      setUploaded((u) => ({ ...u, [type]: info }));
    } catch (e) {
      setProblem(apiErrorText(e, i18n));
    } finally {
      setBusy(null);
    }
  };
  const send = handleSubmit(async ({ note }) => {
    setProblem(null);
    try {
      onSent(await caseApi.answerCompletion(c.id, { version: c.version, ...(note ? { note } : {}) }));
    } catch (err) {
      setProblem(apiErrorText(err, i18n));
      // "Write an answer" belongs beside the answer; a missing file has no field of its own here.
      showIssues(err, ['note'], setError, i18n.msg);
    }
  });
  return (
    <section className="panel completion" aria-labelledby="completion-title">
      <h2 id="completion-title">{t('loop.me.completionTitle')}</h2>
      <p>{t('loop.me.completionIntro', { date: formatDate(order.replyBy, lang) })}</p>
      {order.items.length > 0 && (
        <ul className="plain-list">
          {order.items.map((i) => (
            <li key={i}>{label(attachmentLabels[i])}</li>
          ))}
        </ul>
      )}
      {order.text && <p className="prewrap completion__text">{order.text}</p>}
      <form className="form" onSubmit={(e) => void send(e)} noValidate>
        {slots.map((type) => {
          const what = label(attachmentLabels[type]).toLowerCase();
          const done = uploaded[type];
          return (
            <div className="field" key={type}>
              <label htmlFor={`answer-${type}`}>{t('attachments.choose', { what })}</label>
              <input
                id={`answer-${type}`}
                type="file"
                accept="application/pdf,image/png,image/jpeg"
                disabled={busy !== null || isSubmitting}
                onChange={(e) => void upload(type, e.target.files?.[0])}
              />
              <p className="field__hint" aria-live="polite">
                {busy === type
                  ? t('attachments.uploading', { file: what })
                  : done
                    ? t('loop.me.fileReady', { file: done.fileName })
                    : t('attachments.missing')}
              </p>
            </div>
          );
        })}
        <Field id="answer-note" label={t('loop.me.note')} error={fieldMessage(errors.note)}>
          <textarea rows={3} {...register('note')} />
        </Field>
        {problem && <Status tone="error">{problem}</Status>}
        <button type="submit" className="button button--primary" disabled={busy !== null || isSubmitting}>
          {t('loop.me.send')}
        </button>
      </form>
    </section>
  );
}

function Withdraw({ c, onWithdrawn }: { c: CaseDetail; onWithdrawn(next: CaseDetail): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // The confirmation has no fields; the form gives it the same submit path (and no second click while sending).
  const {
    handleSubmit,
    formState: { isSubmitting },
  } = useForm({ resolver: zodResolver(withdrawFormSchema) });
  const confirm = handleSubmit(async () => {
    setProblem(null);
    try {
      onWithdrawn(await caseApi.withdraw(c.id, c.version));
    } catch (e) {
      setProblem(apiErrorText(e, i18n));
    }
  });
  return (
    <section className="withdraw" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t('loop.me.withdrawTitle')}</h2>
      <p>{t('loop.me.withdrawText')}</p>
      {!asking ? (
        <button type="button" className="button" onClick={() => setAsking(true)}>
          {t('loop.me.withdraw')}
        </button>
      ) : (
        <form className="status status--warning" onSubmit={(e) => void confirm(e)} noValidate>
          <p>{t('loop.me.withdrawConfirm')}</p>
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={isSubmitting}>
              {t('loop.me.withdrawYes')}
            </button>
            <button type="button" className="button" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {problem && <Status tone="error">{problem}</Status>}
    </section>
  );
}
