import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  apiLogin,
  approveInTestApp,
  expectAccessible,
  hasBrowser,
  repoRoot,
  shoot,
  useServerAndBrowser,
} from './support';

// "Vad vill du göra?" (issue #23): the measures beyond buildings, answered from the dated rule tables, in Chromium.
// Anna Lindqvist owns Eken 1:23 (in a plan), Gustav Berg Strandängen 4:1 (outside any plan), Eva Svensson
// Gamla 7:1 in Gamla Kjellstavik's protected row (q).

const docShots = path.join(repoRoot, 'docs/screenshots');
const ANNA = '198202029289';
const GUSTAV = '193502234796';
const EVA = '199105042387';
const ANNA_IDENTITY = 'Anna Lindqvist (19820202-9289)';

describe.skipIf(!hasBrowser)('what do you want to do: measures beyond buildings', () => {
  const env = useServerAndBrowser();

  async function startAs(personnummer: string, width = 1280): Promise<Page> {
    const context = await env.newContext({ viewport: { width, height: 900 } });
    const [name, value] = (await apiLogin(env.server.baseUrl, personnummer)).split('=') as [string, string];
    await context.addCookies([{ name, value, url: env.server.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${env.server.baseUrl}/vad-vill-du-gora`);
    await page.getByRole('heading', { level: 1, name: /Fastighet/ }).waitFor();
    return page;
  }
  const next = (page: Page) => page.getByRole('button', { name: 'Nästa' }).click();
  const heading = (page: Page, name: RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

  /** axe in Swedish and English; screenshots at 390 and 1280 px into docs/screenshots. */
  async function look(page: Page, screen: string, name?: string) {
    await expectAccessible(page, `${screen} (sv)`);
    await page.getByRole('button', { name: 'In English' }).click();
    await page.locator('html[lang="en"]').waitFor();
    await expectAccessible(page, `${screen} (en)`);
    await page.getByRole('button', { name: 'På svenska' }).click();
    await page.locator('html[lang="sv"]').waitFor();
    if (!name) return;
    const width = page.viewportSize()!.width;
    for (const w of [390, 1280]) {
      await page.setViewportSize({ width: w, height: 900 });
      await shoot(page, docShots, name);
    }
    await page.setViewportSize({ width, height: 900 });
  }

  async function choose(page: Page, property: RegExp | null, measure: RegExp) {
    if (property) await page.getByRole('radio', { name: property }).check();
    await next(page);
    await heading(page, /Åtgärd/);
    await page.getByRole('radio', { name: measure }).check();
    await next(page);
  }
  const answer = (page: Page) => page.locator('section[aria-labelledby="mc-answer-heading"]');

  it('a wood stove needs a notification, and the placement step is skipped', async () => {
    const page = await startAs(ANNA);
    await look(page, 'measure check: property', 'measure-check-property');
    await page.getByRole('radio', { name: /Eken 1:23/ }).check();
    await next(page);
    await heading(page, /Steg 2 av 5: Åtgärd/);
    await look(page, 'measure check: picker', 'measure-check-picker');
    await page.getByRole('radio', { name: /Eldstad, kamin eller skorsten/ }).check();
    await next(page);
    // No position to give for a stove: straight to the questions, and one step fewer in all.
    await heading(page, /Steg 3 av 4: Frågor/);
    await next(page);
    await heading(page, /Steg 4 av 4: Svar/);
    await expect.poll(() => answer(page).textContent()).toContain('du ska göra en anmälan');
    expect(await answer(page).textContent()).toContain('eldstad eller rökkanal kräver anmälan');
    expect(await answer(page).textContent()).toContain('PBF 6 kap. 5 §');
    await look(page, 'measure check: answer (notification)', 'measure-check-answer-fireplace');
  });

  it('a plank near the boundary needs nothing with the neighbours’ consent, a permit without', async () => {
    const page = await startAs(ANNA, 390);
    await choose(page, /Eken 1:23/, /^Plank/);
    await heading(page, /Steg 3 av 5: Placering/);
    await page.getByLabel('Hur långt ut från bostadshuset når det? (meter)').fill('3');
    await page.getByLabel('Avstånd till tomtgränsen (meter)').fill('1,5');
    // An unknown distance to the street is never taken as far away (the answer would be the safe side: a permit).
    await page.getByLabel('Avstånd till gata, park eller annan allmän plats (meter)').fill('8');
    await page
      .getByRole('group', { name: /Har alla ägare/ })
      .getByRole('radio', { name: 'Ja' })
      .check();
    await look(page, 'measure check: placement', 'measure-check-placement');
    await next(page);
    await heading(page, /Frågor/);
    await page.getByLabel('Höjd över marken (meter)').fill('1,8');
    await next(page);
    await heading(page, /Svar/);
    const text = await answer(page).textContent();
    expect(text).toContain('Du behöver varken bygglov eller anmälan');
    expect(text).toContain('1,5 m från tomtgränsen');
    expect(text).toContain('skriftligt');
    await look(page, 'measure check: answer (plank with consent)', 'measure-check-answer-plank');
    // Back to the placement: without the consent the same plank needs a permit.
    await page.getByRole('button', { name: 'Tillbaka' }).click();
    await page.getByRole('button', { name: 'Tillbaka' }).click();
    await heading(page, /Placering/);
    await page
      .getByRole('group', { name: /Har alla ägare/ })
      .getByRole('radio', { name: 'Nej' })
      .check();
    await next(page);
    await next(page);
    await heading(page, /Svar/);
    expect(await answer(page).textContent()).toContain('Du behöver söka bygglov.');
    expect(await answer(page).textContent()).toContain('om inte alla ägare till grannfastigheten medger det');
  });

  it('a house outside a plan: apply for an outline decision (förhandsbesked)', async () => {
    const page = await startAs(GUSTAV);
    await choose(page, null, /förhandsbesked/);
    await heading(page, /Frågor/);
    await next(page);
    await heading(page, /Svar/);
    const text = await answer(page).textContent();
    expect(text).toContain('Sök förhandsbesked');
    expect(text).toContain('lokaliseringsprövning');
    expect(text).toContain('PBL 9 kap. 17 §');
    await look(page, 'measure check: answer (förhandsbesked)', 'measure-check-answer-outline');
  });

  it('demolishing a building inside a plan needs a demolition permit', async () => {
    const page = await startAs(ANNA);
    await choose(page, /Eken 1:23/, /Riva en byggnad/);
    await heading(page, /Frågor/);
    await page.getByRole('radio', { name: /En komplementbyggnad/ }).check();
    await next(page);
    await heading(page, /Svar/);
    const text = await answer(page).textContent();
    expect(text).toContain('Du behöver söka rivningslov.');
    expect(text).toContain('Situationsplan');
    await look(page, 'measure check: answer (rivningslov)');
  });

  it('a facade change needs a permit in the protected row, and nothing on a villa outside it', async () => {
    const protectedRow = await startAs(EVA);
    await choose(protectedRow, null, /Ändra fasad/);
    await heading(protectedRow, /Frågor/);
    await protectedRow
      .getByRole('group', { name: /karaktär/ })
      .getByRole('radio', { name: 'Ja' })
      .check();
    await protectedRow
      .getByRole('group', { name: /en- eller tvåbostadshus/ })
      .getByRole('radio', { name: 'Ja' })
      .check();
    await next(protectedRow);
    await heading(protectedRow, /Svar/);
    expect(await answer(protectedRow).textContent()).toContain('Du behöver söka bygglov.');
    expect(await answer(protectedRow).textContent()).toContain('skyddsbestämmelser');
    await look(protectedRow, 'measure check: answer (facade, protected)', 'measure-check-answer-facade-protected');

    const villa = await startAs(ANNA);
    await choose(villa, /Eken 1:23/, /Ändra fasad/);
    await heading(villa, /Frågor/);
    await villa
      .getByRole('group', { name: /karaktär/ })
      .getByRole('radio', { name: 'Ja' })
      .check();
    await villa
      .getByRole('group', { name: /en- eller tvåbostadshus/ })
      .getByRole('radio', { name: 'Ja' })
      .check();
    await next(villa);
    await heading(villa, /Svar/);
    expect(await answer(villa).textContent()).toContain('Du behöver varken bygglov eller anmälan');
    expect(await answer(villa).textContent()).toContain('Sedan 1 december 2025');
  });

  it('a low plank drawn on the map: the distances are measured, the answer saved and signed with BankID', async () => {
    const page = await startAs(ANNA);
    await choose(page, /Eken 1:23/, /^Plank/);
    await heading(page, /Steg 3 av 5: Placering/);
    const measured = page.locator('.measure-draw__measured');
    await expect.poll(() => measured.textContent()).toBe('Inget är ritat ännu.');
    await page.getByRole('button', { name: 'Rita linje' }).click();
    const map = page.locator('.map--measure');
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.click(cx + 40, cy - 40);
    await page.mouse.dblclick(cx + 40, cy + 20);
    await expect.poll(() => measured.textContent()).toMatch(/^Uppmätt från ritningen: \d+(,\d+)? m till tomtgränsen\./);
    expect(await page.locator('path.measure-drawing').count()).toBe(1);
    await look(page, 'measure check: plank drawn', 'measure-check-plank-drawn');
    await next(page);
    await heading(page, /Frågor/);
    // Below 1,1 m a fence is not a plank: nothing is needed wherever it stands.
    await page.getByLabel('Höjd över marken (meter)').fill('1');
    await next(page);
    await heading(page, /Svar/);
    expect(await answer(page).textContent()).toContain('Du behöver varken bygglov eller anmälan');
    await page.getByRole('button', { name: 'Spara svaret' }).click();
    await page.getByText('Svaret är sparat. Det räknas inte i tomtens pott.').waitFor();
    await page.getByRole('button', { name: 'Skriv under svaret med BankID' }).click();
    await page.getByAltText('QR-kod för underskrift med BankID').waitFor();
    await approveInTestApp(env.browser, env.server.baseUrl, ANNA_IDENTITY);
    const signed = page.locator('.ledger__signature');
    await signed.getByText(/Underskrivet med BankID av .+ den \d+ \w+ 20\d\d\./).waitFor({ timeout: 15_000 });
    expect(await signed.textContent()).toContain('Kontrollsumman stämmer med det sparade svaret.');
    await signed.scrollIntoViewIfNeeded();
    await look(page, 'measure check: plank answer saved and signed', 'measure-check-plank-signed');
  });

  it('an altan drawn as an area: measured from the drawing, judged, and the answer saved with it', async () => {
    const page = await startAs(ANNA);
    await choose(page, /Eken 1:23/, /^Altan eller uteplats/);
    await heading(page, /Steg 3 av 5: Placering/);
    await page.getByRole('heading', { name: 'Rita altanen eller uteplatsen' }).waitFor();
    const measured = page.locator('.measure-draw__measured');
    await expect.poll(() => measured.textContent()).toBe('Inget är ritat ännu.');
    await page.getByRole('button', { name: 'Rita yta' }).click();
    const map = page.locator('.map--measure');
    await map.scrollIntoViewIfNeeded();
    const box = (await map.boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.click(cx + 30, cy + 30);
    await page.mouse.click(cx + 90, cy + 30);
    await page.mouse.click(cx + 90, cy + 70);
    await page.mouse.dblclick(cx + 30, cy + 70);
    await expect.poll(() => measured.textContent()).toMatch(/^Uppmätt från ritningen: \d+(,\d+)? m till tomtgränsen\./);
    // One area on the map, four corners and the ring closed.
    expect(await page.locator('path.measure-drawing').count()).toBe(1);
    expect((await page.locator('path.measure-drawing').getAttribute('d'))!.match(/L/g)).toHaveLength(3);
    await look(page, 'measure check: altan drawn', 'measure-check-altan-drawn');
    await next(page);
    await heading(page, /Frågor/);
    await page.getByLabel('Höjd över marken (meter)').fill('0,5');
    await next(page);
    await heading(page, /Svar/);
    expect(await answer(page).textContent()).toContain('Du behöver varken bygglov eller anmälan');
    expect(await answer(page).textContent()).toContain('Altanen är 0,5 m över marken');
    await page.getByRole('button', { name: 'Spara svaret' }).click();
    await page.getByText('Svaret är sparat. Det räknas inte i tomtens pott.').waitFor();
  });
});
