import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  apiLogin,
  approveInTestApp,
  draftWithDrawings,
  expectAccessible,
  hasBrowser,
  pdfFirstPageToPng,
  repoRoot,
  shoot,
  uiLogin,
  useServerAndBrowser,
} from './support';

// Issue 9, the town-hall kiosk, in Chromium: a KIOSK_ONLY server with short idle settings, portrait and
// landscape touch screens, visitors who walk away, and the same people finishing at home on the ordinary
// service (the kiosk server stopped, an ordinary one started on the same database).

// Long enough that an accessibility scan and a screenshot on a loaded machine (no touches meanwhile) never
// meet the "Vill du fortsätta?" question by accident; the walks away still wait it out for real.
const IDLE_SECONDS = 15;
const COUNTDOWN_SECONDS = 8;
const docShots = path.join(repoRoot, 'docs/screenshots');
/** The printed pages as PDF (their first page goes to docs/screenshots as PNG). */
const pdfs = path.join(repoRoot, '.tmp/screenshots');

interface Visitor {
  identity: string;
  name: string[];
  personnummer: string[];
  property: string;
}
const ANNA: Visitor = {
  identity: 'Anna Lindqvist (19820202-9289)',
  name: ['Anna', 'Lindqvist'],
  personnummer: ['19820202', '820202-9289', '8202029289'],
  property: 'Eken 1:23',
};
const LARS: Visitor = {
  identity: 'Lars Holmberg (19500228-1839)',
  name: ['Lars', 'Holmberg'],
  personnummer: ['19500228', '500228-1839', '5002281839'],
  property: 'Eken 1:21',
};
const GUSTAV: Visitor = {
  identity: 'Gustav Berg (19350223-4796)',
  name: ['Gustav', 'Berg'],
  personnummer: ['19350223', '350223-4796', '3502234796'],
  property: 'Strandängen 4:1',
};

const viewports = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
} as const;

