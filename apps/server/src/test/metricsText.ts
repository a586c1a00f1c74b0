/** The value of one sample line of a Prometheus scrape (`name{labels} value`), or null when it is not there. */
export const sample = (text: string, series: string): number | null => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : null;
};
