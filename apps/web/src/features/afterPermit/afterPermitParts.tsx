import { useState, type FormEvent, type ReactNode } from 'react';
import type { AfterPermitView, Checker, CheckMethod } from '@lovisa/domain';
import { ApiError, apiErrorText } from '../../api/client';
import { apiUrl } from '../../api/http';
import { Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { useI18n, type Lang, type MessageKey } from '../../i18n/i18n';

const timeFmt: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }),
};
/** "19 januari 2027 09:00", in Swedish time whatever the browser's zone. */
export const when = (iso: string, lang: Lang) => `${formatDate(iso, lang)} ${timeFmt[lang].format(new Date(iso))}`;

export const checkerKeys: Record<Checker, MessageKey> = {
  byggherre: 'ap.checker.byggherre',
  kontrollansvarig: 'ap.checker.kontrollansvarig',
  entreprenor: 'ap.checker.entreprenor',
  sakkunnig: 'ap.checker.sakkunnig',
};
export const methodKeys: Record<CheckMethod, MessageKey> = {
  visual: 'ap.method.visual',
  measurement: 'ap.method.measurement',
  documents: 'ap.method.documents',
  certificate: 'ap.method.certificate',
};

/** The steps after the decision, in order, the current one marked (aria-current="step"). */
export function PhaseBar({ view }: { view: AfterPermitView }) {
  const { t } = useI18n();
  return (
    <ol className="stages" aria-label={t('afterPermit.phasesLabel')}>
      {view.phases.map((p) => (
        <li
          key={p.key}
          className={`stages__step stages__step--${p.state}`}
          aria-current={p.state === 'current' ? 'step' : undefined}
        >
          <span className="stages__label">{t(`afterPermit.phase.${p.key}`)}</span>
          <span className="stages__meta">{t(`afterPermit.phaseState.${p.state}`)}</span>
        </li>
      ))}
    </ol>
  );
}

export function NextActions({ view }: { view: AfterPermitView }) {
  const { t, lang } = useI18n();
  if (view.nextActions.length === 0) return null;
  return (
    <ul className="after-permit__next">
      {view.nextActions.map((a) => (
        <li key={a.id}>{t(`afterPermit.next.${a.id}`, { on: a.on ? formatDate(a.on, lang) : '' })}</li>
      ))}
    </ul>
  );
}

/** The kontrollplan as a list: what, who checks, how, and each tick with its day, its file and its note. */
export function KontrollplanList({ view, actions }: { view: AfterPermitView; actions?: (id: string) => ReactNode }) {
  const { t, lang } = useI18n();
  const plan = view.state.kontrollplan;
  return (
    <ol className="kontrollplan">
      {plan.items.map((item) => (
        <li key={item.id} className={`kontrollplan__item${item.done ? ' kontrollplan__item--done' : ''}`}>
          <span className="kontrollplan__what">{item.what}</span>
          <span className="kontrollplan__meta">
            {t(checkerKeys[item.checkedBy])} · {t(methodKeys[item.method])}
          </span>
          {item.done ? (
            <span className="kontrollplan__done">
              {t('ap.tick.doneOn', { date: formatDate(item.done.on, lang), name: item.done.by })}
              {item.done.attachmentId && (
                <>
                  {' · '}
                  <a href={apiUrl('get', '/api/attachments/{id}', { path: { id: item.done.attachmentId } })} download>
                    {t('ap.tick.file')}
                  </a>
                </>
              )}
              {item.done.note && <> · {item.done.note}</>}
            </span>
          ) : (
            <span className="kontrollplan__todo">{t('ap.tick.notDone')}</span>
          )}
          {actions?.(item.id)}
        </li>
      ))}
    </ol>
  );
}

/** One line per entry of a textarea: the conditions and what remains, as the commands take them. */
export const linesOf = (text: FormDataEntryValue | null) =>
  String(text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

/**
 * A form that sends one after-permit command: its fields read at submit, the answer (the new view) handed on, a
 * refusal shown by the server's message id, and each field the refusal names marked.
 */
export function CommandForm({
  title,
  submit,
  send,
  onDone,
  children,
  id,
}: {
  title: string;
  submit: string;
  send: (form: FormData) => Promise<AfterPermitView>;
  onDone: (next: AfterPermitView) => void;
  children: (invalid: (path: string) => string | undefined) => ReactNode;
  id: string;
}) {
  const i18n = useI18n();
  const [failed, setFailed] = useState<{ text: string; paths: Record<string, string> } | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setFailed(null);
    setBusy(true);
    try {
      onDone(await send(new FormData(e.currentTarget)));
    } catch (err) {
      const paths: Record<string, string> = {};
      if (err instanceof ApiError)
        for (const issue of err.issues)
          paths[issue.path.split('.')[0]!] = i18n.msg({ id: issue.messageId ?? '', text: issue.message });
      setFailed({ text: apiErrorText(err, i18n), paths });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="form after-permit__form"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => void onSubmit(e)}
    >
      <h3 id={`${id}-title`} className="panel__sub">
        {title}
      </h3>
      {failed && <Status tone="error">{failed.text}</Status>}
      {children((path) => failed?.paths[path])}
      <button type="submit" className="button button--primary" disabled={busy}>
        {submit}
      </button>
    </form>
  );
}
