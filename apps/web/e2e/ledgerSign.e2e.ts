import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  apiLogin,
  approveInTestApp,
  expectAccessible,
  guardOffline,
  hasBrowser,
  lookAtScreen,
  repoRoot,
  shoot,
  submitSignedBuilding,
  useServerAndBrowser,
} from './support';

// Issue #23: the owner saves a "no permit needed" answer to the plot's allowance ledger and signs it with BankID;
// the printable answer then says who signed, when, and the checksum signed. Gustav Berg owns Strandängen 4:1
// (outside any plan, 65 m²).

const docShots = path.join(repoRoot, 'docs/screenshots');
const GUSTAV = '193502234796';
const GUSTAV_IDENTITY = 'Gustav Berg (19350223-4796)';
const STRANDANGEN_4_1 = 'c4e9a7b2-6d1f-4e3a-b5c8-9d0e1f2a3b41';
/** Linnea Berg, officer in the team for cases outside a plan (landsbygd). */
const LINNEA = '199207202392';
/** A 5 × 5 m komplementbostadshus north-east of the house on Strandängen 4:1 (SWEREF 99 TM). */
const GUEST_HOUSE = [
  [620_335, 6_649_880],
  [620_340, 6_649_880],
  [620_340, 6_649_885],
  [620_335, 6_649_885],
  [620_335, 6_649_880],
];

