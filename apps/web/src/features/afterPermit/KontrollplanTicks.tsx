import { useState, type FormEvent } from 'react';
import type { AfterPermitView } from '@lovisa/domain';
import { ApiError, apiErrorText } from '../../api/client';
import { Field } from '../../components/Field';
import { Status } from '../../components/Layout';
import { useI18n } from '../../i18n/i18n';
import { afterPermitApi, type TickApi } from './afterPermitApi';
import { CommandForm, KontrollplanList } from './afterPermitParts';

/**
 * Ticking the kontrollplan while building: each item open to a tick with its day and, if wished, a photo or a
 * document (uploaded first, as every upload: PDF, PNG or JPEG, checked by content), and a note. Offered once the
 * domain allows ticks (after the startbesked).
 */
export function KontrollplanTicks({
  caseId,
  view,
  onChanged,
  api = afterPermitApi,
}: {
  caseId: string;
  view: AfterPermitView;
  onChanged(next: AfterPermitView, message: string): void;
  api?: TickApi;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const mayTick = view.allowed.includes('tickKontrollplanItem');
  return (
    <KontrollplanList
      view={view}
      actions={(id) => {
        const item = view.state.kontrollplan.items.find((i) => i.id === id)!;
        if (!mayTick || item.done) return null;
        return open === id ? (
          <TickForm
            api={api}
            caseId={caseId}
            view={view}
            itemId={id}
            what={item.what}
            onCancel={() => setOpen(null)}
            onDone={(next) => {
              setOpen(null);
              onChanged(next, t('ap.tick.done', { what: item.what }));
            }}
          />
        ) : (
          <button
            type="button"
            className="button button--small"
            aria-label={t('ap.tick.openFor', { what: item.what })}
            onClick={() => setOpen(id)}
          >
            {t('ap.tick.open')}
          </button>
        );
      }}
    />
  );
}

function TickForm({
  api,
  caseId,
  view,
  itemId,
  what,
  onDone,
  onCancel,
}: {
  api: TickApi;
  caseId: string;
  view: AfterPermitView;
  itemId: string;
  what: string;
  onDone(next: AfterPermitView): void;
  onCancel(): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [failed, setFailed] = useState<{ text: string; path: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get('file');
    setFailed(null);
    setBusy(true);
    try {
      const attachment = file instanceof File && file.size > 0 ? await api.upload(caseId, file) : null;
      onDone(
        await api.tick(caseId, {
          version: view.version,
          itemId,
          doneOn: String(form.get('doneOn') ?? ''),
          attachmentId: attachment?.id ?? null,
          note: String(form.get('note') ?? ''),
        }),
      );
    } catch (err) {
      const path = err instanceof ApiError ? (err.issues[0]?.path ?? 'file') : null;
      setFailed({ text: apiErrorText(err, i18n), path });
    } finally {
      setBusy(false);
    }
  };
  const id = `tick-${itemId}`;
  return (
    <form
      className="form kontrollplan__tick"
      noValidate
      aria-label={t('ap.tick.formFor', { what })}
      onSubmit={(e) => void submit(e)}
    >
      {failed && <Status tone="error">{failed.text}</Status>}
      <Field id={`${id}-on`} label={t('ap.tick.on')} error={failed?.path === 'doneOn' ? failed.text : undefined}>
        <input type="date" name="doneOn" defaultValue={view.today} max={view.today} />
      </Field>
      <Field
        id={`${id}-file`}
        label={t('ap.tick.fileLabel')}
        hint={t('ap.tick.fileHint')}
        error={failed?.path === 'file' || failed?.path === 'attachmentId' ? failed.text : undefined}
      >
        <input type="file" name="file" accept="image/png,image/jpeg,application/pdf" />
      </Field>
      <Field id={`${id}-note`} label={t('ap.tick.note')}>
        <input type="text" name="note" />
      </Field>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('ap.tick.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('ap.tick.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The day the work started (what the two-year limit asks about). */
export function WorkStartedForm({
  caseId,
  view,
  onDone,
}: {
  caseId: string;
  view: AfterPermitView;
  onDone(next: AfterPermitView): void;
}) {
  const { t } = useI18n();
  return (
    <CommandForm
      id="ap-started"
      title={t('ap.started.title')}
      submit={t('ap.started.submit')}
      onDone={onDone}
      send={(f) => afterPermitApi.workStarted(caseId, { version: view.version, startedOn: String(f.get('on') ?? '') })}
    >
      {(invalid) => (
        <Field id="ap-started-on" label={t('ap.started.on')} error={invalid('startedOn')}>
          <input type="date" name="on" defaultValue={view.today} max={view.today} />
        </Field>
      )}
    </CommandForm>
  );
}

/** Begäran om slutbesked: the plan as ticked goes with it; a note says what the officer should know. */
export function SlutbeskedRequestForm({
  caseId,
  view,
  onDone,
}: {
  caseId: string;
  view: AfterPermitView;
  onDone(next: AfterPermitView): void;
}) {
  const { t } = useI18n();
  const all = view.progress.done === view.progress.total;
  return (
    <CommandForm
      id="ap-request"
      title={t('ap.request.title')}
      submit={t('ap.request.submit')}
      onDone={onDone}
      send={(f) =>
        afterPermitApi.requestSlutbesked(caseId, { version: view.version, note: String(f.get('note') ?? '') })
      }
    >
      {(invalid) => (
        <>
          <p>
            {t(all ? 'ap.request.allTicked' : 'ap.request.someLeft', {
              done: view.progress.done,
              total: view.progress.total,
            })}
          </p>
          <Field
            id="ap-request-note"
            label={t('ap.request.note')}
            hint={t('ap.request.noteHint')}
            error={invalid('note')}
          >
            <textarea name="note" rows={3} />
          </Field>
        </>
      )}
    </CommandForm>
  );
}

/**
 * The byggherre names the kontrollansvarig who ticks the plan: they log in with BankID and find the case in their
 * Mina ärenden, with tick rights only.
 */
export function KontrollansvarigForm({
  caseId,
  view,
  onDone,
}: {
  caseId: string;
  view: AfterPermitView;
  onDone(next: AfterPermitView): void;
}) {
  const { t } = useI18n();
  const named = view.state.kontrollansvarigPerson;
  return (
    <CommandForm
      id="ap-ka"
      title={t('ap.ka.formTitle')}
      submit={t(named ? 'ap.ka.change' : 'ap.ka.submit')}
      onDone={onDone}
      send={(f) =>
        afterPermitApi.nameKontrollansvarig(caseId, {
          version: view.version,
          personnummer: String(f.get('personnummer') ?? ''),
          name: String(f.get('name') ?? ''),
        })
      }
    >
      {(invalid) => (
        <>
          <p>{named ? t('ap.ka.named', { name: named.name }) : t('ap.ka.why')}</p>
          <Field
            id="ap-ka-pnr"
            label={t('ap.ka.personnummer')}
            hint={t('ap.ka.personnummerHint')}
            error={invalid('personnummer')}
          >
            <input type="text" name="personnummer" inputMode="numeric" autoComplete="off" />
          </Field>
          <Field id="ap-ka-name" label={t('ap.ka.name')} error={invalid('name')}>
            <input type="text" name="name" autoComplete="off" />
          </Field>
        </>
      )}
    </CommandForm>
  );
}
