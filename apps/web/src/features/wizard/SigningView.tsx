import { useEffect, useState } from 'react';
import type { SignOrder } from '@lovisa/wizard';
import { api } from '../../api/client';
import { PageTitle } from '../../components/Layout';
import { useI18n, type Message, type MessageKey } from '../../i18n/i18n';
import { kioskFace } from '../kiosk/mode';
import { bankIdOnThisDevice } from '../login/bankIdDevice';

/** Signing the application with BankID: animated QR from the server, or BankID on this device. */
export function SigningView({
  order,
  message,
  onCancel,
  title = 'sign.title',
  loadQr = api.signQr,
  inline = false,
}: {
  order: SignOrder | undefined;
  message: Message | undefined;
  onCancel(): void;
  /** The page's heading: the application's signature by default (a neighbour's consent names its own). */
  title?: MessageKey;
  /** This second's QR of the order; the application's signing order by default. */
  loadQr?: (orderRef: string) => Promise<{ svg: string }>;
  /** Within a page that has its heading (a saved answer's signature): a section under a third-level heading. */
  inline?: boolean;
}) {
  const [svg, setSvg] = useState<string | null>(null);
  const { t, msg } = useI18n();
  const orderRef = order?.orderRef;
  useEffect(() => {
    if (!orderRef) return;
    let live = true;
    const draw = () =>
      loadQr(orderRef).then(
        (r) => live && setSvg(r.svg),
        () => {},
      );
    void draw();
    const timer = window.setInterval(() => void draw(), 1000);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [orderRef, loadQr]);

  // A kiosk has no BankID of its own: the visitor signs with the phone, by the QR code. On a phone, BankID is
  // in the visitor's hand: opening it here comes first, the QR code (for BankID on another device) after.
  const kiosk = kioskFace(window.location.pathname, undefined);
  // Decided once: a tap may change what the browser reports about hovering, and the layout must not jump.
  const [phoneFirst] = useState(() => !kiosk && bankIdOnThisDevice());
  const qr = (
    <div className="qr">
      {svg ? (
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
          alt={t('sign.qrAlt')}
          width={240}
          height={240}
        />
      ) : (
        <p>{t('login.qrLoading')}</p>
      )}
    </div>
  );
  const openHere = (className: string) =>
    order && (
      <a
        className={className}
        href={`bankid:///?autostarttoken=${encodeURIComponent(order.autoStartToken)}&redirect=null`}
      >
        {t('sign.openHere')}
      </a>
    );
  return (
    <div className={inline ? 'signing signing--inline' : 'page page--narrow'}>
      {inline ? <h3>{t(title)}</h3> : <PageTitle>{t(title)}</PageTitle>}
      {!order ? (
        <p aria-live="polite">{t('sign.checking')}</p>
      ) : (
        <>
          <p>{t(kiosk ? 'sign.introKiosk' : phoneFirst ? 'sign.introPhone' : 'sign.intro')}</p>
          {phoneFirst ? (
            <>
              <p>{openHere('button button--primary button--large')}</p>
              <details className="qr-elsewhere">
                <summary>{t('sign.qrElsewhere')}</summary>
                {qr}
              </details>
            </>
          ) : (
            <>
              {qr}
              {!kiosk && <p>{openHere('button')}</p>}
            </>
          )}
          <div aria-live="polite" className="status status--info">
            {message && msg(message)}
          </div>
          <p className="hint">
            {t('sign.demo')}{' '}
            <a href="/bankid-sim/app" target="_blank" rel="noreferrer">
              {t('login.demoLink')} {t('common.newTab')}
            </a>
            .
          </p>
        </>
      )}
      <button type="button" className="button" onClick={onCancel} disabled={!order}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
