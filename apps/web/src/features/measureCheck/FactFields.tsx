import { useState } from 'react';
import type { MinorMeasureFacts } from '@lovisa/domain';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/sv';

const NUMBER_FACTS = new Set([
  'heightM',
  'distanceFromHouseM',
  'distanceToBoundaryM',
  'distanceToPublicLandM',
  'areaM2',
  'groundChangeM',
]);
const YES_NO_FACTS = new Set(['neighbourConsent', 'changesCharacter', 'followsRoofShape', 'oneOrTwoFamily']);

/** "1,5" or "1.5" → 1.5; empty → undefined; anything else → NaN, which the schema refuses. */
function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  if (t === '') return undefined;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

function NumberField(props: { fact: string; value: number | undefined; onChange(v: number | undefined): void }) {
  const { t, lang } = useI18n();
  const [text, setText] = useState(
    props.value === undefined ? '' : String(props.value).replace('.', lang === 'sv' ? ',' : '.'),
  );
  const invalid = Number.isNaN(parseNumber(text));
  const id = `mc-${props.fact}`;
  return (
    <div className="field">
      <label htmlFor={id}>{t(`mc.fact.${props.fact}` as MessageKey)}</label>
      <input
        id={id}
        inputMode="decimal"
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          props.onChange(parseNumber(e.target.value));
        }}
      />
      {invalid && (
        <p id={`${id}-error`} className="field__error">
          {t('mc.invalidNumber')}
        </p>
      )}
    </div>
  );
}

function Choice(props: {
  fact: string;
  options: [string, MessageKey][];
  value: string | undefined;
  onChange(v: string): void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="field radios">
      <legend>{t(`mc.fact.${props.fact}` as MessageKey)}</legend>
      {props.options.map(([value, key]) => (
        <label key={value}>
          <input
            type="radio"
            name={`mc-${props.fact}`}
            value={value}
            checked={props.value === value}
            onChange={() => props.onChange(value)}
          />{' '}
          {t(key)}
        </label>
      ))}
    </fieldset>
  );
}

/** The questions a measure's rule asks, one field each; answers go straight to the machine. */
export function FactFields(props: {
  facts: string[];
  values: MinorMeasureFacts;
  onChange(f: MinorMeasureFacts): void;
}) {
  return (
    <>
      {props.facts.map((fact) => {
        const key = fact as keyof MinorMeasureFacts;
        if (NUMBER_FACTS.has(fact))
          return (
            <NumberField
              key={fact}
              fact={fact}
              value={props.values[key] as number | undefined}
              onChange={(v) => props.onChange({ [key]: v })}
            />
          );
        if (YES_NO_FACTS.has(fact)) {
          const v = props.values[key];
          return (
            <Choice
              key={fact}
              fact={fact}
              options={[
                ['yes', 'mc.yes'],
                ['no', 'mc.no'],
              ]}
              value={v === undefined ? undefined : v ? 'yes' : 'no'}
              onChange={(c) => props.onChange({ [key]: c === 'yes' })}
            />
          );
        }
        return (
          <Choice
            key={fact}
            fact={fact}
            options={[
              ['main', 'mc.demolishes.main'],
              ['outbuilding', 'mc.demolishes.outbuilding'],
            ]}
            value={props.values.demolishes}
            onChange={(c) => props.onChange({ demolishes: c as 'main' | 'outbuilding' })}
          />
        );
      })}
    </>
  );
}