/** Every visible control a finger presses, measured; a radio or checkbox counts with its label. */
function smallTargets(page: Page) {
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
async function tracesOf(page: Page, v: Visitor): Promise<string[]> {
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

describe.skipIf(!hasBrowser)('the town-hall kiosk', () => {
  // One kiosk server and one browser for the file, a fresh context (a new visitor's browser) per test.
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

  /** Property → measure → a 4 × 4 m building placed with the form: the draft is saved on the server. */
  async function drawAndSave(page: Page, v: Visitor, screens?: string) {
    await page.getByRole('link', { name: 'Ansök om bygglov' }).tap();
    await page.getByRole('radio', { name: new RegExp(v.property) }).check();
    await page.getByRole('button', { name: 'Nästa' }).tap();
    await page.getByRole('radio', { name: /Komplementbyggnad/ }).check();
    await page.getByRole('button', { name: 'Nästa' }).tap();
    await page.getByRole('button', { name: 'Rita rektangel' }).waitFor();
    await page.getByLabel('Bredd (meter)').fill('4');
    await page.getByLabel('Djup (meter)').fill('4');
    await page.getByRole('button', { name: 'Placera byggnaden' }).tap();
    await expect.poll(() => page.locator('.measurements__area').textContent()).toBe('Yta: 16,0 m²');
    await page.getByText('Du behöver varken bygglov eller anmälan, om villkoren nedan uppfylls.').waitFor();
    expect(await smallTargets(page), 'touch targets under 48 px on the map step').toEqual([]);
    if (screens) {
      await expectAccessible(page, `map step (${screens})`);
      await shoot(page, docShots, 'kiosk-wizard-map');
    }
    // On to the details: entering a step saves the draft, drawing included ("Sparat 14:02").
    await page.getByRole('button', { name: 'Nästa' }).tap();
    await page.getByRole('heading', { name: /Uppgifter om byggnaden/ }).waitFor();
    await page.getByText(/^Sparat \d{2}:\d{2}$/).waitFor({ timeout: 10_000 });
  }

  /** The visitor walks away: the question comes, counts down, and the visit is wiped back to the attract screen. */
  async function walkAway(page: Page, v: Visitor, screens?: string) {
    const question = page.getByRole('dialog', { name: 'Vill du fortsätta?' });
    await question.waitFor({ timeout: (IDLE_SECONDS + 5) * 1000 });
    await page.getByText(/^Annars avslutas besöket om \d+ s\.$/).waitFor();
    if (screens) {
      await expectAccessible(page, `idle question (${screens})`);
      // The screen as the visitor sees it (the dialog covers the screen, not the whole long page).
      await page.screenshot({ path: path.join(docShots, `kiosk-idle-${page.viewportSize()?.width}.png`) });
      // "Fortsätt" keeps the visit; the question comes back after another quiet spell.
      await page.getByRole('button', { name: 'Fortsätt' }).tap();
      await question.waitFor({ state: 'hidden' });
      await page.getByRole('heading', { name: /Uppgifter om byggnaden/ }).waitFor();
      await question.waitFor({ timeout: (IDLE_SECONDS + 5) * 1000 });
    }
    // Nobody answers: the countdown ends the visit.
    await page.waitForURL('**/kiosk', { timeout: (COUNTDOWN_SECONDS + 10) * 1000 });
    await page.getByRole('heading', { level: 1, name: 'Ansök om bygglov eller följ ditt ärende' }).waitFor();
    expect(await tracesOf(page, v)).toEqual([]);
    // The back button (or gesture) finds nothing of the visit either: it leads to what was before the kiosk
    // (here the test browser's about:blank), and forward again to a fresh attract screen.
    await page.goBack();
    expect(page.url()).toBe('about:blank');
    expect(await tracesOf(page, v)).toEqual([]);
    await page.goForward();
    expect(page.url()).toBe(`${h.server.baseUrl}/kiosk`);
    await page.getByRole('heading', { level: 1, name: 'Ansök om bygglov eller följ ditt ärende' }).waitFor();
    expect(await tracesOf(page, v)).toEqual([]);
    // The server ended the session: the old page's requests would be refused.
    expect(await page.evaluate(() => fetch('/api/drafts').then((r) => r.status))).toBe(401);
  }

  it('portrait (1080 × 1920): QR login, property, drawing, saved draft; walks away; wiped, no trace left', async () => {
    const { page, cacheable } = await kioskPage(viewports.portrait);
    await logIn(page, ANNA, 'portrait');
    await expectAccessible(page, 'menu (portrait)');
    await shoot(page, docShots, 'kiosk-menu');
    await drawAndSave(page, ANNA, 'portrait');
    await walkAway(page, ANNA, 'portrait');
    expect(cacheable).toEqual([]);
  });

  it('landscape (1920 × 1080): the same walk, with help, staff mode, English and high contrast on the way', async () => {
    const { page, cacheable } = await kioskPage(viewports.landscape);
    await logIn(page, LARS, 'landscape');
    // Help from the staff: the configured text, and the staff's own switch with its banner.
    await page.getByRole('button', { name: 'Be om hjälp' }).tap();
    const help = page.getByRole('dialog', { name: 'Hjälp från personalen' });
    await help.getByText(/Personalen på medborgarkontoret hjälper dig gärna/).waitFor();
    await help.getByRole('button', { name: 'Personal hjälper till' }).tap();
    expect(await help.getByRole('button', { name: 'Personal hjälper till' }).getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(page, 'help (landscape)');
    await shoot(page, docShots, 'kiosk-help');
    await help.getByRole('button', { name: 'Stäng' }).tap();
    await page.locator('.kiosk-staff').getByText('Personal hjälper till').waitFor();
    // High contrast, then English, and back.
    await page.getByRole('button', { name: 'Hög kontrast' }).tap();
    await page.getByRole('button', { name: 'English' }).tap();
    await page.getByRole('heading', { name: 'What would you like to do?' }).waitFor();
    await expectAccessible(page, 'menu in English, high contrast (landscape)');
    await shoot(page, docShots, 'kiosk-contrast-en');
    await page.getByRole('button', { name: 'Svenska' }).tap();
    await page.getByRole('button', { name: 'High contrast' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Hög kontrast' }).tap();
    await drawAndSave(page, LARS, 'landscape');
    await walkAway(page, LARS, 'landscape');
    // The staff mode, the language and the contrast went with the visit.
    expect(await page.locator('.kiosk-staff').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.className)).toBe('kiosk-root');
    expect(cacheable).toEqual([]);
  });

  it('prints the no-permit answer with nothing but the answer, and "Avsluta" ends the visit at once', async () => {
    const { page } = await kioskPage(viewports.portrait);
    await logIn(page, GUSTAV);
    await page.getByRole('link', { name: 'Ansök om bygglov' }).tap();
    await page.getByRole('radio', { name: /Strandängen 4:1/ }).check();
    await page.getByRole('button', { name: 'Nästa' }).tap();
    await page.getByRole('radio', { name: /Komplementbyggnad/ }).check();
    await page.getByRole('button', { name: 'Nästa' }).tap();
    await page.getByLabel('Bredd (meter)').fill('3');
    await page.getByLabel('Djup (meter)').fill('2,5');
    await page.getByRole('button', { name: 'Placera byggnaden' }).tap();
    await page.getByText('Du behöver varken bygglov eller anmälan, om villkoren nedan uppfylls.').waitFor();
    await page.getByRole('button', { name: 'Nästa' }).tap();
    await page.getByLabel('Beskriv vad du vill bygga').fill('Litet förråd för trädgårdsredskap.');
    await page.getByLabel('Nockhöjd (meter)').fill('2,4');
    await page.getByLabel('När vill du börja bygga?').fill('2027-05-03');
    await page.getByLabel('E-post', { exact: true }).fill('gustav@example.se');
    await page.getByRole('button', { name: 'Nästa' }).tap();
    await page.getByText('Din åtgärd behöver inga ritningar. Du kan gå vidare.').waitFor();
    // No file picker onto the kiosk's own disk: a short note instead, and no chooser opens.
    const chooser = page.waitForEvent('filechooser', { timeout: 2000 }).then(
      () => true,
      () => false,
    );
    await page.locator('input[type="file"]').first().click();
    await page.getByText('Filer bifogar du hemma, när du fortsätter med BankID.').waitFor();
    expect(await chooser).toBe(false);
    await page.getByRole('button', { name: 'Nästa' }).tap();
    const print = page.getByRole('button', { name: 'Skriv ut svaret' });
    await print.waitFor();
    // Staff are helping: their banner is on screen, never on paper.
    await page.getByRole('button', { name: 'Be om hjälp' }).tap();
    await page.getByRole('button', { name: 'Personal hjälper till' }).tap();
    await page.getByRole('button', { name: 'Stäng' }).tap();
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await print.tap();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.kiosk-bar', '.kiosk-staff', '.steps', '.wizard__nav'])
      expect(await page.locator(chrome).first().isVisible(), chrome).toBe(false);
    expect(await page.getByRole('heading', { name: 'Behöver du bygglov?' }).isVisible()).toBe(true);
    await mkdir(pdfs, { recursive: true });
    const pdf = path.join(pdfs, 'kiosk-print.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    await pdfFirstPageToPng(pdf, path.join(docShots, 'kiosk-print.png'));
    await page.emulateMedia({ media: 'screen' });
    // Finished: "Avsluta" ends the visit at once, as the countdown would.
    await page.getByRole('button', { name: 'Avsluta', exact: true }).tap();
    await page.waitForURL('**/kiosk');
    await page.getByRole('heading', { level: 1, name: 'Ansök om bygglov eller följ ditt ärende' }).waitFor();
    expect(await tracesOf(page, GUSTAV)).toEqual([]);
  });

  it('signs an application prepared at home, and prints the receipt with nothing but the receipt', async () => {
    // At home Anna drew a garage and attached her drawings (here through the API); at the kiosk she signs.
    const PROPERTY = '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e23'; // Kjellstavik Eken 1:23
    const cookie = await apiLogin(h.server.baseUrl, '198202029289');
    const draftId = await draftWithDrawings(h.server.baseUrl, cookie, PROPERTY);
    const ring = [
      [620_071, 6_650_019],
      [620_079, 6_650_019],
      [620_079, 6_650_026],
      [620_071, 6_650_026],
      [620_071, 6_650_019],
    ];
    const data = {
      step: 'review',
      propertyId: PROPERTY,
      measure: 'outbuilding',
      footprints: [{ id: 'byggnad-1', measure: 'outbuilding', geometry: { type: 'Polygon', coordinates: [ring] } }],
      details: {
        description: 'Dubbelgarage i trä med sadeltak.',
        ridgeHeightM: 3.8,
        plannedStart: '2027-05-01',
        email: 'anna@example.se',
      },
    };
    const put = await fetch(`${h.server.baseUrl}/api/drafts/${draftId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ data }),
    });
    expect(put.status).toBe(200);
    await fetch(`${h.server.baseUrl}/api/auth/logout`, { method: 'POST', headers: { cookie } });

    const { page } = await kioskPage(viewports.portrait);
    await logIn(page, ANNA);
    await page.getByRole('link', { name: 'Ansök om bygglov' }).tap();
    await page.getByRole('button', { name: 'Skriv under och skicka' }).tap();
    await page.getByAltText('QR-kod för underskrift med BankID').waitFor();
    // Signing at the kiosk is by QR only as well.
    expect(await page.getByRole('link', { name: 'Öppna BankID på den här enheten' }).isVisible()).toBe(false);
    await approveInTestApp(h.browser, h.server.baseUrl, ANNA.identity);
    await page.locator('.diary-number').waitFor({ timeout: 15_000 });
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.getByRole('button', { name: 'Skriv ut kvittot' }).tap();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.kiosk-bar', '.receipt__actions'])
      expect(await page.locator(chrome).first().isVisible(), chrome).toBe(false);
    expect(await page.locator('.diary-number').isVisible()).toBe(true);
    await mkdir(pdfs, { recursive: true });
    const pdf = path.join(pdfs, 'kiosk-print-receipt.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    await pdfFirstPageToPng(pdf, path.join(docShots, 'kiosk-print-receipt.png'));
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Avsluta', exact: true }).tap();
    await page.waitForURL('**/kiosk');
    expect(await tracesOf(page, ANNA)).toEqual([]);
  });

  it('never opens the officer console: not the page, not its API, not from inside the kiosk', async () => {
    const { page } = await kioskPage(viewports.landscape);
    const response = await page.goto(`${h.server.baseUrl}/handlaggare`);
    expect(response?.status()).toBe(404);
    await page.goto(`${h.server.baseUrl}/kiosk`);
    expect(await page.evaluate(() => fetch('/api/officer/queue').then((r) => r.status))).toBe(404);
    // An officer who logs in at the kiosk is a visitor: a link to the console leads nowhere.
    await logIn(page, { ...ANNA, identity: 'Oskar Wallin (19830621-9299)' });
    expect(await page.evaluate(() => fetch('/api/officer/queue').then((r) => r.status))).toBe(404);
    await page.evaluate(() => {
      history.pushState(null, '', '/handlaggare');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.getByRole('heading', { name: 'Handläggarnas sidor finns inte på den här skärmen.' }).waitFor();
    expect(await page.getByRole('link', { name: 'Handläggare' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Avsluta', exact: true }).tap();
    await page.waitForURL('**/kiosk');
  });

  it('at home: the same people log in on the ordinary service and the wizard resumes their drafts', async () => {
    // The kiosk is one server of the municipality's; the public service shares its database.
    await h.server.stop();
    const home = await h.startServer({ dataDir: h.server.dataDir });
    let page!: Page;
    for (const v of [ANNA, LARS]) {
      const context = await h.newContext({ viewport: { width: 1280, height: 900 } }, home.baseUrl);
      page = await context.newPage();
      await page.goto(`${home.baseUrl}/logga-in`);
      // The ordinary login still offers both ways.
      await page.getByRole('button', { name: 'BankID på den här enheten' }).waitFor();
      await uiLogin(page, h.browser, home.baseUrl, v.identity);
      await page.waitForURL('**/ansokan/uppgifter', { timeout: 15_000 });
      await page.getByRole('heading', { name: /Uppgifter om byggnaden/ }).waitFor();
      await page.getByRole('button', { name: 'Tillbaka' }).click();
      await expect.poll(() => page.locator('.measurements__area').textContent()).toBe('Yta: 16,0 m²');
      expect(await page.locator('.map-step').textContent()).toContain(v.property);
    }
    await shoot(page, pdfs, 'kiosk-resumed-at-home');
  });
});
