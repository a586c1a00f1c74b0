// The map step's long tasks, observed in Chromium at a 4× slower CPU: `node --import tsx bench/mapStepTasks.ts
// <web dist> [<another web dist> …]`. Not a benchmark with a budget (pagespeed.bench.ts is): a steadier A/B of
// builds than Lighthouse's TBT, which is simulated from one fast load and swung 340–840 ms for the same build on
// this two-core machine. The builds load in turn (RUNS=n rounds, default 5); each prints the median of its
// blocking time after the first contentful paint (the tasks' time beyond 50 ms, as TBT counts it). VERBOSE=1 lists
// each run's long tasks, FRAMES=1 each long animation frame with the scripts that held it (docs/performance.md,
// session 11).
import { chromium } from 'playwright-core';
import { chromePath, mapStepServer } from './pagespeed.bench';
import { median } from './server';

interface Observed {
  fcp: number;
  lcp: number;
  tasks: [start: number, duration: number][];
  frames: string[];
}

/**
 * Runs in the page before its own scripts: what the browser reports of paints, long tasks and long frames. Plain
 * JavaScript in a string: a function passed from here would carry tsx's helpers, which the page does not have.
 */
const observe = `
  const seen = { fcp: 0, lcp: 0, tasks: [], frames: [] };
  window.__observed = seen;
  const on = (type, each) =>
    new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, buffered: true });
  on('paint', (e) => { if (e.name === 'first-contentful-paint') seen.fcp = e.startTime; });
  on('largest-contentful-paint', (e) => { seen.lcp = e.startTime; });
  on('longtask', (e) => seen.tasks.push([e.startTime, e.duration]));
  on('long-animation-frame', (e) => {
    const render = Math.round(e.startTime + e.duration - (e.styleAndLayoutStart || e.renderStart || e.startTime));
    const scripts = e.scripts
      .filter((s) => s.duration >= 8)
      .map((s) => s.invoker + ' ' + s.sourceFunctionName + '@' + s.sourceURL.split('/').pop() + ' ' + Math.round(s.duration));
    seen.frames.push('@' + Math.round(e.startTime) + ' ' + Math.round(e.duration) + ' ms (layout, paint ' + render + ') ' + scripts.join(' | '));
  });
`;

const out = (line: string) => process.stdout.write(`${line}\n`);
const dists = process.argv.slice(2);
if (!dists.length) throw new Error('usage: bench/mapStepTasks.ts <web dist> [<web dist> …]');
const rounds = Number(process.env.RUNS ?? 5);
const servers = await Promise.all(dists.map((d) => mapStepServer(d)));
const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox'] });
const blocking = new Map<string, { tbt: number[]; fcp: number[]; lcp: number[] }>();
try {
  for (let round = 0; round < rounds; round++) {
    for (const [i, dist] of dists.entries()) {
      const { server, cookie } = servers[i]!;
      // Lighthouse's mobile viewport.
      const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
      const [name, value] = cookie.split(';')[0]!.split('=');
      await context.addCookies([{ name: name!, value: value!, url: server.baseUrl }]);
      const page = await context.newPage();
      await page.addInitScript({ content: observe });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${server.baseUrl}/ansokan/karta`);
      await page.waitForTimeout(8_000);
      const seen = await page.evaluate(() => (window as unknown as { __observed: Observed }).__observed);
      await context.close();
      const after = seen.tasks.filter(([start]) => start >= seen.fcp);
      const tbt = Math.round(after.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0));
      const row = blocking.get(dist) ?? { tbt: [], fcp: [], lcp: [] };
      row.tbt.push(tbt);
      row.fcp.push(Math.round(seen.fcp));
      row.lcp.push(Math.round(seen.lcp));
      blocking.set(dist, row);
      if (process.env.VERBOSE) out(`${dist}: TBT ${tbt}; tasks ${after.map(([, d]) => Math.round(d)).join(' ')}`);
      if (process.env.FRAMES) out(`${dist}:\n  ${seen.frames.join('\n  ')}`);
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.stop()));
}
for (const [dist, row] of blocking) {
  out(
    `${dist}: blocking after FCP, median ${median(row.tbt)} ms (${row.tbt.join(', ')}); ` +
      `FCP ${median(row.fcp)} ms, LCP ${median(row.lcp)} ms`,
  );
}
