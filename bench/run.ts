// `npm run bench`: every benchmark, one table, and bench/results.json to compare runs. Not part of `npm test`.
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { formatTable, runGeometryBench } from './geometry.bench';
import { runRulesBench } from './rules.bench';

const results = [...(await runGeometryBench()), ...(await runRulesBench())];
process.stdout.write(`${formatTable(results)}\n\nMachine: ${os.cpus().length} cores, Node ${process.version}. Times are medians of several rounds on this machine.\n`);
await writeFile(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, node: process.version, results }, null, 2)}\n`,
);
if (results.some((r) => !r.pass)) process.exitCode = 1;
