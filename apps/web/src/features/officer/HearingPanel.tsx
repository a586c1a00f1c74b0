import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { CaseDetail, HearingView, OfficerCaseView } from '@lovisa/domain';
import { Field } from '../../components/Field';
import { formatDate } from '../../format';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useApi } from '../../useApi';
import { caseApi, letterUrl } from '../cases/caseApi';
import { fieldMessage, hearingPaperFormSchema, hearingStartFormSchema, showIssues } from '../cases/caseForms';

type Detail = CaseDetail & { officer: OfficerCaseView };
type Run = (label: string, act: () => Promise<CaseDetail>, onRefused?: (error: unknown) => void) => Promise<boolean>;
type HearingLimits = NonNullable<OfficerCaseView['limits']['hearing']>;
type Party = HearingView['parties'][number];

const answerKeys: Record<'noObjection' | 'objection' | 'comment', MessageKey> = {
  noObjection: 'hearing.answer.noObjection',
  objection: 'hearing.answer.objection',
  comment: 'hearing.answer.comment',
};

/** The neighbour hearing (PBL 9 kap. 25 §) on the officer's case page: start it, follow the answers, close it. */
export function HearingPanel({ c, run }: { c: Detail; run: Run }) {
  const { t, lang } = useI18n();
  const h = c.officer.hearing;
  const limits = c.officer.limits.hearing;
  if (!h && !limits) return null;
  return (
    <section className="panel hearing" aria-labelledby="hearing-title">
      <h2 id="hearing-title">{t('hearing.title')}</h2>
      {h && (
        <>
          <p>
            <strong>
              {h.running
                ? t('hearing.running', { date: formatDate(h.replyBy, lang) })
                : t('hearing.closed', { date: formatDate(h.closedOn ?? h.replyBy, lang) })}
            </strong>{' '}
            {t('hearing.startedBy', { name: h.startedBy })}
          </p>
          <h3 className="panel__sub">{t('hearing.parties')}</h3>
          <ul className="hearing__parties">
            {h.parties.map((p) => (
              <PartyItem key={p.id} caseId={c.id} p={p} />
            ))}
          </ul>
          {c.officer.actions.includes('recordHearingAnswer') && <PaperAnswerForm c={c} h={h} run={run} />}
          {h.running &&
            (c.officer.actions.includes('closeHearing') ? (
              <button
                type="button"
                className="button button--primary"
                onClick={() => void run(t('hearing.closedDone'), () => caseApi.closeHearing(c.id, c.version))}
              >
                {t('hearing.close')}
              </button>
            ) : (
              <p className="hint">{t('hearing.closeHint', { date: formatDate(h.replyBy, lang) })}</p>
            ))}
        </>
      )}
      {limits && <StartHearingForm c={c} limits={limits} run={run} />}
    </section>
  );
}

function PartyItem({ caseId, p }: { caseId: string; p: Party }) {
  const { t, lang } = useI18n();
  const a = p.answer;
  return (
    <li className="hearing__party">
      <strong>{p.name ?? t('hearing.protected')}</strong> · {p.designation} ({p.share})
      <br />
      <a href={letterUrl(caseId, p.id)} download>
        {t('hearing.letter')}
      </a>
      {p.letterSentOn && (
        <>
          {' · '}
          {t('hearing.letterSent', { date: formatDate(p.letterSentOn, lang) })}{' '}
          {t(p.delivery === 'forwarding' ? 'hearing.byForwarding' : 'hearing.byPost')}
        </>
      )}
      <br />
      {a ? (
        <span className={`hearing__answer hearing__answer--${a.kind}`}>
          {t(answerKeys[a.kind])} (
          {a.channel === 'online'
            ? t('hearing.channel.online')
            : t('hearing.channel.paper', { date: formatDate(a.receivedOn ?? a.at, lang) })}
          ){a.text && <q className="prewrap">{a.text}</q>}
        </span>
      ) : (
        <span className="hint">{t('hearing.noAnswer')}</span>
      )}
    </li>
  );
}

