import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  AttachmentTypeSchema,
  attachmentLabels,
  findingText,
  formatOrganisationsnummer,
  outcomeLabel,
  type CaseDetail,
  type OfficerCaseView,
} from '@lovisa/domain';
import { ApiError, apiErrorMessage, apiErrorText } from '../../api/client';
import { Field } from '../../components/Field';
import { PageTitle, Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { useApi } from '../../useApi';
import { CaseFacts } from '../cases/CaseFacts';
import { caseApi } from '../cases/caseApi';
import { OfficerNoticePanel } from '../notice/NoticePanel';
import {
  assignFormSchema,
  completionRequestFormSchema,
  extensionFormSchema,
  fieldMessage,
  proposalReturnFormSchema,
  showIssues,
  startApprovalFormSchema,
} from '../cases/caseForms';
import { caseStateText, percent, toneOfDays } from '../cases/caseText';
import { useI18n, type Message } from '../../i18n/i18n';
import { HearingPanel } from './HearingPanel';
import { AfterPermitPanel } from './AfterPermitPanel';
import { DecisionForm } from './DecisionForm';
import { CommitteePanel } from '../committee/CommitteePanel';
import { Panel } from './Panel';
import { PlanProvisions } from './PlanProvisions';
import { FeePanel } from './FeePanel';
import { NotesPanel } from './NotesPanel';
import { ConsultationsPanel } from './ConsultationsPanel';
import { OfficerParties } from '../parties/OfficerParties';
import { PdfFrame, usePdfUrl } from './PdfPreview';

export type Detail = CaseDetail & { officer: OfficerCaseView };
type Limits = OfficerCaseView['limits'];
type CompletionLimits = NonNullable<Limits['completion']>;
type ExtensionLimits = NonNullable<Limits['extension']>;
/** `onRefused` gets a failed call's error, so a form can put the server's issues beside its fields. */
export type Run = (
  label: string,
  act: () => Promise<CaseDetail>,
  onRefused?: (error: unknown) => void,
) => Promise<boolean>;

export default function OfficerCasePage({ id }: { id: string }) {
  const { data, error, setData, reload } = useApi(() => caseApi.officerCase(id), [id], { officer: true });
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string; stale?: boolean } | null>(null);
  const c = data?.officer ? (data as Detail) : null;
  const limits = c?.officer.limits;

  /** Runs one action on the version the page shows; a 409 says who changed the case and offers a reload. */
  const run: Run = async (done, act, onRefused) => {
    setNotice(null);
    try {
      const next = await act();
      setData(next);
      // A decision speaks for itself (the page says "Beslut fattat: …"); other actions say what happened.
      setNotice(
        next.status === 'decided' && next.decidedAt && done === t('loop.decision.made')
          ? null
          : { tone: 'success', text: done },
      );
      return true;
    } catch (e) {
      const stale = e instanceof ApiError && e.status === 409;
      setNotice({ tone: 'error', text: apiErrorText(e, i18n, { id: 'decision.failed' }), stale });
      onRefused?.(e);
      return false;
    }
  };

  return (
    <div className="page page--wide">
      <p>
        <Link href="/handlaggare">{t('queue.back')}</Link>
      </p>
      {error && <Status tone="error">{error}</Status>}
      {c && limits && (
        <>
          <PageTitle>{t('case.title', { diary: c.diaryNumber })}</PageTitle>
          <p className="case-lead">
            <span className={`case-state case-state--${c.outcome ?? c.status}`}>{caseStateText(c, lang)}</span>
            {' · '}
            {c.propertyDesignation}
            {c.deviation && (
              <>
                {' · '}
                <span className="flag flag--deviation">{t('loop.flag.deviation')}</span>
              </>
            )}
            {c.officer.hearing?.running && (
              <>
                {' · '}
                <span className="flag flag--hearing">
                  {t('hearing.flag', { date: formatDate(c.officer.hearing.replyBy, lang) })}
                </span>
              </>
            )}
          </p>
          {notice && (
            <Status tone={notice.tone}>
              {notice.text}{' '}
              {notice.stale && (
                <button
                  type="button"
                  className="linklike"
                  onClick={() => {
                    setNotice(null);
                    reload();
                  }}
                >
                  {t('loop.reload')}
                </button>
              )}
            </Status>
          )}
          {c.status === 'decided' && c.outcome && (
            <Status tone="success">{t('decision.done', { state: outcomeLabel(c.outcome, c.procedure)[lang] })}</Status>
          )}
          <div className="case-layout">
            <div className="case-layout__main">
              {c.status === 'proposed' && <ProposalPanel c={c} run={run} />}
              {c.status === 'proposed' && <CommitteePanel c={c} run={run} />}
              <ApplicantPanel c={c} />
              <OfficerParties caseId={c.id} />
              <AssessmentPanel c={c} />
              {c.officer.fee && <FeePanel c={c} fee={c.officer.fee} run={run} />}
              <ConsultationsPanel c={c} run={run} />
              <NotesPanel c={c} run={run} />
              {c.status === 'decided' && <AfterPermitPanel caseId={c.id} caseVersion={c.version} onChanged={reload} />}
              <h2>{t('loop.caseTitle')}</h2>
              <CaseFacts c={c} face="officer" />
            </div>
            <div className="case-layout__side">
              <ClockPanel c={c} />
              {c.notice && <OfficerNoticePanel c={{ ...c, notice: c.notice }} run={run} />}
              <HandlingPanel c={c} run={run} />
              {limits.completion && <CompletionRequestForm c={c} limits={limits.completion} run={run} />}
              {limits.extension && <ExtensionForm c={c} limits={limits.extension} run={run} />}
              {limits.startApproval && (
                <StartApprovalForm c={c} decidesCase={limits.startApproval.decidesCase} run={run} />
              )}
              <HearingPanel c={c} run={run} />
              {limits.decision && <DecisionForm c={c} limits={limits.decision} run={run} />}
            </div>
          </div>
        </>
      )}
    </div>
  );
}

