// `npm run bench`: every benchmark, one table, and bench/results.json to compare runs. Not part of `npm test`.
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { formatTable, runGeometryBench } from './geometry.bench';
import { runRulesBench } from './rules.bench';
import { runBundleBench } from './bundle.bench';
import { execFileSync } from 'node:child_process';

// The bundle is measured as built now, so build first (a few seconds).
execFileSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
const results = [...(await runBundleBench()), ...(await runGeometryBench()), ...(await runRulesBench())];
process.stdout.write(`${formatTable(results)}\n\nMachine: ${os.cpus().length} cores, Node ${process.version}. Times are medians of several rounds on this machine.\n`);
await writeFile(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, node: process.version, results }, null, 2)}\n`,
);
if (results.some((r) => !r.pass)) process.exitCode = 1;
