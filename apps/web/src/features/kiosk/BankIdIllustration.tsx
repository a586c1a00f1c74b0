import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';

/** A QR symbol's three corner squares, drawn at (x, y) with side `s`. */
function QrMark({ x, y, s }: { x: number; y: number; s: number }) {
  const c = s * 0.36;
  const corner = (cx: number, cy: number) => (
    <g key={`${cx}-${cy}`}>
      <rect x={cx} y={cy} width={c} height={c} fill="none" stroke="currentColor" strokeWidth={s * 0.07} />
      <rect x={cx + c * 0.3} y={cy + c * 0.3} width={c * 0.4} height={c * 0.4} fill="currentColor" />
    </g>
  );
  return (
    <g>
      {corner(x, y)}
      {corner(x + s - c, y)}
      {corner(x, y + s - c)}
      <rect x={x + s * 0.62} y={y + s * 0.62} width={s * 0.14} height={s * 0.14} fill="currentColor" />
      <rect x={x + s * 0.84} y={y + s * 0.74} width={s * 0.12} height={s * 0.12} fill="currentColor" />
      <rect x={x + s * 0.7} y={y + s * 0.86} width={s * 0.12} height={s * 0.12} fill="currentColor" />
    </g>
  );
}

function Phone({ x, y, children }: { x: number; y: number; children?: ReactNode }) {
  return (
    <g transform={`translate(${x} ${y})`}>
      <rect x={0} y={0} width={52} height={96} rx={9} className="kiosk-art__device" strokeWidth={4} />
      <rect x={19} y={6} width={14} height={3} rx={1.5} className="kiosk-art__ink" />
      {children}
    </g>
  );
}

/**
 * How BankID on another device works, in three pictures with a short line each: open the app, tap the QR
 * symbol, point the camera at the code on this screen. Inline SVG in the page's own colours (high contrast
 * included); the pictures are decoration, the numbered text says it all.
 */
export function BankIdIllustration() {
  const { t } = useI18n();
  return (
    <section className="kiosk-art" aria-labelledby="kiosk-how">
      <h2 id="kiosk-how">{t('kiosk.login.how')}</h2>
      <ol className="kiosk-art__steps">
        <li>
          <svg viewBox="0 0 120 110" width="120" height="110" aria-hidden="true" focusable="false">
            <Phone x={34} y={7}>
              <rect x={13} y={30} width={26} height={26} rx={6} className="kiosk-art__brand" />
              <path
                d="M20 43 l5 5 l9 -10"
                fill="none"
                className="kiosk-art__on-brand"
                strokeWidth={3.5}
                strokeLinecap="round"
                strokeLinejoin="round"
              />
              <circle
                cx={26}
                cy={43}
                r={19}
                fill="none"
                className="kiosk-art__accent"
                strokeWidth={2.5}
                strokeDasharray="4 4"
              />
            </Phone>
          </svg>
          <span>{t('kiosk.login.step1')}</span>
        </li>
        <li>
          <svg viewBox="0 0 120 110" width="120" height="110" aria-hidden="true" focusable="false">
            <Phone x={34} y={7}>
              <g className="kiosk-art__brand-text">
                <QrMark x={12} y={26} s={28} />
              </g>
            </Phone>
            <circle cx={80} cy={70} r={11} className="kiosk-art__finger" strokeWidth={3} />
            <path d="M80 81 v20" className="kiosk-art__finger" strokeWidth={12} strokeLinecap="round" />
          </svg>
          <span>{t('kiosk.login.step2')}</span>
        </li>
        <li>
          <svg viewBox="0 0 120 110" width="120" height="110" aria-hidden="true" focusable="false">
            <rect x={4} y={10} width={54} height={62} rx={4} className="kiosk-art__device" strokeWidth={4} />
            <g className="kiosk-art__ink-text">
              <QrMark x={13} y={19} s={36} />
            </g>
            <path d="M31 72 v16 M18 90 h26" className="kiosk-art__line" strokeWidth={4} strokeLinecap="round" />
            <g transform="translate(76 26) rotate(-8) scale(0.7)">
              <Phone x={0} y={0} />
            </g>
            <path
              d="M78 36 L52 22 M80 62 L52 52"
              className="kiosk-art__accent"
              strokeWidth={2.5}
              strokeDasharray="4 4"
              fill="none"
            />
          </svg>
          <span>{t('kiosk.login.step3')}</span>
        </li>
      </ol>
    </section>
  );
}
