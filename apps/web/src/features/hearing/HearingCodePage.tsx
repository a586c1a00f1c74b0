import { useState, type FormEvent } from 'react';
import { PageTitle } from '../../components/Layout';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { navigate } from '../../router';

/** Where the letter sends a neighbour: the code from the letter opens the hearing (after a BankID login). */
export default function HearingCodePage() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [error, setError] = useState(false);
  const open = (e: FormEvent) => {
    e.preventDefault();
    const typed = code.trim().toUpperCase();
    if (!/^[0-9A-Z-]{8,20}$/.test(typed)) return setError(true);
    navigate(`/underrattelse/${typed}`);
  };
  return (
    <div className="page">
      <PageTitle>{t('hearing.neighbour.title')}</PageTitle>
      <p>{t('hearing.neighbour.codeIntro')}</p>
      <form className="form" noValidate onSubmit={open}>
        <Field
          id="hearing-code"
          label={t('hearing.neighbour.code')}
          hint={t('hearing.neighbour.codeHint')}
          error={error ? t('hearing.neighbour.codeHint') : undefined}
        >
          <input
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            onChange={(e) => {
              setCode(e.target.value);
              setError(false);
            }}
          />
        </Field>
        <button type="submit" className="button button--primary">
          {t('hearing.neighbour.open')}
        </button>
      </form>
    </div>
  );
}
