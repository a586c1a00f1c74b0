// What Lighthouse's simulated LCP and TBT of the map step wait for: `node --import tsx bench/lanternGraph.ts`.
// Not a benchmark with a budget (that is pagespeed.bench.ts): a look inside one. Lighthouse's mobile preset does
// not throttle the page it loads; it simulates slow 4G and a 4× slower CPU on the graph of requests and tasks it
// recorded ("Lantern"). This prints, for each run, the requests and tasks in the LCP's graph with their simulated
// times, and the tasks that count towards TBT (docs/performance.md, session 10).
// RUNS=n (default 1); WEB_DIST=<dir> to look at another build; PAGE=start for the start page.
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { LanternFirstContentfulPaint } from 'lighthouse/core/computed/metrics/lantern-first-contentful-paint.js';
import { LanternLargestContentfulPaint } from 'lighthouse/core/computed/metrics/lantern-largest-contentful-paint.js';
import { LanternTotalBlockingTime } from 'lighthouse/core/computed/metrics/lantern-total-blocking-time.js';
import { chromeFlags, chromePath, mapStepServer } from './pagespeed.bench';
import { repoRoot } from './server';

/** The parts of Lantern's graph nodes and simulation this reads (its own types are Lighthouse-internal). */
interface GraphNode {
  type: 'cpu' | 'network';
  startTime: number;
  endTime: number;
  request?: { url: string; transferSize: number };
  childEvents?: {
    name: string;
    dur?: number;
    args?: { data?: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number } };
  }[];
  getEvaluateScriptURLs?: () => Set<string>;
}
interface Estimate {
  timeInMs: number;
  nodeTimings: Map<GraphNode, { startTime: number; endTime: number }>;
}
interface LanternResult {
  optimisticEstimate: Estimate;
  pessimisticEstimate: Estimate;
}
type Request = (data: unknown, context: unknown) => Promise<LanternResult>;

const runs = Number(process.env.RUNS ?? 1);
const out = (line: string) => process.stdout.write(`${line}\n`);
const webDist = process.env.WEB_DIST ?? path.join(repoRoot, 'apps/web/dist');

function print(label: string, estimate: Estimate, origin: string, requests = true) {
  const rows = [...estimate.nodeTimings].sort((a, b) => a[1].startTime - b[1].startTime);
  out(`  ${label}: ${Math.round(estimate.timeInMs)} ms, ${rows.length} nodes`);
  for (const [node, t] of rows) {
    const ms = (n: number) => String(Math.round(n)).padStart(5);
    const observed = Math.round((node.endTime - node.startTime) / 1000);
    if (node.type === 'network' && node.request) {
      if (!requests) continue;
      const url = node.request.url.replace(origin, '');
      out(`    ${ms(t.startTime)}–${ms(t.endTime)} ${url} ${Math.round(node.request.transferSize / 1024)} KB`);
    } else if (t.endTime - t.startTime >= 50) {
      const scripts = [...(node.getEvaluateScriptURLs?.() ?? [])].map((u) => u.replace(origin, '')).join(' ');
      const kinds = new Map<string, number>();
      for (const e of node.childEvents ?? []) kinds.set(e.name, (kinds.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
      const top = [...kinds]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([k, v]) => `${k} ${Math.round(v)}`)
        .join(', ');
      out(`    ${ms(t.startTime)}–${ms(t.endTime)} task (${observed} ms observed) ${scripts} ${top}`);
      // Which functions the task called, where the trace says (file:line:column in the built code).
      const calls = (node.childEvents ?? [])
        .filter((e) => e.name === 'FunctionCall' && (e.dur ?? 0) >= 2000 && e.args?.data?.url)
        .map((e) => {
          const d = e.args!.data!;
          return `${d.url!.replace(origin, '')}:${d.lineNumber ?? '?'}:${d.columnNumber ?? '?'} ${d.functionName || '(anonymous)'} ${Math.round((e.dur ?? 0) / 1000)} ms`;
        });
      for (const call of calls) out(`        ${call}`);
    }
  }
}

/** The LCP element's selector and snippet, from the audit's first table (its shape is Lighthouse-internal). */
function lcpElement(details: unknown): string {
  const tables = (details as { items?: { items?: { node?: { selector?: string; snippet?: string } }[] }[] })?.items;
  const node = tables?.[0]?.items?.[0]?.node;
  return node ? `${node.selector ?? ''} ${node.snippet ?? ''}` : 'none';
}

const { server, cookie, stop } = await mapStepServer(webDist);
try {
  const start = process.env.PAGE === 'start';
  for (let i = 0; i < runs; i++) {
    const chrome = await chromeLauncher.launch({ chromePath, chromeFlags, logLevel: 'silent' });
    try {
      const result = await lighthouse(start ? `${server.baseUrl}/` : `${server.baseUrl}/ansokan/karta`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
        ...(start ? {} : { extraHeaders: { Cookie: cookie } }),
      });
      if (!result) throw new Error('lighthouse returned nothing');
      const { lhr } = result;
      const value = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
      out(
        `run ${i + 1}: ${Math.round((lhr.categories.performance?.score ?? 0) * 100)}; FCP ${value('first-contentful-paint')} ms, ` +
          `LCP ${value('largest-contentful-paint')} ms, TBT ${value('total-blocking-time')} ms, ` +
          `CLS ${(lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)}, SI ${value('speed-index')} ms`,
      );
      out(`  LCP element: ${lcpElement(lhr.audits['largest-contentful-paint-element']?.details)}`);
      const artifacts = result.artifacts as unknown as Record<string, unknown>;
      const settings = lhr.configSettings;
      const data = {
        trace: artifacts.Trace,
        devtoolsLog: artifacts.DevtoolsLog,
        gatherContext: artifacts.GatherContext,
        settings,
        URL: artifacts.URL,
        SourceMaps: artifacts.SourceMaps,
        simulator: null,
      };
      const context = { computedCache: new Map(), settings };
      const request = (metric: unknown) => (metric as { request: Request }).request(data, context);
      const fcp = await request(LanternFirstContentfulPaint);
      out(
        `  FCP simulated: ${Math.round(fcp.optimisticEstimate.timeInMs)} (optimistic), ` +
          `${Math.round(fcp.pessimisticEstimate.timeInMs)} ms (pessimistic)`,
      );
      const lcp = await request(LanternLargestContentfulPaint);
      print('LCP, pessimistic graph', lcp.pessimisticEstimate, server.baseUrl);
      const tbt = await request(LanternTotalBlockingTime);
      print('TBT, pessimistic graph (tasks of 50 ms or more)', tbt.pessimisticEstimate, server.baseUrl, false);
    } finally {
      chrome.kill();
    }
  }
} finally {
  await stop();
}