function ApplicantPanel({ c }: { c: Detail }) {
  const { t } = useI18n();
  const a = c.officer.applicant;
  return (
    <Panel title={t('loop.applicant')} id="applicant-title">
      <dl className="facts">
        <dt>{t('property.name')}</dt>
        <dd>{a.name}</dd>
        {a.organisation && (
          <>
            <dt>{t('loop.orgnr')}</dt>
            <dd>{formatOrganisationsnummer(a.organisation.orgnr)}</dd>
            <dt>{t('loop.signatory')}</dt>
            <dd>{a.organisation.signatoryName ?? '–'}</dd>
          </>
        )}
        <dt>{t(a.organisation ? 'loop.signatoryPersonnummer' : 'loop.personnummer')}</dt>
        <dd>{a.personnummer}</dd>
        <dt>{t('property.address')}</dt>
        <dd>{a.address ? `${a.address.street}, ${a.address.postalCode} ${a.address.city}` : t('loop.noAddress')}</dd>
        <dt>{t('details.email')}</dt>
        <dd>{a.email ?? '–'}</dd>
        <dt>{t('details.phone')}</dt>
        <dd>{a.phone ?? '–'}</dd>
      </dl>
    </Panel>
  );
}

function AssessmentPanel({ c }: { c: Detail }) {
  const { t, lang } = useI18n();
  const a = c.officer.assessment;
  return (
    <Panel title={t('loop.assessment')} id="assessment-title">
      {!a ? (
        <p>{t('loop.noAssessment')}</p>
      ) : (
        <>
          <dl className="facts">
            <dt>{t('loop.procedure')}</dt>
            <dd>{t(a.procedure === 'notification' ? 'loop.procedure.notification' : 'loop.procedure.permit')}</dd>
            <dt>{t('loop.deviation')}</dt>
            <dd>
              {a.deviation ? (
                <strong className="flag flag--deviation">{t('loop.deviationYes')}</strong>
              ) : (
                t('loop.deviationNo')
              )}
            </dd>
            {c.officer.routingReason && (
              <>
                <dt>{t('loop.routing')}</dt>
                <dd>{c.officer.routingReason}</dd>
              </>
            )}
          </dl>
          <h3 className="panel__sub">{t('verdict.why')}</h3>
          <ul className="plain-list">
            {a.reasons.map((code, i) => (
              <li key={`${code}-${i}`}>{a.texts?.reasons[i]?.[lang] ?? findingText(code, lang)}</li>
            ))}
          </ul>
          {a.conditions.length > 0 && (
            <>
              <h3 className="panel__sub">{t('verdict.conditions')}</h3>
              <ul className="plain-list">
                {a.conditions.map((code, i) => (
                  <li key={`${code}-${i}`}>{a.texts?.conditions[i]?.[lang] ?? findingText(code, lang)}</li>
                ))}
              </ul>
            </>
          )}
          {a.advice.length > 0 && (
            <>
              <h3 className="panel__sub">{t('loop.advice')}</h3>
              <ul className="plain-list">
                {a.advice.map((code, i) => (
                  <li key={`${code}-${i}`}>{a.texts?.advice[i]?.[lang] ?? findingText(code, lang)}</li>
                ))}
              </ul>
            </>
          )}
          {a.plan && <PlanProvisions plan={a.plan} />}
          {c.officer.neighbourConsentMissing && <p className="flag flag--consent">{t('loop.flag.consentMissing')}</p>}
          {a.confirmWithMunicipality && <p className="verdict__confirm">{t('loop.uncertain')}</p>}
        </>
      )}
    </Panel>
  );
}

