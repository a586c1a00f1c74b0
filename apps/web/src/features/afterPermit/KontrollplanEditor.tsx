import { useState } from 'react';
import {
  CheckMethodSchema,
  CheckerSchema,
  type AfterPermitView,
  type Checker,
  type CheckMethod,
  type KontrollplanItemInput,
} from '@lovisa/domain';
import { ApiError, apiErrorText } from '../../api/client';
import { Status } from '../../components/Layout';
import { useI18n } from '../../i18n/i18n';
import { afterPermitApi } from './afterPermitApi';
import { checkerKeys, methodKeys } from './afterPermitParts';

type Row = KontrollplanItemInput & { key: string };
let counter = 0;
const rowsOf = (view: AfterPermitView): Row[] =>
  view.state.kontrollplan.items.map(({ id, what, checkedBy, method }) => ({ key: id, id, what, checkedBy, method }));

/**
 * The byggherre adapts the kontrollplan before the startbesked approves it (PBL 10 kap. 6 §): each item's what,
 * who checks it and how; items added or removed. Saved whole; the server says what is wrong with which item.
 */
export function KontrollplanEditor({
  caseId,
  view,
  onSaved,
}: {
  caseId: string;
  view: AfterPermitView;
  onSaved(next: AfterPermitView): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [rows, setRows] = useState<Row[]>(() => rowsOf(view));
  const [failed, setFailed] = useState<{ text: string; index: number | null } | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (key: string, change: Partial<Row>) => {
    setSaved(false);
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  };
  const save = async () => {
    setFailed(null);
    setBusy(true);
    try {
      const next = await afterPermitApi.editKontrollplan(caseId, {
        version: view.version,
        items: rows.map(({ id, what, checkedBy, method }) => ({ ...(id ? { id } : {}), what, checkedBy, method })),
      });
      setRows(rowsOf(next));
      setSaved(true);
      onSaved(next);
    } catch (e) {
      const path = e instanceof ApiError ? e.issues[0]?.path : undefined;
      const index = path?.startsWith('items.') ? Number(path.split('.')[1]) : null;
      setFailed({ text: apiErrorText(e, i18n), index: Number.isInteger(index) ? index : null });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="kontrollplan-editor" aria-labelledby="kp-edit-title">
      <h3 id="kp-edit-title">{t('ap.edit.title')}</h3>
      <p className="hint">{t('ap.edit.intro')}</p>
      {failed && (
        <Status tone="error">
          {failed.index !== null ? `${t('ap.edit.itemN', { n: failed.index + 1 })}: ` : ''}
          {failed.text}
        </Status>
      )}
      {saved && <Status tone="success">{t('ap.edit.saved')}</Status>}
      <ol className="kontrollplan kontrollplan--edit">
        {rows.map((r, i) => (
          <ItemRow
            key={r.key}
            row={r}
            n={i + 1}
            invalid={failed?.index === i}
            set={(change) => set(r.key, change)}
            remove={() => {
              setSaved(false);
              setRows((rs) => rs.filter((x) => x.key !== r.key));
            }}
          />
        ))}
      </ol>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => {
            setSaved(false);
            setRows((rs) => [...rs, { key: `new-${++counter}`, what: '', checkedBy: 'byggherre', method: 'visual' }]);
          }}
        >
          {t('ap.edit.add')}
        </button>
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void save()}>
          {t('ap.edit.save')}
        </button>
      </div>
    </section>
  );
}

function ItemRow({
  row: r,
  n,
  invalid,
  set,
  remove,
}: {
  row: Row;
  n: number;
  invalid: boolean;
  set(change: Partial<Row>): void;
  remove(): void;
}) {
  const { t } = useI18n();
  return (
    <li className="kontrollplan__item">
      <fieldset>
        <legend>{t('ap.edit.itemN', { n })}</legend>
        <div className="field">
          <label htmlFor={`kp-what-${r.key}`}>{t('ap.edit.what')}</label>
          <textarea
            id={`kp-what-${r.key}`}
            rows={2}
            value={r.what}
            aria-invalid={invalid ? true : undefined}
            onChange={(e) => set({ what: e.target.value })}
          />
        </div>
        <div className="kontrollplan__pair">
          <div className="field">
            <label htmlFor={`kp-who-${r.key}`}>{t('ap.edit.who')}</label>
            <select
              id={`kp-who-${r.key}`}
              value={r.checkedBy}
              onChange={(e) => set({ checkedBy: e.target.value as Checker })}
            >
              {CheckerSchema.options.map((c) => (
                <option key={c} value={c}>
                  {t(checkerKeys[c])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`kp-how-${r.key}`}>{t('ap.edit.how')}</label>
            <select
              id={`kp-how-${r.key}`}
              value={r.method}
              onChange={(e) => set({ method: e.target.value as CheckMethod })}
            >
              {CheckMethodSchema.options.map((m) => (
                <option key={m} value={m}>
                  {t(methodKeys[m])}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="button" className="button" onClick={remove}>
          {t('ap.edit.remove', { n })}
        </button>
      </fieldset>
    </li>
  );
}
