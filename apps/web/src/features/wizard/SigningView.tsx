import { useEffect, useState } from 'react';
import type { SignOrder } from '@lovisa/wizard';
import { api } from '../../api/client';
import { PageTitle } from '../../components/Layout';

/** Signing the application with BankID: animated QR from the server, or BankID on this device. */
export function SigningView({ order, message, onCancel }: { order: SignOrder | undefined; message: string | undefined; onCancel(): void }) {
  const [svg, setSvg] = useState<string | null>(null);
  const orderRef = order?.orderRef;
  useEffect(() => {
    if (!orderRef) return;
    let live = true;
    const draw = () =>
      api.signQr(orderRef).then(
        (r) => live && setSvg(r.svg),
        () => {},
      );
    void draw();
    const timer = window.setInterval(draw, 1000);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [orderRef]);

  return (
    <div className="page page--narrow">
      <PageTitle>Skriv under ansökan med BankID</PageTitle>
      {!order ? (
        <p aria-live="polite">Kontrollerar ansökan …</p>
      ) : (
        <>
          <p>Skanna QR-koden med BankID-appen i din mobil, eller öppna BankID på den här enheten. I appen ser du vad du skriver under.</p>
          <div className="qr">
            {svg ? (
              <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt="QR-kod för underskrift med BankID" width={240} height={240} />
            ) : (
              <p>Hämtar QR-kod …</p>
            )}
          </div>
          <p>
            <a className="button" href={`bankid:///?autostarttoken=${encodeURIComponent(order.autoStartToken)}&redirect=null`}>
              Öppna BankID på den här enheten
            </a>
          </p>
          <div aria-live="polite" className="status status--info">
            {message}
          </div>
          <p className="hint">
            Demo: skriv under i{' '}
            <a href="/bankid-sim/app" target="_blank" rel="noreferrer">
              test-BankID-appen (öppnas i ny flik)
            </a>
            .
          </p>
        </>
      )}
      <button type="button" className="button" onClick={onCancel} disabled={!order}>
        Avbryt
      </button>
    </div>
  );
}