function ClockPanel({ c }: { c: Detail }) {
  const { t, lang } = useI18n();
  const k = c.clock;
  const restarted = k.basis === 'completion' && k.startsOn;
  const closed = c.status === 'decided' || c.status === 'withdrawn';
  const tone = k.daysLeft !== null ? toneOfDays(k.daysLeft, lang) : null;
  return (
    <Panel title={t('loop.clock')} id="clock-title">
      <dl className="facts facts--stacked">
        <dt>{t('case.received')}</dt>
        <dd>{formatDate(k.received, lang)}</dd>
        {restarted && (
          <>
            <dt>{t('loop.clock.restart')}</dt>
            <dd>{t('loop.clock.restartFrom', { date: formatDate(k.startsOn!, lang) })}</dd>
          </>
        )}
        {k.completionOrders.some((o) => !o.restarts) && (
          <>
            <dt>{t('loop.clock.lateOrder')}</dt>
            <dd>{t('loop.clock.lateOrderText')}</dd>
          </>
        )}
        <dt>{t('loop.clock.extension')}</dt>
        <dd>
          {k.extension
            ? t('loop.clock.extendedBy', { n: k.extension.weeks, reason: k.extension.reason })
            : t('loop.clock.noExtension')}
        </dd>
        <dt>{t('case.deadline')}</dt>
        <dd>{k.deadline ? formatDate(k.deadline, lang) : t('loop.clock.waiting')}</dd>
        {tone && !closed && (
          <>
            <dt>{t('queue.col.daysLeft')}</dt>
            <dd>
              <span className={`days days--${tone.tone}`}>{tone.text}</span>
            </dd>
          </>
        )}
        <dt>{t('loop.clock.feeReduction')}</dt>
        <dd>
          {k.feeReduction > 0
            ? t('loop.clock.feeReducedBy', { p: percent(k.feeReduction, lang), weeks: k.overdueWeeksStarted })
            : t('loop.clock.noReduction')}
        </dd>
      </dl>
    </Panel>
  );
}

function HandlingPanel({ c, run }: { c: Detail; run: Run }) {
  const { t, msg } = useI18n();
  const [busy, setBusy] = useState(false);
  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(assignFormSchema), defaultValues: { officer: '' } });
  const chosen = useWatch({ control, name: 'officer' });
  const me = c.officer.colleagues.find((o) => o.personnummer === c.officer.assignedTo?.personnummer);
  const canAssign = c.officer.actions.includes('assign');
  const assign = (officer?: string) => {
    const name = officer ? c.officer.colleagues.find((o) => o.personnummer === officer)?.name : undefined;
    return run(
      t('loop.assigned', { name: name ?? t('loop.you') }),
      () => caseApi.assign(c.id, { version: c.version, ...(officer ? { officer } : {}) }),
      (e) => showIssues(e, ['officer'], setError, msg),
    );
  };
  const assignMe = async () => {
    setBusy(true);
    await assign();
    setBusy(false);
  };
  return (
    <Panel title={t('loop.handling')} id="handling-title">
      <p>
        {t('loop.assignedTo')}:{' '}
        <strong>{c.officer.assignedTo ? c.officer.assignedTo.name : t('loop.unassigned')}</strong>
        {me?.role === 'teamLead' ? ` (${t('loop.teamLead')})` : ''}
      </p>
      {canAssign && (
        <>
          <button type="button" className="button" disabled={busy || isSubmitting} onClick={() => void assignMe()}>
            {t('loop.assignMe')}
          </button>
          <form
            className="form inline-form"
            noValidate
            onSubmit={(e) => void handleSubmit(({ officer }) => assign(officer))(e)}
          >
            <Field id="assign-to" label={t('loop.assignColleague')} error={fieldMessage(errors.officer)}>
              <select {...register('officer')}>
                <option value="">{t('loop.chooseColleague')}</option>
                {c.officer.colleagues.map((o) => (
                  <option key={o.personnummer} value={o.personnummer}>
                    {o.name}
                    {o.role === 'teamLead' ? ` (${t('loop.teamLead')})` : ''}
                  </option>
                ))}
              </select>
            </Field>
            <button type="submit" className="button" disabled={busy || isSubmitting || !chosen}>
              {t('loop.assign')}
            </button>
          </form>
        </>
      )}
    </Panel>
  );
}

