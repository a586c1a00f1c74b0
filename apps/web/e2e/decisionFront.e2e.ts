import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CaseDetailSchema } from '@lovisa/domain';
import {
  apiLogin,
  EKEN_1_23,
  EKEN_1_23_GARAGE,
  expectAccessible,
  hasBrowser,
  repoRoot,
  shoot,
  submitSignedBuilding,
  useServerAndBrowser,
} from './support';

/**
 * Issue #18, item 4: the decision front and centre in Mina ärenden. Anna Lindqvist, applying for the first time,
 * gets her garage permit; on her phone (390 × 844) the case opens on the outcome and on what she may do, above
 * the fold, with the PDF one tap away. A refused application says no, and says nothing of a startbesked.
 */
const docShots = path.join(repoRoot, 'docs/screenshots');
const ANNA = '198202029289';
const OSKAR = '198306219299';
const BJORKEN_2_6 = '8b1d4f60-2c3e-4a5b-8c7d-1e2f3a4b5c06';
const START_SENTENCE =
  'Du får börja bygga först när du fått startbesked och tidigast fyra veckor efter att beslutet kungjorts.';

describe.skipIf(!hasBrowser)('the decision first in Mina ärenden, on a phone', () => {
  const env = useServerAndBrowser();

  async function decide(caseId: string, outcome: 'approved' | 'refused', reason: string) {
    const base = env.server.baseUrl;
    const oskar = await apiLogin(base, OSKAR);
    const read = CaseDetailSchema.parse(
      await (await fetch(`${base}/api/officer/cases/${caseId}`, { headers: { cookie: oskar } })).json(),
    );
    const res = await fetch(`${base}/api/officer/cases/${caseId}/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: oskar },
      body: JSON.stringify({ version: read.version, outcome, reason }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }

  async function phone(session: string): Promise<Page> {
    const context = await env.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const [name, value] = session.split('=') as [string, string];
    await context.addCookies([{ name, value, url: env.server.baseUrl }]);
    return context.newPage();
  }

  /** axe in Swedish and English; screenshots at 390 and 1280 px into docs/screenshots. */
  async function look(page: Page, screen: string, name: string) {
    await expectAccessible(page, `${screen} (sv)`);
    await page.getByRole('button', { name: 'In English' }).click();
    await page.locator('html[lang="en"]').waitFor();
    await expectAccessible(page, `${screen} (en)`);
    await page.getByRole('button', { name: 'På svenska' }).click();
    await page.locator('html[lang="sv"]').waitFor();
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 844 });
      await shoot(page, docShots, name);
    }
    await page.setViewportSize({ width: 390, height: 844 });
  }

  it('a granted permit: outcome, may I start (above the fold), legal force, validity and the PDF', async () => {
    const base = env.server.baseUrl;
    const anna = await apiLogin(base, ANNA);
    const created = await submitSignedBuilding(base, anna, ANNA, {
      propertyId: EKEN_1_23,
      ring: EKEN_1_23_GARAGE,
      description: 'Garage i trä med sadeltak.',
      ridgeHeightM: 3.8,
    });
    await decide(created.id, 'approved', 'Åtgärden följer detaljplanen.');

    const page = await phone(anna);
    await page.goto(`${base}/mina-arenden`);
    await page.getByRole('link', { name: new RegExp(created.diaryNumber) }).click();
    const front = page.getByRole('region', { name: /Beslutet: Bygglov beviljat/ });
    await front.waitFor();
    await front.getByRole('heading', { name: /Bygglov beviljat/ }).waitFor();
    const sentence = front.getByText(START_SENTENCE);
    // Above the fold: the whole sentence inside the first 844 px, without scrolling.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const bottom = await sentence.evaluate((el) => el.getBoundingClientRect().bottom);
    expect(bottom).toBeLessThanOrEqual(844);
    // The PDF one tap away, and also above the fold.
    const pdf = front.getByRole('link', { name: 'Ladda ner beslutet (PDF)' });
    expect(await pdf.evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThanOrEqual(844);
    const bytes = await (await page.request.get(`${base}${await pdf.getAttribute('href')}`)).body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // Legal force, validity and the last day to appeal, each as a date.
    const text = (await front.textContent())!;
    expect(text).toMatch(/När vinner beslutet laga kraft\?(\d{1,2} \w+ \d{4}, om ingen överklagar det|När alla)/);
    expect(text).toContain('Hur länge gäller det?');
    expect(text).toMatch(/Skicka överklagandet till kommunen senast \d{1,2} \w+ \d{4}/);
    // The receipt PDF: everything sent, from the case page.
    const receipt = page.getByRole('link', { name: 'Ladda ner kvittot (PDF)' });
    const receiptBytes = await (await page.request.get(`${base}${await receipt.getAttribute('href')}`)).body();
    expect(receiptBytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The tracker names the outcome, not just "Beslut fattat".
    await page.locator('.stages__step--done', { hasText: 'Bygglov beviljat' }).waitFor();
    await look(page, 'Mina ärenden, granted permit', 'decision-front-granted');
  });

  it('a refusal: says no, names no startbesked, gives the last day to appeal', async () => {
    const base = env.server.baseUrl;
    const anna = await apiLogin(base, ANNA);
    const created = await submitSignedBuilding(base, anna, ANNA, {
      propertyId: BJORKEN_2_6,
      ring: [
        [620_010, 6_649_972],
        [620_017, 6_649_972],
        [620_017, 6_649_980],
        [620_010, 6_649_980],
        [620_010, 6_649_972],
      ],
      description: 'Förråd i trä med pulpettak.',
      ridgeHeightM: 3.6,
    });
    await decide(created.id, 'refused', 'Förrådet skulle skymma utsikten över sjön för grannarna.');
    const page = await phone(anna);
    await page.goto(`${base}/mina-arenden/${created.id}`);
    const front = page.getByRole('region', { name: /Beslutet: Bygglov avslaget/ });
    const no = front.getByText(/^Nej\. Du får inte bygga det du ansökte om/);
    await no.waitFor();
    expect(await no.evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThanOrEqual(844);
    const text = (await front.textContent())!;
    expect(text).not.toContain('startbesked');
    expect(text).not.toContain('Hur länge gäller det?');
    expect(text).toMatch(/Skicka överklagandet till kommunen senast \d{1,2} \w+ \d{4}/);
    await front.getByRole('link', { name: 'Ladda ner beslutet (PDF)' }).waitFor();
    await look(page, 'Mina ärenden, refused permit', 'decision-front-refused');
  });
});
