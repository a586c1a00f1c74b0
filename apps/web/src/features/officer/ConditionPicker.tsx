import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useApi } from '../../useApi';
import { caseApi } from '../cases/caseApi';

/**
 * The municipality's conditions library: the officer picks a condition and it is added as a line of the
 * decision's conditions, the case's facts already filled in, to be edited like any line they typed.
 */
export function ConditionPicker({
  caseId,
  disabled,
  onPick,
}: {
  caseId: string;
  disabled: boolean;
  onPick: (text: string) => void;
}) {
  const { t, label } = useI18n();
  const { data: phrases } = useApi(() => caseApi.phrases(caseId), [caseId], { officer: true });
  const [chosen, setChosen] = useState('');
  if (!phrases || phrases.length === 0) return null;
  const picked = phrases.find((p) => p.id === chosen);
  return (
    <div className="condition-picker">
      <label htmlFor="condition-library">{t('loop.conditions.library')}</label>
      <div className="condition-picker__row">
        <select id="condition-library" value={chosen} disabled={disabled} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t('loop.conditions.choose')}</option>
          {phrases.map((p) => (
            <option key={p.id} value={p.id}>
              {label(p.label)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={disabled || !picked}
          onClick={() => {
            if (!picked) return;
            onPick(picked.text);
            setChosen('');
          }}
        >
          {t('loop.conditions.add')}
        </button>
      </div>
      {picked && <p className="hint">{picked.text}</p>}
    </div>
  );
}