function ProposalPanel({ c, run }: { c: Detail; run: Run }) {
  const { t, lang, msg } = useI18n();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(proposalReturnFormSchema), defaultValues: { comment: '' } });
  const p = c.officer.proposal;
  const preview = usePdfUrl();
  const [previewError, setPreviewError] = useState<Message | null>(null);
  if (!p) return null;
  const canConfirm = c.officer.actions.includes('confirmProposal');
  const read = async () => {
    setPreviewError(null);
    try {
      preview.show(await caseApi.previewConfirmation(c.id, { version: c.version }));
    } catch (e) {
      setPreviewError(apiErrorMessage(e, { id: 'decision.previewFailed' }));
    }
  };
  const giveBack = handleSubmit(({ comment }) =>
    run(
      t('loop.returned'),
      () => caseApi.returnProposal(c.id, { version: c.version, ...(comment ? { comment } : {}) }),
      (e) => showIssues(e, ['comment'], setError, msg),
    ),
  );
  return (
    <Panel title={t('loop.proposal')} id="proposal-title">
      <p>{t('loop.proposalBy', { name: p.by.name, date: formatDate(p.at, lang) })}</p>
      <div className={preview.url ? 'proposal-compare' : undefined}>
        <dl className="facts facts--stacked">
          <dt>{t('decision.legend')}</dt>
          <dd>{outcomeLabel(p.outcome, c.procedure)[lang]}</dd>
          <dt>{t('case.reason')}</dt>
          <dd className="prewrap">{p.reason}</dd>
          {p.conditions.length > 0 && (
            <>
              <dt>{t('loop.conditions')}</dt>
              <dd>
                <ol className="plain-list">
                  {p.conditions.map((x, i) => (
                    <li key={i}>{x}</li>
                  ))}
                </ol>
              </dd>
            </>
          )}
        </dl>
        {preview.url && (
          <div className="proposal-compare__pdf">
            <PdfFrame url={preview.url} title={t('loop.proposal.pdfTitle', { diary: c.diaryNumber })} />
            <p>
              <a href={preview.url} download={`${t('decision.previewFile')} ${c.diaryNumber}.pdf`}>
                {t('decision.previewOpen')}
              </a>
            </p>
          </div>
        )}
      </div>
      {previewError && <Status tone="error">{msg(previewError)}</Status>}
      {canConfirm && !preview.url && (
        <p>
          <button type="button" className="button" onClick={() => void read()}>
            {t('loop.proposal.read')}
          </button>
        </p>
      )}
      {canConfirm ? (
        <form className="form" noValidate onSubmit={(e) => void giveBack(e)}>
          <button
            type="button"
            className="button button--primary"
            disabled={isSubmitting}
            onClick={() => void run(t('loop.confirmed'), () => caseApi.confirmProposal(c.id, { version: c.version }))}
          >
            {t('loop.confirm')}
          </button>
          <Field id="return-comment" label={t('loop.returnComment')} error={fieldMessage(errors.comment)}>
            <textarea rows={3} {...register('comment')} />
          </Field>
          <button type="submit" className="button" disabled={isSubmitting}>
            {t('loop.return')}
          </button>
        </form>
      ) : (
        // A proposal to the board waits for its meeting (the board's panel says when), not for a team lead.
        !p.committee && <p className="hint">{t('loop.waitingForLead')}</p>
      )}
    </Panel>
  );
}

