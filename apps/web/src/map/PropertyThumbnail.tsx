import { bbox, type MultiPolygon, type Polygon } from '@lovisa/geo';

/**
 * A small outline of a property, drawn from its EPSG:3006 boundary (north up), with the planned buildings when
 * given; decorative (the text beside it says the same), so hidden from assistive technology.
 */
export function PropertyThumbnail({
  boundary,
  size = 64,
  buildings = [],
}: {
  boundary: MultiPolygon;
  size?: number;
  buildings?: Polygon[];
}) {
  const [minE, minN, maxE, maxN] = bbox(boundary);
  const span = Math.max(maxE - minE, maxN - minN) || 1;
  const pad = 4;
  const scale = (size - 2 * pad) / span;
  const offE = pad + (size - 2 * pad - (maxE - minE) * scale) / 2;
  const offN = pad + (size - 2 * pad - (maxN - minN) * scale) / 2;
  const path = (rings: [number, number][][]) =>
    rings
      .map(
        (ring) =>
          `M${ring.map(([e, n]) => `${(offE + (e - minE) * scale).toFixed(1)},${(size - offN - (n - minN) * scale).toFixed(1)}`).join('L')}Z`,
      )
      .join('');
  return (
    <svg
      className="thumbnail"
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      aria-hidden="true"
      focusable="false"
    >
      <path d={path(boundary.coordinates.flat())} fill="#dbe8f7" stroke="#1d4f91" strokeWidth="2" />
      {buildings.map((b, i) => (
        <path key={i} d={path(b.coordinates)} fill="#e46962" stroke="#b3261e" strokeWidth="1.5" />
      ))}
    </svg>
  );
}
