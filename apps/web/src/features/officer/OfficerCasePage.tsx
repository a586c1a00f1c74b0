import { useState, type FormEvent, type ReactNode } from 'react';
import {
  AttachmentTypeSchema,
  attachmentLabels,
  findingText,
  outcomeLabel,
  type CaseDetail,
  type OfficerCaseView,
} from '@lovisa/domain';
import { ApiError, apiErrorText } from '../../api/client';
import { PageTitle, Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { useApi } from '../../useApi';
import { CaseFacts } from '../cases/CaseFacts';
import { caseApi } from '../cases/caseApi';
import { caseStateText, percent, toneOfDays } from '../cases/caseText';
import { useI18n } from '../../i18n/i18n';

type Detail = CaseDetail & { officer: OfficerCaseView };
type Limits = OfficerCaseView['limits'];
type CompletionLimits = NonNullable<Limits['completion']>;
type ExtensionLimits = NonNullable<Limits['extension']>;
type DecisionLimits = NonNullable<Limits['decision']>;
type Run = (label: string, act: () => Promise<CaseDetail>) => Promise<boolean>;

export default function OfficerCasePage({ id }: { id: string }) {
  const { data, error, setData, reload } = useApi(() => caseApi.officerCase(id), [id], { officer: true });
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string; stale?: boolean } | null>(null);
  const c = data?.officer ? (data as Detail) : null;
  const limits = c?.officer.limits;

  /** Runs one action on the version the page shows; a 409 says who changed the case and offers a reload. */
  const run: Run = async (done, act) => {
    setNotice(null);
    try {
      const next = await act();
      setData(next);
      // A decision speaks for itself (the page says "Beslut fattat: …"); other actions say what happened.
      setNotice(next.status === 'decided' && next.decidedAt && done === t('loop.decision.made') ? null : { tone: 'success', text: done });
      return true;
    } catch (e) {
      const stale = e instanceof ApiError && e.status === 409;
      setNotice({ tone: 'error', text: apiErrorText(e, i18n, { id: 'decision.failed' }), stale });
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
          {c.status === 'decided' && c.outcome && <Status tone="success">{t('decision.done', { state: outcomeLabel(c.outcome, c.procedure)[lang] })}</Status>}
          <div className="case-layout">
            <div className="case-layout__main">
              <ApplicantPanel c={c} />
              <AssessmentPanel c={c} />
              <h2>{t('loop.caseTitle')}</h2>
              <CaseFacts c={c} face="officer" />
            </div>
            <div className="case-layout__side">
              <ClockPanel c={c} />
              <HandlingPanel c={c} run={run} />
              {c.status === 'proposed' && <ProposalPanel c={c} run={run} />}
              {limits.completion && <CompletionRequestForm c={c} limits={limits.completion} run={run} />}
              {limits.extension && <ExtensionForm c={c} limits={limits.extension} run={run} />}
              {limits.startApproval && <StartApprovalForm c={c} decidesCase={limits.startApproval.decidesCase} run={run} />}
              {limits.decision && <DecisionForm c={c} limits={limits.decision} run={run} />}
            </div>
          </div>
        </>
      )}
    </div>
  );
}

function Panel({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
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
        <dt>{t('loop.personnummer')}</dt>
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
            <dd>{a.deviation ? <strong className="flag flag--deviation">{t('loop.deviationYes')}</strong> : t('loop.deviationNo')}</dd>
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
        <dd>{k.extension ? t('loop.clock.extendedBy', { n: k.extension.weeks, reason: k.extension.reason }) : t('loop.clock.noExtension')}</dd>
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
        <dd>{k.feeReduction > 0 ? t('loop.clock.feeReducedBy', { p: percent(k.feeReduction, lang), weeks: k.overdueWeeksStarted }) : t('loop.clock.noReduction')}</dd>
      </dl>
    </Panel>
  );
}