function CompletionRequestForm({ c, limits, run }: { c: Detail; limits: CompletionLimits; run: Run }) {
  const { t, label, msg } = useI18n();
  const schema = useMemo(() => completionRequestFormSchema(limits), [limits]);
  const empty = { items: [], text: '', replyBy: limits.defaultReplyBy };
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(schema), defaultValues: empty });
  const restarts = limits.restartsClock;
  const submit = handleSubmit(async ({ items, text, replyBy }) => {
    const ok = await run(
      t('loop.completion.sent'),
      () => caseApi.requestCompletion(c.id, { version: c.version, items, ...(text ? { text } : {}), replyBy }),
      (e) => showIssues(e, ['items', 'text', 'replyBy'], setError, msg),
    );
    if (ok) reset(empty);
  });
  const itemsError = fieldMessage(errors.items);
  return (
    <details className="panel action">
      <summary>{t('loop.completion.title')}</summary>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset aria-describedby={itemsError ? 'completion-items-error' : undefined}>
          <legend>{t('loop.completion.items')}</legend>
          {AttachmentTypeSchema.options.map((type) => (
            <label key={type} className="radio">
              <input type="checkbox" value={type} aria-invalid={itemsError ? true : undefined} {...register('items')} />{' '}
              {label(attachmentLabels[type])}
            </label>
          ))}
          {itemsError && (
            <p className="field__error" id="completion-items-error">
              {msg(itemsError)}
            </p>
          )}
        </fieldset>
        <Field id="completion-text" label={t('loop.completion.text')} error={fieldMessage(errors.text)}>
          <textarea rows={3} {...register('text')} />
        </Field>
        <Field id="completion-reply-by" label={t('loop.completion.replyBy')} error={fieldMessage(errors.replyBy)}>
          <input type="date" min={limits.minReplyBy} {...register('replyBy')} />
        </Field>
        <p className="hint">{t(restarts ? 'loop.completion.restarts' : 'loop.completion.runs')}</p>
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {t('loop.completion.submit')}
        </button>
      </form>
    </details>
  );
}

/** A number field's text as a number: empty is "not given", so the schema asks for it. */
const toNumber = (v: unknown) => (v === '' || v === undefined || v === null ? undefined : Number(v));

function ExtensionForm({ c, limits, run }: { c: Detail; limits: ExtensionLimits; run: Run }) {
  const { t, msg } = useI18n();
  const max = limits.maxWeeks;
  const schema = useMemo(() => extensionFormSchema(limits), [limits]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(schema), defaultValues: { weeks: limits.defaultWeeks, reason: '' } });
  const submit = handleSubmit(({ weeks, reason }) =>
    run(
      t('loop.extension.done'),
      () => caseApi.extend(c.id, { version: c.version, weeks, reason }),
      (e) => showIssues(e, ['weeks', 'reason'], setError, msg),
    ),
  );
  return (
    <details className="panel action">
      <summary>{t('loop.extension.title')}</summary>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="hint">{t('loop.extension.hint', { max })}</p>
        <Field id="extension-weeks" label={t('loop.extension.weeks')} error={fieldMessage(errors.weeks)}>
          <input type="number" inputMode="numeric" min={1} max={max} {...register('weeks', { setValueAs: toNumber })} />
        </Field>
        <Field id="extension-reason" label={t('loop.extension.reason')} error={fieldMessage(errors.reason)}>
          <textarea rows={3} {...register('reason')} />
        </Field>
        <button type="submit" className="button" disabled={isSubmitting}>
          {t('loop.extension.submit')}
        </button>
      </form>
    </details>
  );
}

function StartApprovalForm({ c, decidesCase, run }: { c: Detail; decidesCase: boolean; run: Run }) {
  const { t, msg } = useI18n();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(startApprovalFormSchema), defaultValues: { note: '' } });
  const submit = handleSubmit(({ note }) =>
    run(
      t('loop.start.done'),
      () => caseApi.startApproval(c.id, { version: c.version, ...(note ? { note } : {}) }),
      (e) => showIssues(e, ['note'], setError, msg),
    ),
  );
  return (
    <details className="panel action" open={decidesCase}>
      <summary>{t('loop.start.title')}</summary>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="hint">{t(decidesCase ? 'loop.start.hintNotification' : 'loop.start.hintPermit')}</p>
        <Field id="start-note" label={t('loop.start.note')} error={fieldMessage(errors.note)}>
          <textarea rows={2} {...register('note')} />
        </Field>
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {t('loop.start.submit')}
        </button>
      </form>
    </details>
  );
}
