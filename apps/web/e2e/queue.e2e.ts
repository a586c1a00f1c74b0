import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  apiLogin,
  submitSignedBuilding,
  expectAccessible,
  hasBrowser,
  repoRoot,
  shoot,
  useServerAndBrowser,
} from './support';

const shots = path.join(repoRoot, '.tmp/screenshots');
const docShots = path.join(repoRoot, 'docs/screenshots');
const ANNA = '198202029289';
const OSKAR = '198306219299';
const EKEN_1_23 = '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e23';
const BJORKEN_2_6 = '8b1d4f60-2c3e-4a5b-8c7d-1e2f3a4b5c06';
/** An 8 × 7 m rectangle from a south-west corner: over the 30 m² exemption, so a permit. */
const box = (x: number, y: number) => [
  [x, y],
  [x + 8, y],
  [x + 8, y + 7],
  [x, y + 7],
  [x, y],
];

/** The officer's queue: sorting, a flag, the URL kept over reload and back, a saved view, the keyboard. */
describe.skipIf(!hasBrowser)('the officer queue: sort, filter, saved views and keyboard', () => {
  const env = useServerAndBrowser();

  async function officerPage(width: number): Promise<Page> {
    const context = await env.newContext({ viewport: { width, height: 900 } });
    const [name, value] = (await apiLogin(env.server.baseUrl, OSKAR)).split('=') as [string, string];
    await context.addCookies([{ name, value, url: env.server.baseUrl }]);
    return context.newPage();
  }
  const diaryNumbers = (page: Page) => page.locator('tbody a[data-case-link]').allTextContents();
  const ariaSort = (page: Page, column: string) =>
    page.getByRole('columnheader', { name: column }).getAttribute('aria-sort');

  it('sorts by a column, filters by a flag, keeps both in the URL, saves the view and moves by keyboard', async () => {
    const base = env.server.baseUrl;
    const anna = await apiLogin(base, ANNA);
    const eken = await submitSignedBuilding(base, anna, ANNA, {
      propertyId: EKEN_1_23,
      ring: box(620_071, 6_650_019),
      description: 'Dubbelgarage i trä med sadeltak, 56 m².',
      ridgeHeightM: 3.8,
    });
    const bjorken = await submitSignedBuilding(base, anna, ANNA, {
      propertyId: BJORKEN_2_6,
      ring: box(620_012, 6_649_974),
      description: 'Förråd och garage i trä, 56 m².',
      ridgeHeightM: 3.8,
    });

    const page = await officerPage(1280);
    await page.goto(`${base}/handlaggare`);
    await page.getByRole('link', { name: bjorken.diaryNumber }).waitFor();
    // The default order, days left, says so to assistive technology; the other sortable columns say none.
    expect(await ariaSort(page, 'Dagar kvar')).toBe('ascending');
    expect(await ariaSort(page, 'Fastighet')).toBe('none');
    expect(await page.getByText(/Ej tilldelad/).count()).toBeGreaterThan(0);
    await page.getByText('Tangentbord: gå till tabellen med Tab').waitFor();

    // Sort by property: Björken before Eken; the same header again turns the order around.
    await page.getByRole('button', { name: /^Fastighet/ }).click();
    await expect.poll(() => ariaSort(page, 'Fastighet')).toBe('ascending');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('designation');
    await expect.poll(() => diaryNumbers(page)).toEqual([bjorken.diaryNumber, eken.diaryNumber]);
    await page.getByRole('button', { name: /^Fastighet/ }).click();
    await expect.poll(() => ariaSort(page, 'Fastighet')).toBe('descending');
    await expect.poll(() => diaryNumbers(page)).toEqual([eken.diaryNumber, bjorken.diaryNumber]);
    expect(await page.getByRole('table').locator('caption').textContent()).toMatch(
      /sorterade efter fastighet, fallande/,
    );

    // A flag nobody has yet: an unread completion. The queue says none match, and the URL holds the flag.
    await page.getByLabel('Flagga').selectOption('completionUnread');
    await page.getByText('Inga ärenden matchar.').waitFor();
    expect(new URL(page.url()).searchParams.get('flag')).toBe('completionUnread');
    await page.getByLabel('Flagga').selectOption('');
    await page.getByRole('link', { name: eken.diaryNumber }).waitFor();

    // Reload: the same view, from the URL alone.
    await page.reload();
    await page.getByRole('link', { name: eken.diaryNumber }).waitFor();
    expect(await ariaSort(page, 'Fastighet')).toBe('descending');
    expect(await page.getByLabel('Sortera efter').inputValue()).toBe('designation');
    expect(await page.getByLabel('Ordning').inputValue()).toBe('desc');
    await expect.poll(() => diaryNumbers(page)).toEqual([eken.diaryNumber, bjorken.diaryNumber]);

    // Save it (the form opens on demand); a nameless save is refused beside the field first.
    await page.getByText('Spara den här vyn').click();
    await page.getByRole('button', { name: 'Spara vyn' }).click();
    await page.getByText('Ge vyn ett namn.').waitFor();
    await page.getByLabel('Spara nuvarande vy som').fill('Fastigheter Ö–A');
    await page.getByRole('button', { name: 'Spara vyn' }).click();
    await page.getByText('Vyn Fastigheter Ö–A är sparad.').waitFor();
    const saved = page.getByRole('link', { name: 'Fastigheter Ö–A' });
    await expect.poll(() => saved.getAttribute('aria-current')).toBe('page');
    await expectAccessible(page, 'queue with a saved view');
    await shoot(page, shots, 'officer-queue-views');
    await shoot(page, docShots, 'officer-queue-views');

    // Back to the default queue by the sort select; back again with the browser's back button.
    await page.getByLabel('Sortera efter').selectOption('daysLeft');
    await page.getByLabel('Ordning').selectOption('asc');
    await expect.poll(() => ariaSort(page, 'Dagar kvar')).toBe('ascending');
    expect(await saved.getAttribute('aria-current')).toBeNull();
    await page.goBack();
    await expect.poll(() => ariaSort(page, 'Dagar kvar')).toBe('descending');
    await page.goBack();
    await expect.poll(() => ariaSort(page, 'Fastighet')).toBe('descending');
    // The saved view opens its address.
    await page.goto(`${base}/handlaggare`);
    await page.getByRole('link', { name: 'Fastigheter Ö–A' }).click();
    await expect.poll(() => ariaSort(page, 'Fastighet')).toBe('descending');
    expect(new URL(page.url()).search).toBe('?sort=designation&dir=desc');

    // The keyboard: into the table, down and up between the cases (arrows or j/k), Enter opens the focused one.
    await page.locator('.table-wrap').focus();
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await page.keyboard.press('j');
    expect(await focused()).toBe(eken.diaryNumber);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(bjorken.diaryNumber);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(bjorken.diaryNumber);
    await page.keyboard.press('k');
    expect(await focused()).toBe(eken.diaryNumber);
    await page.keyboard.press('End');
    expect(await focused()).toBe(bjorken.diaryNumber);
    // The focused row shows it (a yellow outline), not only the link.
    const outline = await page
      .locator('tbody tr', { hasText: bjorken.diaryNumber })
      .evaluate((tr) => getComputedStyle(tr).outlineStyle);
    expect(outline).toBe('solid');
    await shoot(page, shots, 'officer-queue-keyboard');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/handlaggare/arenden/${bjorken.id}`);

    // The phone: the same queue, the order chosen by the selects (the header row is hidden there).
    const phone = await officerPage(390);
    await phone.goto(`${base}/handlaggare?sort=received&dir=desc`);
    await phone.getByRole('link', { name: bjorken.diaryNumber }).waitFor();
    await expect.poll(() => diaryNumbers(phone)).toEqual([bjorken.diaryNumber, eken.diaryNumber]);
    expect(await phone.getByLabel('Sortera efter').inputValue()).toBe('received');
    await expectAccessible(phone, 'queue (phone)');
    await shoot(phone, shots, 'officer-queue-views');
    await shoot(phone, docShots, 'officer-queue-views');

    // The view is deleted by its own button.
    await phone.getByRole('button', { name: 'Ta bort vyn Fastigheter Ö–A' }).click();
    await phone.getByText('Vyn Fastigheter Ö–A är borttagen.').waitFor();
    await expect.poll(() => phone.getByRole('link', { name: 'Fastigheter Ö–A' }).count()).toBe(0);
  });
});
