// The town-hall kiosk's e2e files (issue 9) share these: the visitors, what a browser could keep of them, and
// the kiosk server with its QR login.
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { approveInTestApp, expectAccessible, repoRoot, shoot, useServerAndBrowser } from './support';

// Long enough that an accessibility scan and a screenshot on a loaded machine (no touches meanwhile) never
// meet the "Vill du fortsätta?" question by accident; the walks away still wait it out for real.
export const IDLE_SECONDS = 15;
export const COUNTDOWN_SECONDS = 8;
export const docShots = path.join(repoRoot, 'docs/screenshots');
/** The printed pages as PDF (their first page goes to docs/screenshots as PNG). */
export const pdfs = path.join(repoRoot, '.tmp/screenshots');

export interface Visitor {
  identity: string;
  name: string[];
  personnummer: string[];
  property: string;
}
export const ANNA: Visitor = {
  identity: 'Anna Lindqvist (19820202-9289)',
  name: ['Anna', 'Lindqvist'],
  personnummer: ['19820202', '820202-9289', '8202029289'],
  property: 'Eken 1:23',
};
export const LARS: Visitor = {
  identity: 'Lars Holmberg (19500228-1839)',
  name: ['Lars', 'Holmberg'],
  personnummer: ['19500228', '500228-1839', '5002281839'],
  property: 'Eken 1:21',
};
export const GUSTAV: Visitor = {
  identity: 'Gustav Berg (19350223-4796)',
  name: ['Gustav', 'Berg'],
  personnummer: ['19350223', '350223-4796', '3502234796'],
  property: 'Strandängen 4:1',
};

export const viewports = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
} as const;

/** Every visible control a finger presses, measured; a radio or checkbox counts with its label. */
export function smallTargets(page: Page) {
  return page.evaluate(() => {
    const small: string[] = [];
    for (const el of document.querySelectorAll(
      'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"]',
    )) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      let box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.right <= 0 || box.bottom <= 0) continue; // hidden, or the skip link
      if (el instanceof HTMLInputElement && ['radio', 'checkbox'].includes(el.type))
        box = (el.closest('label') ?? el).getBoundingClientRect();
      if (box.width < 48 || box.height < 48)
        small.push(
          `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
    }
    return small;
  });
}

/** How long the browser's history was when the kiosk was first shown (a test browser starts at about:blank). */
const historyAtStart = new WeakMap<Page, number>();

/** What a browser could still hold of a visitor: its stores, its cookies, the page, and the history. */
export async function tracesOf(page: Page, v: Visitor): Promise<string[]> {
  const found: string[] = [];
  // about:blank (what was there before the kiosk) has no storage of its own; the kiosk's origin is checked.
  if (page.url() !== 'about:blank') {
    const stores = await page.evaluate(async () => ({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      indexedDb: ((await indexedDB.databases()) ?? []).map((d) => d.name),
      caches: 'caches' in window ? await caches.keys() : [],
      history: history.length,
    }));
    if (stores.local.length) found.push(`localStorage: ${stores.local.join(', ')}`);
    if (stores.session.length) found.push(`sessionStorage: ${stores.session.join(', ')}`);
    if (stores.indexedDb.length) found.push(`IndexedDB: ${stores.indexedDb.join(', ')}`);
    if (stores.caches.length) found.push(`Cache Storage: ${stores.caches.join(', ')}`);
    // The visit added no history entry: every step replaced the one the kiosk started with.
    if (stores.history !== historyAtStart.get(page))
      found.push(`history has ${stores.history} entries, ${historyAtStart.get(page)} before the visit`);
  }
  const cookies = await page.context().cookies();
  for (const c of cookies) found.push(`cookie ${c.name}`);
  const text = `${await page.evaluate(() => `${document.title} ${document.body.innerHTML}`)} ${page.url()}`;
  for (const s of [...v.name, ...v.personnummer, v.property]) if (text.includes(s)) found.push(`page shows "${s}"`);
  return found;
}

/**
 * One kiosk server (KIOSK_ONLY, short idle settings) and one browser for a describe block, with the visitor's
 * touch-screen page and the QR login every kiosk test starts with.
 */
export function useKiosk() {
  const h = useServerAndBrowser({
    server: {
      env: {
        KIOSK_ONLY: 'true',
        KIOSK_IDLE_SECONDS: String(IDLE_SECONDS),
        KIOSK_COUNTDOWN_SECONDS: String(COUNTDOWN_SECONDS),
      },
    },
  });

  /** The kiosk's browser: a touch screen, in Swedish, as Chromium --kiosk shows it (no chrome to speak of). */
  async function kioskPage(viewport: { width: number; height: number }) {
    const context = await h.newContext({ viewport, hasTouch: true });
    const page = await context.newPage();
    // Every answer with personal data must forbid caching; the kiosk's browser cache keeps nothing.
    const cacheable: string[] = [];
    page.on('response', (res) => {
      const url = new URL(res.url());
      if (!/^\/api\/(me|drafts|properties|session|applications|attachments|auth\/logout)/.test(url.pathname)) return;
      if (!(res.headers()['cache-control'] ?? '').includes('no-store')) cacheable.push(url.pathname);
    });
    return { page, cacheable };
  }

  /** Attract screen → QR login (approved in the test BankID app) → "Vad vill du göra?" */
  async function logIn(page: Page, v: Visitor, screens?: string) {
    await page.goto(h.server.baseUrl); // any page of a kiosk-only server is the kiosk
    await page.waitForURL('**/kiosk');
    await page.getByRole('heading', { level: 1, name: 'Ansök om bygglov eller följ ditt ärende' }).waitFor();
    historyAtStart.set(page, await page.evaluate(() => history.length));
    if (screens) {
      await expectAccessible(page, `attract (${screens})`);
      await shoot(page, docShots, 'kiosk-attract');
    }
    await page.getByRole('button', { name: 'Tryck för att börja' }).tap();
    await page.getByAltText('QR-kod för inloggning med BankID').waitFor();
    // Only BankID on another device: no same-device choice, and the explanation is on screen.
    expect(await page.getByText('BankID på den här enheten').count()).toBe(0);
    await page.getByRole('heading', { name: 'Så loggar du in' }).waitFor();
    expect(await page.locator('.kiosk-art svg').count()).toBe(3);
    if (screens) {
      await expectAccessible(page, `login (${screens})`);
      await shoot(page, docShots, 'kiosk-login');
    }
    await approveInTestApp(h.browser, h.server.baseUrl, v.identity);
    await page.getByRole('heading', { name: 'Vad vill du göra?' }).waitFor({ timeout: 15_000 });
  }

  return { h, kioskPage, logIn };
}
