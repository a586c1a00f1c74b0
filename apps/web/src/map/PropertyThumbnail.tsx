import { bbox, type MultiPolygon } from '@lovisa/geo';

/** A small outline of a property, drawn from its EPSG:3006 boundary (north up); decorative, so hidden from AT. */
export function PropertyThumbnail({ boundary, size = 64 }: { boundary: MultiPolygon; size?: number }) {
  const [minE, minN, maxE, maxN] = bbox(boundary);
  const span = Math.max(maxE - minE, maxN - minN) || 1;
  const pad = 4;
  const scale = (size - 2 * pad) / span;
  const offE = pad + ((size - 2 * pad) - (maxE - minE) * scale) / 2;
  const offN = pad + ((size - 2 * pad) - (maxN - minN) * scale) / 2;
  const d = boundary.coordinates
    .flatMap((rings) => rings)
    .map((ring) => `M${ring.map(([e, n]) => `${(offE + (e - minE) * scale).toFixed(1)},${(size - offN - (n - minN) * scale).toFixed(1)}`).join('L')}Z`)
    .join('');
  return (
    <svg className="thumbnail" width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false">
      <path d={d} fill="#dbe8f7" stroke="#1d4f91" strokeWidth="2" />
    </svg>
  );
}
