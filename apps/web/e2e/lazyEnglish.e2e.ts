import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, repoRoot, shoot, useServerAndBrowser } from './support';

// Issue 10: the start page loads compressed and without the English texts; English comes when it is wanted,
// also after the network has gone, and a browser that chose English sees no Swedish first.

const shots = path.join(repoRoot, '.tmp/screenshots');

describe.skipIf(!hasBrowser)('the start page: compressed, Swedish first, English on demand', () => {
  const env = useServerAndBrowser();

  for (const [width, height] of [
    [390, 844],
    [1280, 900],
  ] as const) {
    it(`switches to English without network once the page has settled, and remembers it (${width} px)`, async () => {
      const context = await env.newContext({ viewport: { width, height } });
      // Every main heading the page ever shows, from the first paint on.
      await context.addInitScript(() => {
        const seen: string[] = ((window as unknown as { headings: string[] }).headings = []);
        new MutationObserver(() => {
          const h1 = document.querySelector('h1')?.textContent;
          if (h1 && seen.at(-1) !== h1) seen.push(h1);
        }).observe(document, { childList: true, subtree: true, characterData: true });
      });
      const page = await context.newPage();
      const scripts = new Map<string, string | undefined>();
      page.on('response', (res) => {
        const url = new URL(res.url());
        if (url.pathname.endsWith('.js')) scripts.set(url.pathname, res.headers()['content-encoding']);
      });
      const english = page.waitForResponse((res) => /\/assets\/en-[\w-]+\.js$/.test(res.url()));

      await page.goto(`${env.server.baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: 'Ansök om bygglov' }).waitFor();
      const entry = await page.evaluate(
        () => new URL(document.querySelector<HTMLScriptElement>('script[type="module"]')!.src).pathname,
      );
      expect(scripts.get(entry), 'the entry script is sent brotli-compressed').toBe('br');
      await shoot(page, shots, 'start-swedish');

      // Fetched in the background once the page is idle, so the switch needs no network.
      expect((await english).status()).toBe(200);
      await context.setOffline(true);
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Apply for a building permit' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await expectAccessible(page, `start page in English (${width} px)`);
      await shoot(page, shots, 'start-english');
      await context.setOffline(false);

      // Next visit in this browser: English from the first heading on, no Swedish flash.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Apply for a building permit' }).waitFor();
      expect(await page.evaluate(() => (window as unknown as { headings: string[] }).headings)).toEqual([
        'Apply for a building permit',
      ]);

      // And back: Swedish at once, and remembered.
      await page.getByRole('button', { name: 'På svenska' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ansök om bygglov' }).waitFor();
      expect(await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('lovisa.lang')])).toEqual([
        'sv',
        null,
      ]);
    });
  }
});
