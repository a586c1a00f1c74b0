import type { MinorMeasureType } from '@lovisa/domain';

// Simple line pictures, drawn inline so the page needs no network and the pictures follow the text colour.
// Decorative: the label beside each says what it is (aria-hidden).
const paths: Record<MinorMeasureType, string> = {
  patio: 'M4 30h40M8 30v8M40 30v8M6 26h36M10 18h28v8H10z',
  fence: 'M6 14v26M14 12v28M22 14v26M30 12v28M38 14v26M4 22h38M4 34h38',
  wall: 'M4 40h40V18H4zM4 26h40M4 33h40M14 18v8M30 18v8M22 26v7M38 26v7M10 33v7M26 33v7',
  fireplace: 'M14 40V22h20v18M18 40v-8a6 6 0 0 1 12 0v8M20 22V8h8v14M22 34c0-3 4-3 2-7 3 2 3 5 2 7',
  loadBearing: 'M6 40h36M10 40V16M38 40V16M6 16h36M24 16v24M20 28h8',
  ventilation: 'M8 24h32M8 24a16 16 0 0 1 32 0M14 32h20M20 32v8M28 32v8M24 8v6',
  facade: 'M6 40V20L24 6l18 14v20zM14 40V30h8v10M28 26h8v6h-8z',
  solarPanels: 'M4 34 24 14l20 20M10 28l8-8 10 10-8 8zM26 24l6-6 8 8-6 6z',
  demolition: 'M6 40h20V24H6zM12 24v-6h8v6M30 14l12 12M42 14 30 26M34 40l4-10 4 10',
  groundLevelling: 'M4 32c8-8 14-8 20 0s12 8 20 0M4 40h40M30 14v12M26 22l4 4 4-4',
  outlineDecision: 'M24 6a10 10 0 0 1 10 10c0 8-10 18-10 18S14 24 14 16A10 10 0 0 1 24 6zM24 13v5M4 42h40',
  sign: 'M10 10h28v14H10zM24 24v18M16 42h16M16 15h16M16 19h10',
};

export function MeasureIcon({ measure }: { measure: MinorMeasureType }) {
  return (
    <svg className="measure-icon" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">
      <path
        d={paths[measure]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
