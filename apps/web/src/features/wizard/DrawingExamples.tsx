import type { ReactElement } from 'react';

/**
 * Small example drawings, inline SVG (no request, crisp at any size): what a layperson's drawing of each kind looks
 * like. Labels are drawing conventions (A–A, N, 1:100), the same in both languages; the description is the caller's.
 */
const ink = { stroke: '#1b1f24', fill: 'none', strokeWidth: 2 } as const;
const thin = { stroke: '#1b1f24', fill: 'none', strokeWidth: 1 } as const;
const dim = { stroke: '#1d4f91', strokeWidth: 1 } as const;
const label = { fontSize: 11, fill: '#1b1f24', fontFamily: 'sans-serif' } as const;
const blue = { fontSize: 10, fill: '#1d4f91', fontFamily: 'sans-serif' } as const;

const northArrow = (x: number, y: number) => (
  <g>
    <path d={`M${x} ${y + 20} L${x} ${y} L${x - 5} ${y + 9} M${x} ${y} L${x + 5} ${y + 9}`} {...thin} />
    <text x={x - 4} y={y + 32} {...label}>
      N
    </text>
  </g>
);

const sitePlan = (
  <>
    <rect x="20" y="20" width="260" height="150" {...thin} strokeDasharray="6 3" />
    <rect x="50" y="60" width="90" height="60" fill="#d9dee4" stroke="#1b1f24" />
    <text x="62" y="95" {...label}>
      Bostadshus
    </text>
    <rect x="190" y="70" width="50" height="40" fill="#f4c9a8" stroke="#1b1f24" strokeWidth="2" />
    <text x="196" y="94" {...label}>
      Ny
    </text>
    <line x1="240" y1="90" x2="280" y2="90" {...dim} strokeDasharray="3 2" />
    <text x="250" y="86" {...blue}>
      4,0
    </text>
    <line x1="215" y1="70" x2="215" y2="20" {...dim} strokeDasharray="3 2" />
    <text x="218" y="48" {...blue}>
      5,0
    </text>
    <line x1="215" y1="110" x2="215" y2="170" {...dim} strokeDasharray="3 2" />
    <text x="218" y="145" {...blue}>
      6,0
    </text>
    <line x1="140" y1="90" x2="190" y2="90" {...dim} strokeDasharray="3 2" />
    <text x="152" y="86" {...blue}>
      5,5
    </text>
    <rect x="20" y="178" width="260" height="16" fill="#eceff2" />
    <text x="110" y="190" {...label}>
      Ekvägen
    </text>
    {northArrow(300, 30)}
    <text x="290" y="190" {...label}>
      1:400
    </text>
  </>
);

const floorPlan = (
  <>
    <rect x="40" y="30" width="220" height="130" {...ink} strokeWidth={4} />
    <line x1="150" y1="30" x2="150" y2="160" {...ink} />
    <line x1="150" y1="100" x2="260" y2="100" {...ink} />
    <text x="70" y="100" {...label}>
      Vardagsrum
    </text>
    <text x="180" y="70" {...label}>
      Sovrum
    </text>
    <text x="185" y="135" {...label}>
      Kök
    </text>
    <path d="M150 120 A 20 20 0 0 1 130 140" {...thin} />
    <line x1="70" y1="28" x2="110" y2="28" stroke="#fff" strokeWidth="4" />
    <line x1="70" y1="28" x2="110" y2="28" {...thin} />
    <line x1="40" y1="180" x2="260" y2="180" {...dim} />
    <text x="135" y="194" {...blue}>
      10,0 m
    </text>
    <line x1="20" y1="30" x2="20" y2="160" {...dim} />
    <text x="2" y="100" {...blue}>
      6,0
    </text>
    <line x1="100" y1="15" x2="100" y2="175" stroke="#b3261e" strokeDasharray="8 4" />
    <text x="104" y="14" fontSize="11" fill="#b3261e">
      A
    </text>
    {northArrow(300, 30)}
    <text x="290" y="190" {...label}>
      1:100
    </text>
  </>
);

const facade = (
  <>
    <line x1="10" y1="170" x2="310" y2="170" stroke="#4a5561" strokeWidth="2" />
    <rect x="60" y="100" width="200" height="70" {...ink} />
    <path d="M50 100 L160 40 L270 100" {...ink} />
    <rect x="90" y="120" width="30" height="25" {...thin} />
    <rect x="200" y="120" width="30" height="25" {...thin} />
    <rect x="147" y="125" width="26" height="45" {...thin} />
    <line x1="290" y1="170" x2="290" y2="40" {...dim} />
    <line x1="160" y1="40" x2="295" y2="40" {...dim} strokeDasharray="2 2" />
    <text x="258" y="108" {...blue}>
      5,8 m
    </text>
    <text x="130" y="190" {...label}>
      Fasad mot söder
    </text>
    <text x="12" y="190" {...label}>
      1:100
    </text>
  </>
);

const section = (
  <>
    <line x1="10" y1="160" x2="310" y2="160" stroke="#4a5561" strokeWidth="2" />
    <rect x="60" y="160" width="200" height="14" fill="#d9dee4" stroke="#1b1f24" />
    <line x1="60" y1="160" x2="60" y2="90" {...ink} strokeWidth={4} />
    <line x1="260" y1="160" x2="260" y2="90" {...ink} strokeWidth={4} />
    <line x1="60" y1="90" x2="260" y2="90" {...ink} />
    <path d="M45 98 L160 35 L275 98" {...ink} />
    <line x1="110" y1="160" x2="110" y2="90" {...dim} />
    <text x="114" y="130" {...blue}>
      2,5 m
    </text>
    <line x1="290" y1="160" x2="290" y2="35" {...dim} />
    <text x="262" y="60" {...blue}>
      5,8
    </text>
    <text x="180" y="72" {...blue}>
      27°
    </text>
    <text x="120" y="192" {...label}>
      Sektion A–A
    </text>
    <text x="12" y="192" {...label}>
      1:100
    </text>
  </>
);

const drawings: Record<'SITU' | 'PLA' | 'FAS' | 'SEK', ReactElement> = {
  SITU: sitePlan,
  PLA: floorPlan,
  FAS: facade,
  SEK: section,
};

export const hasExample = (type: string): type is keyof typeof drawings => type in drawings;

/** The example of one kind, as one image with a text equivalent (`description`). */
export function DrawingExample({ type, description }: { type: keyof typeof drawings; description: string }) {
  const titleId = `example-${type}-title`;
  return (
    <svg className="drawing-example" viewBox="0 0 330 200" role="img" aria-labelledby={titleId}>
      <title id={titleId}>{description}</title>
      <rect x="0" y="0" width="330" height="200" fill="#fff" />
      {drawings[type]}
    </svg>
  );
}