function StartHearingForm({ c, limits, run }: { c: Detail; limits: HearingLimits; run: Run }) {
  const { t, lang, msg } = useI18n();
  const { data: proposed, error } = useApi(() => caseApi.sakagare(c.id), [c.id], { officer: true });
  const [unchecked, setUnchecked] = useState<Set<string>>(new Set());
  const schema = useMemo(() => hearingStartFormSchema(limits), [limits]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(schema.omit({ propertyIds: true })),
    defaultValues: { replyBy: limits.defaultReplyBy },
  });
  const chosen = (proposed ?? []).map((p) => p.propertyId).filter((id) => !unchecked.has(id));
  const submit = handleSubmit(({ replyBy }) =>
    run(
      t('hearing.sent'),
      () => caseApi.startHearing(c.id, { version: c.version, replyBy, propertyIds: chosen }),
      (e) => showIssues(e, ['replyBy'], setError, msg),
    ),
  );
  const toggle = (id: string) =>
    setUnchecked((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <p className="hint">{t('hearing.law')}</p>
      <fieldset>
        <legend>{t('hearing.choose')}</legend>
        {error && <p className="status status--error">{msg(error)}</p>}
        {!proposed && !error && <p>{t('hearing.loading')}</p>}
        {proposed?.length === 0 && <p>{t('hearing.none')}</p>}
        {proposed?.map((p) => (
          <label key={p.propertyId} className="radio hearing__choice">
            <input type="checkbox" checked={!unchecked.has(p.propertyId)} onChange={() => toggle(p.propertyId)} />{' '}
            <span>
              <strong>{p.designation}</strong>,{' '}
              {p.relation === 'adjoining'
                ? t('hearing.relation.adjoining')
                : t('hearing.relation.nearby', { m: p.distanceM.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB') })}
              <br />
              {p.owners
                .map((o) =>
                  o.protectedIdentity
                    ? `${t('hearing.protected')} (${t('hearing.forwarding')})`
                    : `${o.name} ${o.share}`,
                )
                .join('; ')}
            </span>
          </label>
        ))}
      </fieldset>
      <Field
        id="hearing-reply-by"
        label={t('hearing.replyBy')}
        hint={t('hearing.replyByHint', { n: limits.minReplyDays })}
        error={fieldMessage(errors.replyBy, { date: formatDate(limits.minReplyBy, lang) })}
      >
        <input type="date" min={limits.minReplyBy} {...register('replyBy')} />
      </Field>
      <button type="submit" className="button button--primary" disabled={isSubmitting || chosen.length === 0}>
        {t('hearing.send')}
      </button>
    </form>
  );
}

function PaperAnswerForm({ c, h, run }: { c: Detail; h: HearingView; run: Run }) {
  const { t, msg } = useI18n();
  const today = new Date().toISOString().slice(0, 10);
  const empty = { partyId: '', kind: 'noObjection' as const, text: '', receivedOn: today };
  const {
    register,
    handleSubmit,
    reset,
    control,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(hearingPaperFormSchema), defaultValues: empty });
  const partyId = useWatch({ control, name: 'partyId' });
  const submit = handleSubmit(async ({ partyId, kind, text, receivedOn }) => {
    const ok = await run(
      t('hearing.paper.done'),
      () => caseApi.paperAnswer(c.id, { version: c.version, partyId, kind, ...(text ? { text } : {}), receivedOn }),
      (e) => showIssues(e, ['partyId', 'kind', 'text', 'receivedOn'], setError, msg),
    );
    if (ok) reset(empty);
  });
  return (
    <details className="panel action">
      <summary>{t('hearing.paper.title')}</summary>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <Field id="paper-party" label={t('hearing.paper.party')} error={fieldMessage(errors.partyId)}>
          <select {...register('partyId')}>
            <option value="">{t('hearing.paper.choose')}</option>
            {h.parties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name ?? t('hearing.protected')}, {p.designation}
              </option>
            ))}
          </select>
        </Field>
        <Field id="paper-kind" label={t('hearing.paper.kind')} error={fieldMessage(errors.kind)}>
          <select {...register('kind')}>
            {(['noObjection', 'objection', 'comment'] as const).map((k) => (
              <option key={k} value={k}>
                {t(answerKeys[k])}
              </option>
            ))}
          </select>
        </Field>
        <Field id="paper-text" label={t('hearing.paper.text')} error={fieldMessage(errors.text)}>
          <textarea rows={3} {...register('text')} />
        </Field>
        <Field id="paper-received" label={t('hearing.paper.receivedOn')} error={fieldMessage(errors.receivedOn)}>
          <input type="date" max={today} {...register('receivedOn')} />
        </Field>
        <button type="submit" className="button" disabled={isSubmitting || !partyId}>
          {t('hearing.paper.submit')}
        </button>
      </form>
    </details>
  );
}

export { answerKeys };
