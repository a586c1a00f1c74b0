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
  uiLoginOnThisDevice,
  useServerAndBrowser,
} from './support';

// The wizard as people really use it (issue 7): started on one computer, finished on another, in English;
// every step in both languages passes axe; bad input is named and nothing typed is lost; narrow and zoomed.

const ANNA = 'Anna Lindqvist (19820202-9289)';
const shots = path.join(repoRoot, '.tmp/screenshots');
const pdf = (title: string) => ({
  name: `${title}.pdf`,
  mimeType: 'application/pdf',
  buffer: Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog /Title (${title}) >> endobj\n%%EOF\n`),
});

/**
 * Anna's 8 × 7 m outbuilding on Eken 1:23, from the property step to "Skriv under och skicka"; `remembered`:
 * the e-mail address the details step should offer from her earlier application.
 */
async function outbuildingToSigning(page: Page, remembered?: string) {
  await page.getByRole('radio', { name: /Kjellstavik Eken 1:23/ }).check();
  await page.getByRole('button', { name: 'Nästa' }).click();
  await page.getByRole('radio', { name: /Komplementbyggnad/ }).check();
  await page.getByRole('button', { name: 'Nästa' }).click();
  await page.getByLabel('Bredd (meter)').fill('8');
  await page.getByLabel('Djup (meter)').fill('7');
  await page.getByRole('button', { name: 'Placera byggnaden' }).click();
  await page.getByText('Du behöver söka bygglov.').waitFor();
  await page.getByRole('button', { name: 'Nästa' }).click();
  await page.getByLabel('Beskriv vad du vill bygga').fill('Förråd i trä med pulpettak.');
  await page.getByLabel('Nockhöjd (meter)').fill('3,5');
  await page.getByLabel('När vill du börja bygga?').fill('2027-06-01');
  const email = page.getByLabel('E-post', { exact: true });
  // Remembered from an earlier application (she ticked the box), and the box still ticked.
  if (remembered) {
    await expect.poll(() => email.inputValue()).toBe(remembered);
    expect(await page.getByLabel('Kom ihåg mina kontaktuppgifter till nästa gång jag ansöker').isChecked()).toBe(true);
  }
  await email.fill('anna@example.se');
  await page.getByRole('button', { name: 'Nästa' }).click();
  // The situationsplan is made from the drawing when the step opens; "Nästa" before it is there stays put.
  await page.getByRole('link', { name: /^Situationsplan Kjellstavik Eken 1:23\.pdf$/ }).waitFor({ timeout: 60_000 });
  await page.getByLabel('Välj fil för planritning').setInputFiles(pdf('Planritning'));
  await page.getByRole('link', { name: 'Planritning.pdf' }).waitFor();
  await page.getByLabel('Välj fil för fasadritning').setInputFiles(pdf('Fasader'));
  await page.getByRole('link', { name: 'Fasader.pdf' }).waitFor();
  await page.getByRole('button', { name: 'Nästa' }).click();
  // The review step judges the whole application first; give a loaded machine time for it.
  await page.getByRole('button', { name: 'Skriv under och skicka' }).click({ timeout: 60_000 });
}

describe.skipIf(!hasBrowser)('resume, languages and bad input', () => {
  const env = useServerAndBrowser();

  async function open(width = 1280, height = 900) {
    const context = await env.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(`${env.server.baseUrl}/logga-in?next=%2Fansokan`);
    await uiLogin(page, env.browser, env.server.baseUrl, ANNA);
    await page.waitForURL('**/ansokan/**', { timeout: 15_000 });
    return { context, page };
  }
  const noSideways = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

  it('starts on one computer, names bad input, keeps what was typed, and finishes on another in English', async () => {
    // Computer 1: property, measure, a drawing, and half of the details.
    const first = await open();
    const p1 = first.page;
    // Going on without an answer says what is missing, on every step.
    await p1.getByRole('button', { name: 'Nästa' }).click();
    await p1.getByText('Välj vilken fastighet ansökan gäller.').waitFor();
    await p1.getByRole('radio', { name: /Kjellstavik Eken 1:23/ }).check();
    await p1.getByRole('button', { name: 'Nästa' }).click();
    await p1.waitForURL('**/ansokan/atgard');
    await p1.getByRole('button', { name: 'Nästa' }).click();
    await p1.getByText('Välj vad du vill bygga.').waitFor();
    await expectAccessible(p1, 'measure step');
    await p1.getByRole('radio', { name: /Komplementbyggnad/ }).check();
    await p1.getByRole('button', { name: 'Nästa' }).click();
    await p1.getByLabel('Bredd (meter)').fill('8');
    await p1.getByLabel('Djup (meter)').fill('7');
    await p1.getByRole('button', { name: 'Placera byggnaden' }).click();
    await p1.getByText('Du behöver söka bygglov.').waitFor();
    await p1.getByRole('button', { name: 'Nästa' }).click();
    await p1.waitForURL('**/ansokan/uppgifter');
    await p1.getByLabel('Beskriv vad du vill bygga').fill('Dubbelgarage i trä med sadeltak.');
    // Bad input: named, specific, and the rest stays.
    await p1.getByLabel('Nockhöjd (meter)').fill('tre meter');
    await p1.getByRole('button', { name: 'Nästa' }).click();
    await p1.getByRole('link', { name: 'Ange nockhöjden i meter.' }).waitFor();
    expect(await p1.getByLabel('Beskriv vad du vill bygga').inputValue()).toBe('Dubbelgarage i trä med sadeltak.');
    // The autosave says when the server had it; a reload loses nothing.
    await p1.getByText(/^Sparat \d{2}:\d{2}$/).waitFor({ timeout: 10_000 });
    await p1.waitForTimeout(2_000);
    await p1.reload();
    await p1.getByLabel('Beskriv vad du vill bygga').waitFor();
    expect(await p1.getByLabel('Beskriv vad du vill bygga').inputValue()).toBe('Dubbelgarage i trä med sadeltak.');
    await first.context.close();

    // Computer 2, in English: the same draft, at the same step, and it says so, with a way to start afresh.
    const { page } = await open();
    await page.getByText(/^Du fortsätter där du slutade, med ansökan som sparades \d+ \w+/).waitFor();
    expect(await page.getByRole('link', { name: 'Börja på en ny ansökan i stället' }).getAttribute('href')).toBe(
      '/ansokan?ny',
    );
    await expectAccessible(page, 'continuing a draft');
    await page.getByRole('button', { name: 'In English' }).click();
    await page.getByLabel('Describe what you want to build').waitFor();
    expect(await page.getByLabel('Describe what you want to build').inputValue()).toBe(
      'Dubbelgarage i trä med sadeltak.',
    );
    // Back through the earlier steps: each has its own address, and passes axe in English.
    for (const [step, heading] of [
      ['karta', 'Draw on the map'],
      ['atgard', 'What do you want to build?'],
      ['fastighet', 'Property'],
    ] as const) {
      await page.getByRole('button', { name: 'Back', exact: true }).click();
      await page.waitForURL(`**/ansokan/${step}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(heading) }).waitFor();
      await expectAccessible(page, `${step} (English)`);
    }
    // The browser's back button walks the same history the other way, to where the applicant was.
    for (const step of ['atgard', 'karta', 'uppgifter']) {
      await page.goBack();
      await page.waitForURL(`**/ansokan/${step}`);
    }
    await page.getByLabel('Ridge height (metres)').fill('3,8');
    await page.getByLabel('When do you want to start building?').fill('2027-06-01');
    await page.getByLabel('Email', { exact: true }).fill('anna@example.se');
    // Kept for her next application, because she asks for it.
    await page.getByLabel('Remember my contact details for my next application').check();
    await shoot(page, shots, 'details-remember-contact');
    await expectAccessible(page, 'details (English)');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('link', { name: /^Situationsplan Kjellstavik Eken 1:23\.pdf$/ }).waitFor();
    // What the rules still miss, in the applicant's language.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Attach a floor plan.').waitFor();
    await page.getByLabel('Choose a file for floor plan').setInputFiles(pdf('Floor plan'));
    await page.getByRole('link', { name: 'Floor plan.pdf' }).waitFor();
    await page.getByLabel('Choose a file for elevation drawing').setInputFiles(pdf('Elevations'));
    await page.getByRole('link', { name: 'Elevations.pdf' }).waitFor();
    await expectAccessible(page, 'attachments (English)');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Do you need a permit?' }).waitFor();
    await page
      .getByText(
        /^If you send the application today, the municipality must decide by \d+ \w+ \d{4}, provided it is complete\.$/,
      )
      .waitFor();
    await expectAccessible(page, 'review (English)');
    await shoot(page, shots, 'review-english');
    await page.getByRole('button', { name: 'Sign and send' }).click();
    await page.getByAltText('QR code for signing with BankID').waitFor();
    await expectAccessible(page, 'signing (English)');
    await approveInTestApp(env.browser, env.server.baseUrl, ANNA);
    await page.locator('.diary-number').waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'receipt (English)');
    // The language is remembered in this browser.
    await page.goto(`${env.server.baseUrl}/mina-arenden`);
    await page.getByRole('button', { name: 'På svenska' }).waitFor();
  });

  it('works at 320 px and at 200 % zoom without sideways scrolling', async () => {
    const { page } = await open(320, 640);
    await page.getByRole('radio', { name: /Kjellstavik Eken 1:23/ }).waitFor();
    expect(await noSideways(page)).toBe(true);
    await expectAccessible(page, 'property step at 320 px');
    await shoot(page, shots, 'wizard-property');
    await page.getByRole('radio', { name: /Kjellstavik Eken 1:23/ }).check();
    await page.getByRole('button', { name: 'Nästa' }).click();
    await page.getByRole('radio', { name: /Carport/ }).check();
    await page.getByRole('button', { name: 'Nästa' }).click();
    await page.getByLabel('Bredd (meter)').fill('4');
    await page.getByLabel('Djup (meter)').fill('5');
    await page.getByRole('button', { name: 'Placera byggnaden' }).click();
    await page.getByRole('heading', { name: 'Behöver du bygglov?' }).waitFor();
    expect(await noSideways(page)).toBe(true);
    await expectAccessible(page, 'map step at 320 px');
    await shoot(page, shots, 'wizard-map');
    // Mina ärenden lists the started application; "Fortsätt" opens it where it was left.
    // The drawing reaches the server by itself, a moment after the last change.
    await expect
      .poll(
        async () =>
          (
            (await (await page.request.get(`${env.server.baseUrl}/api/drafts`)).json()) as {
              data: { footprints?: unknown[] };
            }[]
          )[0]?.data.footprints?.length,
        { timeout: 10_000 },
      )
      .toBe(1);
    await page.goto(`${env.server.baseUrl}/mina-arenden`);
    await page.getByRole('heading', { name: 'Påbörjade ansökningar' }).waitFor();
    await expectAccessible(page, 'Mina ärenden with a draft at 320 px');
    await page
      .getByRole('link', { name: /Fortsätt/ })
      .first()
      .click();
    await page.waitForURL('**/ansokan/karta');
    await page.getByRole('heading', { name: 'Behöver du bygglov?' }).waitFor();
    // 200 % zoom of a 1280 px window lays the page out at 640 CSS pixels, twice as large.
    const zoomed = await env.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
    const z = await zoomed.newPage();
    await z.goto(env.server.baseUrl);
    await z.getByRole('heading', { level: 1 }).waitFor();
    expect(await noSideways(z)).toBe(true);
    await shoot(z, shots, 'start-zoom200');
  });

  it('tells the applicant, back at the draft, that an interrupted signature sent nothing, and offers to sign again', async () => {
    const context = await env.newContext({ viewport: { width: 1280, height: 900 } });
    let page = await context.newPage();
    await page.goto(`${env.server.baseUrl}/logga-in?next=%2Fansokan%3Fny`);
    await uiLogin(page, env.browser, env.server.baseUrl, ANNA);
    await outbuildingToSigning(page, 'anna@example.se');
    await page.getByAltText('QR-kod för underskrift med BankID').waitFor();
    // The tab is closed while BankID waits; the order then ends in the app without this page seeing it.
    await page.close();
    const app = await env.newContext();
    const phone = await app.newPage();
    await phone.goto(`${env.server.baseUrl}/bankid-sim/app`);
    await phone.getByRole('region').first().getByRole('button', { name: 'Avbryt' }).click();
    await app.close();
    // Back at the draft in the same browser: what happened, that nothing was sent, and a way on. It is said once
    // (the browser forgets the order once its end is known), so both widths are looked at on the one page.
    page = await context.newPage();
    await page.goto(`${env.server.baseUrl}/ansokan`);
    await page
      .getByText(/Underskriften av din ansökan blev inte klar, så ingenting har skickats/)
      .waitFor({ timeout: 15_000 });
    for (const [width, height] of [
      [1280, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.getByRole('button', { name: 'Skriv under igen' }).waitFor();
      await expectAccessible(page, `interrupted signature (${width})`);
      await shoot(page, shots, `sign-interrupted-${width}`);
    }
    await page.getByRole('button', { name: 'Skriv under igen' }).click();
    await page.getByAltText('QR-kod för underskrift med BankID').waitFor();
    // Ended here, so Anna's next signature (the next test) is not refused as one already in progress.
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await context.close();
  });
  it('on a phone, signing leads with BankID on this device and keeps the QR code for another device', async () => {
    const context = await env.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${env.server.baseUrl}/logga-in?next=%2Fansokan%3Fny`);
    await uiLoginOnThisDevice(page, env.browser, env.server.baseUrl, ANNA);
    await outbuildingToSigning(page);
    await page.getByRole('link', { name: 'Öppna BankID på den här enheten' }).waitFor();
    // On a phone the app on this device comes first; the QR code waits behind a question, shown when asked for.
    const openHere = page.getByRole('link', { name: 'Öppna BankID på den här enheten' });
    expect(await openHere.getAttribute('class')).toContain('button--primary');
    expect(await page.getByAltText('QR-kod för underskrift med BankID').isVisible()).toBe(false);
    await expectAccessible(page, 'signing on a phone');
    await shoot(page, shots, 'sign-phone');
    await page.getByText('Har du BankID på en annan enhet? Visa QR-koden').click();
    await page.getByAltText('QR-kod för underskrift med BankID').waitFor();
    await expectAccessible(page, 'signing on a phone, QR code shown');
    await shoot(page, shots, 'sign-phone-qr');
    // Nothing is sent: the order ends here, and Anna's next signature elsewhere is not refused as in progress.
    await page.getByRole('button', { name: 'Avbryt' }).click();

    // A draft she no longer wants goes, after one more question that says what goes with it.
    await page.goto(`${env.server.baseUrl}/mina-arenden`);
    const cards = page.locator('section[aria-labelledby="drafts-title"] .case-card');
    await cards.first().waitFor();
    const before = await cards.count();
    await cards
      .first()
      .getByRole('button', { name: /^Ta bort/ })
      .click();
    await page.getByText(/^Vill du ta bort utkastet\?/).waitFor();
    // Focus moves to the question on the next frame (DraftCard): wait for it rather than read it once.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/^Vill du ta bort utkastet/);
    await expectAccessible(page, 'deleting a draft (phone)');
    await shoot(page, shots, 'draft-delete-phone');
    await page.getByRole('button', { name: 'Ja, ta bort utkastet' }).click();
    await expect.poll(() => cards.count()).toBe(before - 1);
    await context.close();
  });
});
