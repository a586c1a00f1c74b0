export interface Bar {
  label: string;
  value: number;
  /** The value as the page writes it (unit, decimals): shown beside the bar, so no figure rests on length alone. */
  text: string;
}

/**
 * A horizontal bar chart in plain HTML: bars scale with the widest value and carry their figure in text. It is
 * hidden from assistive technology because the table that follows it on the page holds the same figures.
 */
export function BarChart({ bars }: { bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <div className="bar-chart" aria-hidden="true">
      {bars.map((b, i) => (
        <div className="bar-chart__row" key={i}>
          <span className="bar-chart__label">{b.label}</span>
          <span className="bar-chart__track">
            <span className="bar-chart__bar" style={{ width: `${(b.value / max) * 100}%` }} />
            <span className="bar-chart__value">{b.text}</span>
          </span>
        </div>
      ))}
    </div>
  );
}
