import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, repoRoot, shoot, uiLogin, useServerAndBrowser } from './support';

/**
 * Issue #18, item 7: each required drawing says what it must show, its scale, an example picture and the common
 * mistakes; the file inputs are designed drop zones that take a file by drag and drop as well as by choosing.
 * Lars Holmberg's new house needs every drawing; on a phone (390 × 844).
 */
const docShots = path.join(repoRoot, 'docs/screenshots');

describe.skipIf(!hasBrowser)('drawing guidance and drop zones in the attachments step', () => {
  const env = useServerAndBrowser();
  const next = (page: Page) => page.getByRole('button', { name: 'Nästa' }).click();

  it('guides each drawing and takes a dropped file', async () => {
    const context = await env.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${env.server.baseUrl}/logga-in?next=%2Fansokan`);
    await uiLogin(page, env.browser, env.server.baseUrl, 'Lars Holmberg (19500228-1839)');
    await page.getByText(/^Hej /).waitFor({ timeout: 15_000 });
    await page.getByRole('radio', { name: /Kjellstavik Eken 1:21/ }).check();
    await next(page);
    await page.getByRole('radio', { name: /Nytt bostadshus/ }).check();
    await next(page);
    await page.getByLabel('Bredd (meter)').fill('10');
    await page.getByLabel('Djup (meter)').fill('8');
    await page.getByRole('button', { name: 'Placera byggnaden' }).click();
    await page.getByRole('heading', { name: 'Behöver du bygglov?' }).waitFor();
    await next(page);
    await page.getByLabel('Beskriv vad du vill bygga').fill('Enplanshus i trä med sadeltak, 80 m².');
    await page.getByLabel('Nockhöjd (meter)').fill('6,5');
    await page.getByLabel('När vill du börja bygga?').fill('2027-05-03');
    await page.getByLabel('E-post', { exact: true }).fill('lars@example.se');
    await page.getByLabel('Kontrollansvarigs namn').fill('Kim Kontroll');
    await page.getByLabel('Certifieringsnummer').fill('SC0123-45');
    await page.getByLabel('Kontrollansvarigs e-post eller telefon').fill('kim@example.se');
    await next(page);
    await page.getByRole('link', { name: 'Situationsplan Kjellstavik Eken 1:21.pdf' }).waitFor();

    // Every required drawing has its guide: scale, what it must show, mistakes, an example picture.
    for (const what of ['situationsplan', 'planritning', 'fasadritning', 'sektionsritning'])
      await page.getByText(`Så ska ${what} se ut`).waitFor();
    await page.getByText('Så ska planritning se ut').click();
    const guide = page.locator('details[open].drawing-guide');
    await guide.getByText('Skala: 1:100 (eller 1:50). Skriv skalan på ritningen.').waitFor();
    await guide.getByRole('heading', { name: 'Vanliga misstag' }).waitFor();
    await guide.getByRole('img', { name: /Exempel på planritning/ }).waitFor();

    // A file dropped on the planritning's zone is uploaded as if chosen.
    const zone = page.locator('.dropzone', { has: page.getByLabel('Välj fil för planritning') });
    const transfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(
        new File(['%PDF-1.7\n1 0 obj << /Type /Catalog /Title (Plan) >> endobj\n%%EOF\n'], 'Plan släppt.pdf', {
          type: 'application/pdf',
        }),
      );
      return dt;
    });
    await zone.dispatchEvent('dragover', { dataTransfer: transfer });
    await zone.getByText('Släpp filen för att bifoga den').waitFor();
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByRole('link', { name: 'Plan släppt.pdf' }).waitFor();
    // Choosing still works the ordinary way, through the labelled input.
    await page.getByLabel('Välj fil för fasadritning').setInputFiles({
      name: 'Fasad.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Title (Fasad) >> endobj\n%%EOF\n'),
    });
    await page.getByRole('link', { name: 'Fasad.pdf' }).waitFor();

    await page.getByText('Så ska situationsplan se ut').click();
    await expectAccessible(page, 'attachments with guides (sv)');
    await page.getByRole('button', { name: 'In English' }).click();
    await page.locator('html[lang="en"]').waitFor();
    await page.getByText('What the floor plan must show').waitFor();
    await expectAccessible(page, 'attachments with guides (en)');
    await page.getByRole('button', { name: 'På svenska' }).click();
    await page.locator('html[lang="sv"]').waitFor();
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 844 });
      await shoot(page, docShots, 'attachments-guide');
    }
    expect(await page.locator('.drawing-example').count()).toBeGreaterThanOrEqual(2);
  });
});
