import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiLogin, approveInTestApp, draftWithDrawings, hasBrowser, pdfFirstPageToPng } from './support';
import { ANNA, GUSTAV, docShots, pdfs, tracesOf, useKiosk, viewports } from './kioskSupport';

// Issue 9, the town-hall kiosk, in Chromium: what a visitor takes home on paper (the no-permit answer, the
// receipt of an application signed at the kiosk), and the officer console the kiosk never opens.

describe.skipIf(!hasBrowser)('the town-hall kiosk: printing, signing, no officer console', () => {
  const { h, kioskPage, logIn } = useKiosk();

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
});
