/**
 * `npm run import -- --properties <file.geojson|file.gpkg> [--properties-layer <layer>] --plans <file.json> [--plans <file.json> …] --staff <staff.csv> --teams <teams.csv>
 * [--buildings <buildings.geojson>] [--municipality <municipality.json>] [--base <dir>] --out <fixtures dir> [--lang en] [--json]`
 *
 * Converts a municipality's own data into the fixtures directory the server reads (FIXTURES_DIR). Every row and
 * feature is validated; on any error nothing is written, each error is printed with its file and row, and the exit
 * code is 1 (2 for a wrong command line). --json prints the result as JSON (file, row, field, message) instead.
 * See docs/your-town.md.
 */
import { parseArgs } from 'node:util';
import { formatIssue, runImport } from '@lovisa/registry';

const usage =
  'usage: npm run import -- --properties <file.geojson|file.gpkg> [--properties-layer <layer>] --plans <file.json> [--plans …] --staff <staff.csv> --teams <teams.csv> ' +
  '[--buildings <buildings.geojson>] [--municipality <municipality.json>] [--base <dir>] --out <fixtures dir> [--lang en] [--json]\n';

let values;
try {
  ({ values } = parseArgs({
    options: {
      properties: { type: 'string' },
      'properties-layer': { type: 'string' },
      buildings: { type: 'string' },
      plans: { type: 'string', multiple: true },
      staff: { type: 'string' },
      teams: { type: 'string' },
      municipality: { type: 'string' },
      base: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string', default: 'sv' },
      json: { type: 'boolean', default: false },
    },
  }));
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
const { properties, plans, staff, teams, out } = values;
if (!properties || !plans?.length || !staff || !teams || !out) {
  process.stderr.write(usage);
  process.exit(2);
}
const lang = values.lang === 'en' ? 'en' : 'sv';
const result = await runImport({
  properties,
  plans,
  staff,
  teams,
  out,
  ...(values.municipality ? { municipality: values.municipality } : {}),
  ...(values.base ? { base: values.base } : {}),
  ...(values['properties-layer'] ? { propertiesLayer: values['properties-layer'] } : {}),
  ...(values.buildings ? { buildings: values.buildings } : {}),
});
if (values.json) {
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
} else {
  for (const w of result.warnings)
    process.stderr.write(`${lang === 'sv' ? 'varning' : 'warning'}: ${formatIssue(w, lang)}\n`);
  for (const i of result.issues) process.stderr.write(`${lang === 'sv' ? 'fel' : 'error'}: ${formatIssue(i, lang)}\n`);
  const c = result.counts;
  process.stdout.write(
    result.ok
      ? lang === 'sv'
        ? `Klart: ${c.properties} fastigheter, ${c.plans} detaljplaner, ${c.officers} handläggare, ${c.teams} enheter skrivna till ${out}.\n`
        : `Done: ${c.properties} properties, ${c.plans} plans, ${c.officers} officers, ${c.teams} teams written to ${out}.\n`
      : lang === 'sv'
        ? `Inget skrevs: ${result.issues.length} fel.\n`
        : `Nothing was written: ${result.issues.length} errors.\n`,
  );
}
process.exit(result.ok ? 0 : 1);
