import { useEffect, useRef, useState } from 'react';
import { bankIdMessageId } from '@lovisa/domain/messages/bankid';
import { apiErrorMessage, authApi } from '../../api/http';
import { PageTitle, Status } from '../../components/Layout';
import { useI18n, type Message } from '../../i18n/i18n';
import { navigate, safeNext, useLocation } from '../../router';
import { useSession } from '../../session';
import { BankIdIllustration } from '../kiosk/BankIdIllustration';
import { bankIdOnThisDevice } from './bankIdDevice';

type Phase =
  | { kind: 'choose' }
  | {
      kind: 'waiting';
      mode: 'qr' | 'sameDevice';
      orderRef: string;
      autoStartToken: string;
      pollIntervalMs: number;
      message: Message;
      qrSvg?: string;
    }
  | { kind: 'failed'; message: Message };

type WaitingPhase = Extract<Phase, { kind: 'waiting' }>;

/**
 * A BankID login order from start to end: started on request, collected at the server's interval until it
 * completes (the session is then refreshed and the page goes on to `next`) or fails, its QR redrawn every second.
 */
function useBankIdLogin(kiosk: boolean, next: string, onCancel: (() => void) | undefined) {
  const { refresh } = useSession();
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const orderRef = phase.kind === 'waiting' ? phase.orderRef : null;
  const mode = phase.kind === 'waiting' ? phase.mode : null;
  const pollIntervalMs = phase.kind === 'waiting' ? phase.pollIntervalMs : 2000;
  const done = useRef(false);

  async function start(m: 'qr' | 'sameDevice') {
    try {
      const order = await authApi.startLogin(m, kiosk);
      setPhase({ kind: 'waiting', mode: m, ...order, message: { id: 'login.startApp' } });
    } catch (e) {
      setPhase({ kind: 'failed', message: apiErrorMessage(e, { id: 'login.startFailed' }) });
    }
  }

  // Poll collect at the server's interval (BankID asks relying parties for every 2 s).
  useEffect(() => {
    if (!orderRef) return;
    let live = true;
    const poll = async () => {
      try {
        const r = await authApi.collect(orderRef);
        if (!live) return;
        if (r.status === 'complete') {
          done.current = true;
          await refresh();
          navigate(next, { replace: true });
        } else {
          // By BankID's hint code, not the server's Swedish `message`, so it reads in the page's language.
          const said = { id: bankIdMessageId(r.hintCode, r.status), text: r.message };
          if (r.status === 'failed') setPhase({ kind: 'failed', message: said });
          else setPhase((p) => (p.kind === 'waiting' && p.message.id !== said.id ? { ...p, message: said } : p));
        }
      } catch (e) {
        if (live) setPhase({ kind: 'failed', message: apiErrorMessage(e, { id: 'login.failed' }) });
      }
    };
    // poll and draw catch their own failures (they become the page's phase), so nothing is left unhandled.
    const timer = window.setInterval(() => void poll(), pollIntervalMs);
    void poll();
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [orderRef, pollIntervalMs, next, refresh]);

  // The QR changes every second; only the server can compute it.
  useEffect(() => {
    if (!orderRef || mode !== 'qr') return;
    let live = true;
    const draw = async () => {
      try {
        const { svg } = await authApi.qr(orderRef);
        if (live) setPhase((p) => (p.kind === 'waiting' ? { ...p, qrSvg: svg } : p));
      } catch {
        // The collect poll reports failures; a missed frame is redrawn next second.
      }
    };
    void draw();
    const timer = window.setInterval(() => void draw(), 1000);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [orderRef, mode]);

  // At the kiosk there is nothing to choose: the QR code comes at once (once, also under StrictMode).
  const autoStarted = useRef(false);
  useEffect(() => {
    if (!kiosk || autoStarted.current) return;
    autoStarted.current = true;
    void start('qr');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kiosk]);

  async function cancel() {
    if (orderRef) await authApi.cancelLogin(orderRef).catch(() => {});
    if (kiosk && onCancel) return onCancel();
    setPhase({ kind: 'choose' });
  }

  return { phase, start, cancel, chooseAgain: () => setPhase({ kind: 'choose' }) };
}

/**
 * BankID login: QR on another device (animated, redrawn every second by the server) or this device.
 * `kiosk`: the town-hall kiosk's login, BankID on another device only, started at once, with a short
 * illustrated explanation; cancelling it ends the visit (`onCancel`).
 */
export function LoginPage({ kiosk = false, onCancel }: { kiosk?: boolean; onCancel?: () => void } = {}) {
  const { search } = useLocation();
  const officer = !kiosk && search.get('roll') === 'handlaggare';
  const next = safeNext(search.get('next'), kiosk ? '/kiosk/meny' : officer ? '/handlaggare' : '/ansokan');
  const { t } = useI18n();
  const { phase, start, cancel, chooseAgain } = useBankIdLogin(kiosk, next, onCancel);
  // Decided once, so the buttons never swap places under the finger.
  const [phoneFirst] = useState(bankIdOnThisDevice);

  if (kiosk) return <KioskLogin phase={phase} onRetry={() => void start('qr')} onCancel={() => void cancel()} />;

  return (
    <div className="page page--narrow">
      <PageTitle>{t(officer ? 'login.titleOfficer' : 'login.title')}</PageTitle>
      {phase.kind === 'choose' && (
        <>
          <p>{t('login.choose')}</p>
          <div className="choice-buttons">
            {(phoneFirst ? (['sameDevice', 'qr'] as const) : (['qr', 'sameDevice'] as const)).map((m, i) => (
              <button
                key={m}
                type="button"
                className={i === 0 ? 'button button--primary button--large' : 'button button--large'}
                onClick={() => void start(m)}
              >
                {t(m === 'qr' ? 'login.qr' : 'login.sameDevice')}
              </button>
            ))}
          </div>
        </>
      )}
      {phase.kind === 'waiting' && <LoginWaiting phase={phase} onCancel={() => void cancel()} />}
      {phase.kind === 'failed' && (
        <>
          <Status tone="error">{phase.message}</Status>
          <button type="button" className="button button--primary" onClick={chooseAgain}>
            {t('common.retry')}
          </button>
        </>
      )}
    </div>
  );
}

/** The kiosk's login: the QR code beside an illustration of what to do with it. */
function KioskLogin({ phase, onRetry, onCancel }: { phase: Phase; onRetry(): void; onCancel(): void }) {
  const { t, msg } = useI18n();
  return (
    <div className="page kiosk-login">
      <PageTitle>{t('login.title')}</PageTitle>
      <div className="kiosk-login__layout">
        <BankIdIllustration />
        <div className="kiosk-login__qr">
          {phase.kind === 'waiting' && (
            <>
              <div className="qr qr--kiosk">
                {phase.qrSvg ? (
                  <img
                    src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(phase.qrSvg)}`}
                    alt={t('login.qrAlt')}
                    width={320}
                    height={320}
                  />
                ) : (
                  <p>{t('login.qrLoading')}</p>
                )}
              </div>
              <div aria-live="polite" className="status status--info">
                {msg(phase.message)}
              </div>
            </>
          )}
          {phase.kind === 'choose' && <p>{t('login.qrLoading')}</p>}
          {phase.kind === 'failed' && (
            <>
              <Status tone="error">{phase.message}</Status>
              <button type="button" className="button button--primary button--large" onClick={onRetry}>
                {t('common.retry')}
              </button>
            </>
          )}
          <p className="hint">{t('kiosk.login.noBankId')}</p>
          <p className="hint">{t('kiosk.login.demo')}</p>
          <button type="button" className="button button--large" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Waiting for the BankID app: the QR code to scan, or the button that opens the app on this device. */
function LoginWaiting({ phase, onCancel }: { phase: WaitingPhase; onCancel(): void }) {
  const { t, msg } = useI18n();
  return (
    <div className="login-waiting">
      {phase.mode === 'qr' ? (
        <>
          <p>{t('login.scan')}</p>
          <div className="qr">
            {phase.qrSvg ? (
              <img
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(phase.qrSvg)}`}
                alt={t('login.qrAlt')}
                width={240}
                height={240}
              />
            ) : (
              <p>{t('login.qrLoading')}</p>
            )}
          </div>
        </>
      ) : (
        <p>
          <a
            className="button button--primary button--large"
            href={`bankid:///?autostarttoken=${encodeURIComponent(phase.autoStartToken)}&redirect=null`}
          >
            {t('login.open')}
          </a>
        </p>
      )}
      <div aria-live="polite" className="status status--info">
        {msg(phase.message)}
      </div>
      <p className="hint">
        {t('login.demo')}{' '}
        <a href="/bankid-sim/app" target="_blank" rel="noreferrer">
          {t('login.demoLink')} {t('common.newTab')}
        </a>
        .
      </p>
      <button type="button" className="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
