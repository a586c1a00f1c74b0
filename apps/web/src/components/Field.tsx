import type { ReactElement, ReactNode } from 'react';
import { cloneElement } from 'react';
import { useI18n, type Message } from '../i18n/i18n';

/**
 * A labelled form field (an `error` given as a Message is rendered by id; a string is shown as it is) with its hint and error tied to the control (aria-describedby, aria-invalid), the
 * pattern every form of the service uses. The control is passed as the child and gets `id` and the aria props.
 */
export function Field(props: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | Message | undefined;
  children: ReactElement<Record<string, unknown>>;
}) {
  const { id, label, hint, error, children } = props;
  const { msg } = useI18n();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {typeof error === 'string' ? error : msg(error)}
        </p>
      )}
    </div>
  );
}
