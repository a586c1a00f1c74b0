import { useEffect, useRef, useState, type ReactNode } from 'react';
import { authApi } from '../../api/http';
import { useI18n } from '../../i18n/i18n';
import { activityEvents, idlePhase, KEEP_ALIVE_MS, type IdlePhase } from './idle';

/** A modal <dialog>: the rest of the page is inert while it is open, focus stays inside, Esc is `onCancel`. */
function Modal(props: {
  className: string;
  labelledBy: string;
  describedBy?: string;
  onCancel(): void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`kiosk-dialog ${props.className}`}
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      {props.children}
    </dialog>
  );
}

/**
 * Idle protection: after `idleSeconds` without a touch, a full-screen "Vill du fortsätta?" with a countdown;
 * at zero (or "Avsluta") the visit ends. While someone is at the screen their short kiosk session is kept
 * alive on the server; should the server have ended it already, the visit ends here too.
 */
export function IdleGuard(props: { idleSeconds: number; countdownSeconds: number; signedIn: boolean; onEnd(): void }) {
  const { idleSeconds, countdownSeconds, signedIn, onEnd } = props;
  const lastActivity = useRef(Date.now());
  const lastPing = useRef(Date.now());
  const asking = useRef(false);
  const [phase, setPhase] = useState<IdlePhase>({ kind: 'active' });
  const { t } = useI18n();

  useEffect(() => {
    const idleMs = idleSeconds * 1000;
    const countdownMs = countdownSeconds * 1000;
    const onActivity = () => {
      // Once the question is up, only "Fortsätt" counts: a stray touch on the backdrop does not answer it.
      if (asking.current) return;
      const now = Date.now();
      lastActivity.current = now;
      if (signedIn && now - lastPing.current > KEEP_ALIVE_MS) {
        lastPing.current = now;
        authApi
          .session()
          .then((s) => {
            if (!s.authenticated) onEnd();
          })
          .catch(() => {});
      }
    };
    for (const type of activityEvents) window.addEventListener(type, onActivity, { capture: true, passive: true });
    const tick = () => {
      const next = idlePhase(lastActivity.current, Date.now(), idleMs, countdownMs);
      asking.current = next.kind === 'asking';
      setPhase((prev) =>
        prev.kind === next.kind &&
        (prev.kind !== 'asking' || next.kind !== 'asking' || prev.secondsLeft === next.secondsLeft)
          ? prev
          : next,
      );
      if (next.kind === 'expired') onEnd();
    };
    const timer = window.setInterval(tick, 250);
    return () => {
      window.clearInterval(timer);
      for (const type of activityEvents) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [idleSeconds, countdownSeconds, signedIn, onEnd]);

  const carryOn = () => {
    lastActivity.current = Date.now();
    asking.current = false;
    setPhase({ kind: 'active' });
  };

  if (phase.kind !== 'asking') return null;
  return (
    <Modal
      className="kiosk-dialog--idle"
      labelledBy="kiosk-idle-title"
      describedBy="kiosk-idle-text"
      onCancel={carryOn}
    >
      <div className="kiosk-idle">
        <h2 id="kiosk-idle-title">{t('kiosk.idle.title')}</h2>
        <p className="kiosk-idle__count" aria-hidden="true">
          {phase.secondsLeft}
        </p>
        <p id="kiosk-idle-text">{t('kiosk.idle.countdown', { seconds: phase.secondsLeft })}</p>
        {signedIn && <p>{t('kiosk.saved')}</p>}
        <div className="kiosk-idle__buttons">
          <button type="button" className="button button--primary button--large" autoFocus onClick={carryOn}>
            {t('kiosk.idle.continue')}
          </button>
          <button type="button" className="button button--large" onClick={onEnd}>
            {t('kiosk.idle.end')}
          </button>
        </div>
      </div>
    </Modal>
  );
}

/** "Be om hjälp": how to reach the staff here (KIOSK_HELP_TEXT), and the staff's own switch. */
export function HelpDialog(props: { helpText: string; staff: boolean; onStaff(on: boolean): void; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal
      className="kiosk-dialog--help"
      labelledBy="kiosk-help-title"
      describedBy="kiosk-help-text"
      onCancel={props.onClose}
    >
      <h2 id="kiosk-help-title">{t('kiosk.help.title')}</h2>
      <p id="kiosk-help-text" className="kiosk-help__text">
        {props.helpText}
      </p>
      <div className="kiosk-help__staff">
        <button
          type="button"
          className="button button--large"
          aria-pressed={props.staff}
          onClick={() => props.onStaff(!props.staff)}
        >
          {t('kiosk.help.staff')}
        </button>
        <p className="hint">{t('kiosk.help.staffHint')}</p>
      </div>
      <button type="button" className="button button--primary button--large" onClick={props.onClose}>
        {t('kiosk.help.close')}
      </button>
    </Modal>
  );
}
