export interface BarValue {
  value: number;
  /** The figure as the page writes it, with its series' name: "Median 30 dagar". */
  text: string;
}
export interface BarGroup {
  label: string;
  /** One value per series, in the order of `series`. */
  values: BarValue[];
}

/**
 * A horizontal bar chart in plain HTML: bars scale with the largest value, and every bar carries its figure and
 * series in text, so nothing rests on length or colour alone (the second series is drawn as an outline, not
 * another colour). It is hidden from assistive technology: the table that follows it holds the same figures.
 */
export function BarChart({ groups }: { groups: BarGroup[] }) {
  const max = Math.max(1, ...groups.flatMap((g) => g.values.map((v) => v.value)));
  return (
    <div className="bar-chart" aria-hidden="true">
      {groups.map((g, i) => (
        <div className="bar-chart__row" key={i}>
          <span className="bar-chart__label">{g.label}</span>
          <span className="bar-chart__bars">
            {g.values.map((v, j) => (
              <span className="bar-chart__track" key={j}>
                <span
                  className={`bar-chart__bar bar-chart__bar--${j === 0 ? 'solid' : 'outline'}`}
                  style={{ width: `${(v.value / max) * 100}%` }}
                />
                <span className="bar-chart__value">{v.text}</span>
              </span>
            ))}
          </span>
        </div>
      ))}
    </div>
  );
}
