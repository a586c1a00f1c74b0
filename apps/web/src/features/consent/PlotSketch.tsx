type Ring = [number, number][];

/** The plots and the building as a small read-only map (SVG, north up, SWEREF 99 TM metres). */
export function PlotSketch(props: {
  site: Ring[][];
  neighbour: Ring[][];
  buildings: Ring[];
  label: string;
  legend: { site: string; neighbour: string; building: string };
}) {
  // Framed on the buildings and the neighbour's plot: a property's far-off parts would shrink what matters.
  const framed = [...props.neighbour.flat(), ...props.buildings];
  const es = framed.flat().map((p) => p[0]);
  const ns = framed.flat().map((p) => p[1]);
  const pad = 8;
  const minE = Math.min(...es) - pad;
  const maxN = Math.max(...ns) + pad;
  const width = Math.max(...es) + pad - minE;
  const height = maxN - (Math.min(...ns) - pad);
  const path = (ring: Ring) =>
    ring.map(([e, n], i) => `${i === 0 ? 'M' : 'L'}${(e - minE).toFixed(2)} ${(maxN - n).toFixed(2)}`).join(' ') + 'Z';
  const stroke = Math.max(width, height) / 250;
  return (
    <figure className="plot-sketch">
      <svg
        viewBox={`0 0 ${width.toFixed(2)} ${height.toFixed(2)}`}
        preserveAspectRatio="xMidYMid meet"
        role="img"
        aria-label={props.label}
      >
        {props.neighbour.flat().map((r, i) => (
          <path key={`n${i}`} d={path(r)} className="plot-sketch__neighbour" strokeWidth={stroke * 2} />
        ))}
        {props.site.flat().map((r, i) => (
          <path key={`s${i}`} d={path(r)} className="plot-sketch__site" strokeWidth={stroke} />
        ))}
        {props.buildings.map((r, i) => (
          <path key={`b${i}`} d={path(r)} className="plot-sketch__building" strokeWidth={stroke} />
        ))}
      </svg>
      <figcaption className="plot-sketch__legend">
        <span>
          <span className="plot-sketch__swatch plot-sketch__swatch--neighbour" aria-hidden="true" />{' '}
          {props.legend.neighbour}
        </span>
        <span>
          <span className="plot-sketch__swatch plot-sketch__swatch--site" aria-hidden="true" /> {props.legend.site}
        </span>
        <span>
          <span className="plot-sketch__swatch plot-sketch__swatch--building" aria-hidden="true" />{' '}
          {props.legend.building}
        </span>
      </figcaption>
    </figure>
  );
}