function HandlingPanel({ c, run }: { c: Detail; run: Run }) {
  const { t } = useI18n();
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const me = c.officer.colleagues.find((o) => o.personnummer === c.officer.assignedTo?.personnummer);
  const canAssign = c.officer.actions.includes('assign');
  const assign = async (officer?: string) => {
    setBusy(true);
    const name = officer ? c.officer.colleagues.find((o) => o.personnummer === officer)?.name : undefined;
    await run(t('loop.assigned', { name: name ?? t('loop.you') }), () => caseApi.assign(c.id, { version: c.version, ...(officer ? { officer } : {}) }));
    setBusy(false);
  };
  return (
    <Panel title={t('loop.handling')} id="handling-title">
      <p>
        {t('loop.assignedTo')}: <strong>{c.officer.assignedTo ? c.officer.assignedTo.name : t('loop.unassigned')}</strong>
        {me?.role === 'teamLead' ? ` (${t('loop.teamLead')})` : ''}
      </p>
      {canAssign && (
        <>
          <button type="button" className="button" disabled={busy} onClick={() => void assign()}>
            {t('loop.assignMe')}
          </button>
          <form
            className="form inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (to) void assign(to);
            }}
          >
            <div className="field">
              <label htmlFor="assign-to">{t('loop.assignColleague')}</label>
              <select id="assign-to" value={to} onChange={(e) => setTo(e.target.value)}>
                <option value="">{t('loop.chooseColleague')}</option>
                {c.officer.colleagues.map((o) => (
                  <option key={o.personnummer} value={o.personnummer}>
                    {o.name}
                    {o.role === 'teamLead' ? ` (${t('loop.teamLead')})` : ''}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button" disabled={busy || !to}>
              {t('loop.assign')}
            </button>
          </form>
        </>
      )}
    </Panel>
  );
}

function ProposalPanel({ c, run }: { c: Detail; run: Run }) {
  const { t, lang } = useI18n();
  const [comment, setComment] = useState('');
  const p = c.officer.proposal;
  if (!p) return null;
  const canConfirm = c.officer.actions.includes('confirmProposal');
  return (
    <Panel title={t('loop.proposal')} id="proposal-title">
      <p>{t('loop.proposalBy', { name: p.by.name, date: formatDate(p.at, lang) })}</p>
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
      {canConfirm ? (
        <div className="form">
          <button type="button" className="button button--primary" onClick={() => void run(t('loop.confirmed'), () => caseApi.confirmProposal(c.id, { version: c.version }))}>
            {t('loop.confirm')}
          </button>
          <div className="field">
            <label htmlFor="return-comment">{t('loop.returnComment')}</label>
            <textarea id="return-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
          </div>
          <button
            type="button"
            className="button"
            onClick={() => void run(t('loop.returned'), () => caseApi.returnProposal(c.id, { version: c.version, ...(comment.trim() ? { comment: comment.trim() } : {}) }))}
          >
            {t('loop.return')}
          </button>
        </div>
      ) : (
        <p className="hint">{t('loop.waitingForLead')}</p>
      )}
    </Panel>
  );
}

function CompletionRequestForm({ c, limits, run }: { c: Detail; limits: CompletionLimits; run: Run }) {
  const { t, label } = useI18n();
  const [items, setItems] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [replyBy, setReplyBy] = useState(limits.defaultReplyBy);
  const [problem, setProblem] = useState<string | null>(null);
  const restarts = limits.restartsClock;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (items.length === 0 && !text.trim()) {
      setProblem(t('loop.completion.empty'));
      return;
    }
    setProblem(null);
    const ok = await run(t('loop.completion.sent'), () =>
      caseApi.requestCompletion(c.id, { version: c.version, items: items as never, ...(text.trim() ? { text: text.trim() } : {}), replyBy }),
    );
    if (ok) {
      setItems([]);
      setText('');
    }
  };
  return (
    <details className="panel action">
      <summary>{t('loop.completion.title')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <fieldset aria-describedby={problem ? 'completion-problem' : undefined}>
          <legend>{t('loop.completion.items')}</legend>
          {AttachmentTypeSchema.options.map((type) => (
            <label key={type} className="radio">
              <input
                type="checkbox"
                checked={items.includes(type)}
                onChange={(e) => setItems(e.target.checked ? [...items, type] : items.filter((x) => x !== type))}
              />{' '}
              {label(attachmentLabels[type])}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="completion-text">{t('loop.completion.text')}</label>
          <textarea id="completion-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="completion-reply-by">{t('loop.completion.replyBy')}</label>
          <input id="completion-reply-by" type="date" value={replyBy} min={limits.minReplyBy} onChange={(e) => setReplyBy(e.target.value)} />
        </div>
        <p className="hint">{t(restarts ? 'loop.completion.restarts' : 'loop.completion.runs')}</p>
        {problem && (
          <p className="field__error" id="completion-problem">
            {problem}
          </p>
        )}
        <button type="submit" className="button button--primary">
          {t('loop.completion.submit')}
        </button>
      </form>
    </details>
  );
}

function ExtensionForm({ c, limits, run }: { c: Detail; limits: ExtensionLimits; run: Run }) {
  const { t } = useI18n();
  const max = limits.maxWeeks;
  const [weeks, setWeeks] = useState(String(limits.defaultWeeks));
  const [reason, setReason] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(t('loop.extension.done'), () => caseApi.extend(c.id, { version: c.version, weeks: Number(weeks), reason: reason.trim() }));
  };
  return (
    <details className="panel action">
      <summary>{t('loop.extension.title')}</summary>
      <form className="form" onSubmit={submit}>
        <p className="hint">{t('loop.extension.hint', { max })}</p>
        <div className="field">
          <label htmlFor="extension-weeks">{t('loop.extension.weeks')}</label>
          <input id="extension-weeks" type="number" min={1} max={max} value={weeks} onChange={(e) => setWeeks(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="extension-reason">{t('loop.extension.reason')}</label>
          <textarea id="extension-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button type="submit" className="button">
          {t('loop.extension.submit')}
        </button>
      </form>
    </details>
  );
}

function StartApprovalForm({ c, decidesCase, run }: { c: Detail; decidesCase: boolean; run: Run }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  return (
    <details className="panel action" open={decidesCase}>
      <summary>{t('loop.start.title')}</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(t('loop.start.done'), () => caseApi.startApproval(c.id, { version: c.version, ...(note.trim() ? { note: note.trim() } : {}) }));
        }}
      >
        <p className="hint">{t(decidesCase ? 'loop.start.hintNotification' : 'loop.start.hintPermit')}</p>
        <div className="field">
          <label htmlFor="start-note">{t('loop.start.note')}</label>
          <textarea id="start-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <button type="submit" className="button button--primary">
          {t('loop.start.submit')}
        </button>
      </form>
    </details>
  );
}

function DecisionForm({ c, limits, run }: { c: Detail; limits: DecisionLimits; run: Run }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<'approved' | 'refused' | 'dismissed' | ''>('');
  const [reason, setReason] = useState('');
  const [conditions, setConditions] = useState('');
  const [errors, setErrors] = useState<{ outcome?: string; reason?: string }>({});
  const proposes = limits.proposes;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!outcome) next.outcome = t('decision.chooseOutcome');
    if (reason.trim().length < limits.reasonMinLength) next.reason = t('loop.decision.reasonMissing');
    setErrors(next);
    if (next.outcome || next.reason || !outcome) return;
    const list = outcome === 'approved' ? conditions.split('\n').map((x) => x.trim()).filter(Boolean) : [];
    await run(t(proposes ? 'loop.decision.proposed' : 'loop.decision.made'), () =>
      caseApi.decide(c.id, { version: c.version, outcome, reason: reason.trim(), ...(list.length ? { conditions: list } : {}) }),
    );
  };
  return (
    <form className="form decision panel" onSubmit={submit} noValidate>
      <h2>{t('decision.title')}</h2>
      {proposes && <p className="status status--warning">{t('loop.decision.fourEyes')}</p>}
      <fieldset aria-describedby={errors.outcome ? 'outcome-error' : undefined}>
        <legend>{t('decision.legend')}</legend>
        {limits.outcomes.includes('approved') && (
          <label className="radio">
            <input type="radio" name="outcome" value="approved" checked={outcome === 'approved'} onChange={() => setOutcome('approved')} /> {t('decision.approve')}
          </label>
        )}
        {limits.outcomes.includes('refused') && (
          <label className="radio">
            <input type="radio" name="outcome" value="refused" checked={outcome === 'refused'} onChange={() => setOutcome('refused')} />{' '}
            {t(c.procedure === 'notification' ? 'loop.decision.refuseStart' : 'decision.refuse')}
          </label>
        )}
        {limits.outcomes.includes('dismissed') && (
          <label className="radio">
            <input type="radio" name="outcome" value="dismissed" checked={outcome === 'dismissed'} onChange={() => setOutcome('dismissed')} /> {t('loop.decision.dismiss')}
          </label>
        )}
        {errors.outcome && (
          <p className="field__error" id="outcome-error">
            {errors.outcome}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor="reason">{t('decision.reason')}</label>
        <p className="field__hint" id="reason-hint">
          {t(outcome === 'refused' || outcome === 'dismissed' ? 'loop.decision.reasonsHint' : 'loop.decision.reasonHint')}
        </p>
        <textarea
          id="reason"
          rows={4}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? 'reason-hint reason-error' : 'reason-hint'}
        />
        {errors.reason && (
          <p className="field__error" id="reason-error">
            {errors.reason}
          </p>
        )}
      </div>
      {outcome === 'approved' && (
        <div className="field">
          <label htmlFor="conditions">{t('loop.conditions')}</label>
          <p className="field__hint" id="conditions-hint">
            {t('loop.decision.conditionsHint')}
          </p>
          <textarea id="conditions" rows={3} value={conditions} onChange={(e) => setConditions(e.target.value)} aria-describedby="conditions-hint" />
        </div>
      )}
      <button type="submit" className="button button--primary">
        {t(proposes ? 'loop.decision.propose' : 'decision.submit')}
      </button>
    </form>
  );
}
