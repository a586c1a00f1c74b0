import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, hasBrowser, shoot, uiLogin } from './support';
import {
  ANNA,
  COUNTDOWN_SECONDS,
  IDLE_SECONDS,
  LARS,
  docShots,
  pdfs,
  smallTargets,
  tracesOf,
  useKiosk,
  viewports,
  type Visitor,
} from './kioskSupport';

// Issue 9, the town-hall kiosk, in Chromium: a KIOSK_ONLY server with short idle settings, portrait and
// landscape touch screens, visitors who walk away, and the same people finishing at home on the ordinary
// service (the kiosk server stopped, an ordinary one started on the same database). Printing, signing and the
// officer console's absence are in kioskPrint.e2e.ts, on a kiosk server of their own.

describe.skipIf(!hasBrowser)('the town-hall kiosk', () => {
  // One kiosk server and one browser for the file, a fresh context (a new visitor's browser) per test.
  const { h, kioskPage, logIn } = useKiosk();

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

  // The two walks run side by side (each its own visitor's browser on the one kiosk server): most of their time is
  // the idle question's and the countdown's real waiting, which need not be waited twice over.
  it.concurrent(
    'portrait (1080 × 1920): QR login, property, drawing, saved draft; walks away; wiped, no trace left',
    async () => {
      const { page, cacheable } = await kioskPage(viewports.portrait);
      await logIn(page, ANNA, 'portrait');
      await expectAccessible(page, 'menu (portrait)');
      await shoot(page, docShots, 'kiosk-menu');
      await drawAndSave(page, ANNA, 'portrait');
      await walkAway(page, ANNA, 'portrait');
      expect(cacheable).toEqual([]);
    },
  );

  it.concurrent(
    'landscape (1920 × 1080): the same walk, with help, staff mode, English and high contrast on the way',
    async () => {
      const { page, cacheable } = await kioskPage(viewports.landscape);
      await logIn(page, LARS, 'landscape');
      // Help from the staff: the configured text, and the staff's own switch with its banner.
      await page.getByRole('button', { name: 'Be om hjälp' }).tap();
      const help = page.getByRole('dialog', { name: 'Hjälp från personalen' });
      await help.getByText(/Personalen på medborgarkontoret hjälper dig gärna/).waitFor();
      await help.getByRole('button', { name: 'Personal hjälper till' }).tap();
      expect(await help.getByRole('button', { name: 'Personal hjälper till' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
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
    },
  );

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
