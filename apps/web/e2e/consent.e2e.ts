import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  approveInTestApp,
  expectAccessible,
  hasBrowser,
  repoRoot,
  shoot,
  uiLogin,
  useServerAndBrowser,
} from './support';

const shots = path.join(repoRoot, '.tmp/screenshots/consent');
const APPLICANT = 'Anna Lindqvist (19820202-9289)';
// Björken 2:7, east of Anna's Björken 2:6, has one owner.
const NEIGHBOUR = 'Eva Svensson (19370311-9168)';

/** Places a 3 × 4 m shed by its distances from the west and south boundaries of Björken 2:6 (35 m wide here). */
async function placeShed(page: Page, fromWest: string) {
  await page.getByLabel('Bredd (meter)').fill('3');
  await page.getByLabel('Djup (meter)').fill('4');
  await page.getByLabel(/\(väster\), meter|västra gränsen, meter/).fill(fromWest);
  // The south is that of the whole property, whose second part lies 60 m further south.
  await page.getByLabel(/\(söder\), meter|södra gränsen, meter/).fill('75');
  await page.getByRole('button', { name: 'Placera byggnaden' }).click();
  await expect.poll(() => page.locator('.measurements__area').textContent()).toBe('Yta: 12,0 m²');
}

/** Both widths of a screen, for people to look at; and, on a phone, the part of it that is new. */
async function shootBoth(page: Page, name: string, part?: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await shoot(page, shots, name);
    if (part && width === 390) await page.locator(part).screenshot({ path: path.join(shots, `${name}-part-390.png`) });
  }
}

describe.skipIf(!hasBrowser)('a neighbour’s consent with BankID, bound to the drawing', () => {
  const env = useServerAndBrowser();

  it('applicant invites, the neighbour signs, the verdict says permit-free with consent, a moved shed lapses it', async () => {
    const applicant = await (await env.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await applicant.goto(env.server.baseUrl);
    await applicant.getByRole('link', { name: 'Logga in med BankID och börja' }).click();
    await uiLogin(applicant, env.browser, env.server.baseUrl, APPLICANT);
    await applicant.waitForURL('**/ansokan**', { timeout: 15_000 });
    await applicant.getByRole('radio', { name: /Kjellstavik Björken 2:6/ }).check();
    await applicant.getByRole('button', { name: 'Nästa' }).click();
    await applicant.getByRole('radio', { name: /Komplementbyggnad/ }).check();
    await applicant.getByRole('button', { name: 'Nästa' }).click();
    await applicant.getByRole('button', { name: 'Rita rektangel' }).waitFor();

    // A shed 2 m from the boundary with Björken 2:7: permit-free if its owner consents.
    await placeShed(applicant, '30');
    await applicant.getByText('Du behöver varken bygglov eller anmälan, om villkoren nedan uppfylls.').waitFor();
    const ask = applicant.getByRole('button', { name: 'Be grannen om medgivande: Kjellstavik Björken 2:7' });
    await ask.click();
    const link = (await applicant.locator('.consent-link').textContent())!;
    expect(link).toMatch(new RegExp(`^${env.server.baseUrl}/medgivande/[A-Za-z0-9_-]{32}$`));
    await applicant.getByText('Eva Svensson: Inbjuden, har inte svarat').waitFor();
    await expectAccessible(applicant, 'map step with the invitation');
    await applicant.locator('.neighbour-consents').scrollIntoViewIfNeeded();
    await shootBoth(applicant, 'wizard-invited', '.neighbour-consents');

    // The neighbour, in a browser of their own, logs in with BankID and sees exactly what is planned.
    const neighbour = await (await env.newContext({ viewport: { width: 390, height: 900 } })).newPage();
    await neighbour.goto(link);
    await neighbour.waitForURL('**/logga-in**');
    await uiLogin(neighbour, env.browser, env.server.baseUrl, NEIGHBOUR);
    await neighbour.waitForURL('**/medgivande/**', { timeout: 15_000 });
    await neighbour.getByRole('heading', { level: 1, name: 'Grannemedgivande' }).waitFor();
    await neighbour.getByText(/Anna Lindqvist vill bygga på Kjellstavik Björken 2:6/).waitFor();
    await neighbour.getByRole('img', { name: /2 m från gränsen mot din fastighet Kjellstavik Björken 2:7/ }).waitFor();
    expect(await neighbour.locator('.facts').textContent()).toContain('Avstånd till din gräns2 m');
    expect(await neighbour.content()).not.toContain('19820202');
    await neighbour.getByRole('link', { name: /Situationsplan \(PDF\)/ }).waitFor();
    await neighbour.getByRole('button', { name: 'Jag medger inte' }).click();
    await neighbour.getByLabel('Varför medger du inte?').waitFor();
    await expectAccessible(neighbour, 'consent page');
    await shootBoth(neighbour, 'consent-page');
    await neighbour.getByRole('button', { name: 'Jag medger inte' }).click();

    await neighbour.getByRole('button', { name: 'Skriv under medgivande med BankID' }).click();
    await neighbour.getByAltText('QR-kod för underskrift med BankID').waitFor();
    await expectAccessible(neighbour, 'consent signing');
    await shootBoth(neighbour, 'consent-signing');
    await approveInTestApp(env.browser, env.server.baseUrl, NEIGHBOUR);
    await neighbour.getByText('Du har medgett. Tack!', { exact: false }).waitFor({ timeout: 15_000 });
    await expectAccessible(neighbour, 'consent signed');
    await shootBoth(neighbour, 'consent-signed');

    // The applicant's wizard hears of it: permit-free with the neighbour's consent.
    await applicant.setViewportSize({ width: 1280, height: 900 });
    await applicant
      .getByText(/^Bygglovsfritt med grannens medgivande: alla ägare till Kjellstavik Björken 2:7/)
      .waitFor({ timeout: 15_000 });
    await applicant.getByText('Eva Svensson: Har medgett med BankID').waitFor();
    await expectAccessible(applicant, 'map step with the consent');
    await shootBoth(applicant, 'wizard-consented', '.verdict');

    // Moved a metre: the consent no longer covers the drawing, and the wizard says so.
    await placeShed(applicant, '29');
    await applicant
      .getByText(/^Medgivandet från Kjellstavik Björken 2:7 gäller inte längre: byggnaden har flyttats/)
      .waitFor();
    await applicant.getByText('Eva Svensson: Medgivandet gäller inte längre: byggnaden har flyttats').waitFor();
    expect(await applicant.getByText(/^Bygglovsfritt med grannens medgivande/).count()).toBe(0);
    await expectAccessible(applicant, 'map step with a lapsed consent');
    await shootBoth(applicant, 'wizard-lapsed', '.verdict');
  });
});