describe.skipIf(!hasBrowser)('a signed no-permit answer', () => {
  const env = useServerAndBrowser();
  const next = (page: Page) => page.getByRole('button', { name: 'Nästa' }).click();

  async function noPermitAnswer(width: number): Promise<Page> {
    const context = await env.newContext({ viewport: { width, height: 900 } });
    const [name, value] = (await apiLogin(env.server.baseUrl, GUSTAV)).split('=') as [string, string];
    await context.addCookies([{ name, value, url: env.server.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${env.server.baseUrl}/ansokan`);
    await page.getByRole('radio', { name: /Kjellstavik Strandängen 4:1/ }).check();
    await next(page);
    await page.getByRole('radio', { name: /Komplementbyggnad/ }).check();
    await next(page);
    await page.getByLabel('Bredd (meter)').fill('3');
    await page.getByLabel('Djup (meter)').fill('2,5');
    await page.getByRole('button', { name: 'Placera byggnaden' }).click();
    await page.getByText('Du behöver varken bygglov eller anmälan, om villkoren nedan uppfylls.').waitFor();
    await next(page);
    await page.getByLabel('Beskriv vad du vill bygga').fill('Litet förråd för trädgårdsredskap.');
    await page.getByLabel('Nockhöjd (meter)').fill('2,4');
    await page.getByLabel('När vill du börja bygga?').fill('2027-05-03');
    await page.getByLabel('E-post', { exact: true }).fill('gustav@example.se');
    await next(page);
    await page.getByText('Din åtgärd behöver inga ritningar. Du kan gå vidare.').waitFor();
    await next(page);
    await page.getByRole('button', { name: 'Skriv ut svaret' }).waitFor();
    return page;
  }

  it('Gustav saves the answer, signs it with BankID, and the printed answer names him, the day and the checksum', async () => {
    const page = await noPermitAnswer(1280);
    await page.getByRole('button', { name: 'Spara svaret i tomtens pott' }).click();
    await page.getByText(/Sparat\. Du har 57,5 m² kvar av 65 m²/).waitFor();
    await page.getByRole('button', { name: 'Skriv under svaret med BankID' }).click();
    await page.getByAltText('QR-kod för underskrift med BankID').waitFor();
    await expectAccessible(page, 'signing the no-permit answer');
    await approveInTestApp(env.browser, env.server.baseUrl, GUSTAV_IDENTITY);
    const signed = page.locator('.ledger__signature');
    await signed.getByText(/Underskrivet med BankID av .+ den \d+ \w+ 20\d\d\./).waitFor({ timeout: 15_000 });
    expect(await signed.textContent()).toMatch(/Kontrollsumma \(SHA-256\).*: [0-9a-f]{64}/);
    expect(await signed.textContent()).toContain('Kontrollsumman stämmer med det sparade svaret.');
    expect(await page.getByRole('button', { name: 'Skriv under svaret med BankID' }).count()).toBe(0);
    await expectAccessible(page, 'signed no-permit answer (sv)');
    await page.getByRole('button', { name: 'In English' }).click();
    await page.locator('html[lang="en"]').waitFor();
    expect(await signed.textContent()).toContain('Signed with BankID by');
    await expectAccessible(page, 'signed no-permit answer (en)');
    await page.getByRole('button', { name: 'På svenska' }).click();
    await page.locator('html[lang="sv"]').waitFor();
    // The printed answer carries the signature; the buttons stay on the screen.
    await page.emulateMedia({ media: 'print' });
    expect(await signed.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Skriv ut svaret' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await signed.scrollIntoViewIfNeeded();
    for (const w of [390, 1280]) {
      await page.setViewportSize({ width: w, height: 900 });
      await shoot(page, docShots, 'no-permit-answer-signed');
    }
  });

  it('the saved shed is drawn on the map with its legend, and the verdict’s m² left agrees with it', async () => {
    const context = await env.newContext({ viewport: { width: 1280, height: 900 } });
    const [name, value] = (await apiLogin(env.server.baseUrl, GUSTAV)).split('=') as [string, string];
    await context.addCookies([{ name, value, url: env.server.baseUrl }]);
    const offline = guardOffline(context, env.server.baseUrl);
    const page = await context.newPage();
    // A new application, not the draft the first test left.
    await page.goto(`${env.server.baseUrl}/ansokan?ny`);
    await page.getByRole('radio', { name: /Kjellstavik Strandängen 4:1/ }).check();
    await next(page);
    await page.getByRole('radio', { name: /Komplementbyggnad/ }).check();
    await next(page);
    const legend = page.getByRole('list', { name: 'Teckenförklaring' });
    await legend.getByText('Bygglovsbefriad byggnad sparad i tomtens pott').waitFor();
    await legend.getByText(/7,5 m² använt av 65 m², 57,5 m² kvar före det du ritar/).waitFor();
    await expect.poll(() => page.locator('path.ledger-entry').count()).toBe(1);
    await page.getByLabel('Bredd (meter)').fill('2');
    await page.getByLabel('Djup (meter)').fill('2');
    // Beside the saved shed (which stands mid-plot), not on it.
    await page.getByLabel('Avstånd från södra gränsen, meter').fill('10');
    await page.getByLabel('Avstånd från västra gränsen, meter').fill('20');
    await page.getByRole('button', { name: 'Placera byggnaden' }).click();
    await page.getByRole('heading', { name: 'Behöver du bygglov?' }).waitFor();
    // What is drawn and what the verdict counts agree: 57,5 m² left before the drawing, the 4 m² drawn taken from it.
    await page.getByText('Du har 53,5 m² kvar av 65 m² för bygglovsbefriade byggnader på tomten.').first().waitFor();
    await expectAccessible(page, 'the map with the allowance ledger (sv)');
    await page.getByRole('button', { name: 'In English' }).click();
    await page.locator('html[lang="en"]').waitFor();
    await expectAccessible(page, 'the map with the allowance ledger (en)');
    await page.getByRole('button', { name: 'På svenska' }).click();
    await page.locator('html[lang="sv"]').waitFor();
    for (const w of [390, 1280]) {
      await page.setViewportSize({ width: w, height: 900 });
      await legend.scrollIntoViewIfNeeded();
      await shoot(page, docShots, 'map-allowance-ledger');
    }
    expect(offline).toEqual([]);
  });

  it('an attefallshus notified through Lovisa is on the map, dotted and counted, once the officer gives its startbesked', async () => {
    const base = env.server.baseUrl;
    const gustav = await apiLogin(base, GUSTAV);
    const notified = await submitSignedBuilding(base, gustav, GUSTAV, {
      propertyId: STRANDANGEN_4_1,
      ring: GUEST_HOUSE,
      description: 'Gäststuga, ett attefallshus på 25 m².',
      ridgeHeightM: 4,
      measure: 'smallDwelling',
    });
    expect(notified.teamId).toBe('landsbygd');
    const ledgerUsed = async () => {
      const res = await fetch(`${base}/api/properties/${STRANDANGEN_4_1}/allowance-ledger`, {
        headers: { cookie: gustav },
      });
      const body = (await res.json()) as { balances: { id: string; usedM2: number }[] };
      return body.balances.find((b) => b.id === 'pott')!.usedM2;
    };
    // Notified is not yet allowed: only the startbesked puts it on the plot's allowance.
    expect(await ledgerUsed()).toBe(7.5);

    const officer = await env.pageWithSession(await apiLogin(base, LINNEA));
    await officer.goto(`${base}/handlaggare/arenden/${notified.id}`);
    await officer
      .getByText('Ett anmälningsärende avslutas med startbesked. Startbeskedet blir ärendets beslut.')
      .waitFor();
    await lookAtScreen(
      officer,
      'officer case: a notification decided by its startbesked',
      docShots,
      'officer-notification-start',
    );
    await officer.getByRole('button', { name: 'Ge startbesked' }).click();
    await officer.getByText('Startbeskedet är givet.').waitFor();
    expect(await ledgerUsed()).toBe(32.5);

    const page = await env.pageWithSession(gustav);
    await page.goto(`${base}/ansokan?ny`);
    await page.getByRole('radio', { name: /Kjellstavik Strandängen 4:1/ }).check();
    await next(page);
    await page.getByRole('radio', { name: /Komplementbyggnad/ }).check();
    await next(page);
    const legend = page.getByRole('list', { name: 'Teckenförklaring' });
    await legend.getByText('Anmäld byggnad med startbesked (räknas i potten)').waitFor();
    await legend.getByText('Bygglovsbefriad byggnad sparad i tomtens pott').waitFor();
    await legend.getByText(/32,5 m² använt av 65 m², 32,5 m² kvar före det du ritar/).waitFor();
    await expect.poll(() => page.locator('path.ledger-entry--notified').count()).toBe(1);
    expect(await page.locator('path.ledger-entry').count()).toBe(2);
    // The notified building is dotted, the saved shed dashed.
    expect(await page.locator('path.ledger-entry--notified').getAttribute('stroke-dasharray')).toBe('1 4');
    expect(await page.locator('path.ledger-entry:not(.ledger-entry--notified)').getAttribute('stroke-dasharray')).toBe(
      '5 3',
    );
    await page.locator('.map').first().scrollIntoViewIfNeeded();
    await lookAtScreen(page, 'the map with a notified building on the allowance', docShots, 'map-allowance-notified');
  });
});
