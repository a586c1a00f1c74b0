import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, stockholmDate } from '@lovisa/domain';
import {
  apiLogin,
  expectAccessible,
  hasBrowser,
  repoRoot,
  shoot,
  submitSignedBuilding,
  useServerAndBrowser,
} from './support';

const shots = path.join(repoRoot, 'docs/screenshots');
const ANNA = '198202029289';
const OSKAR = '198306219299';
const BJORKEN_2_6 = '8b1d4f60-2c3e-4a5b-8c7d-1e2f3a4b5c06';

describe.skipIf(!hasBrowser)('statistics: the page, its period in the address, the CSV', () => {
  const env = useServerAndBrowser();

  it('shows a decision of today in the charts and tables, narrows by date, and downloads the CSV', async () => {
    const base = env.server.baseUrl;
    const anna = await apiLogin(base, ANNA);
    const created = await submitSignedBuilding(base, anna, ANNA, {
      propertyId: BJORKEN_2_6,
      ring: [
        [620_012, 6_649_974],
        [620_020, 6_649_974],
        [620_020, 6_649_981],
        [620_012, 6_649_981],
        [620_012, 6_649_974],
      ],
      description: 'Förråd och garage i trä, 56 m².',
      ridgeHeightM: 3.8,
    });
    const oskar = await apiLogin(base, OSKAR);
    const json = { 'content-type': 'application/json', cookie: oskar };
    const { version } = (await (
      await fetch(`${base}/api/officer/cases/${created.id}`, { headers: { cookie: oskar } })
    ).json()) as { version: number };
    const decided = await fetch(`${base}/api/officer/cases/${created.id}/decision`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ version, outcome: 'approved', reason: 'Följer detaljplanen.' }),
    });
    expect(decided.status).toBe(200);

    const context = await env.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const [name, value] = oskar.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    const page = await context.newPage();
    await page.goto(`${base}/handlaggare`);
    await page.getByRole('link', { name: 'Statistik' }).click();
    await page.getByRole('heading', { name: 'Statistik', level: 1 }).waitFor();

    // The year so far by default: today's decision is the one decided permit, in time, in 0 days.
    const today = stockholmDate(new Date());
    const handling = page.getByRole('table', { name: 'Handläggningstid per ärendeslag och grupp' });
    const allTeams = handling.getByRole('row', { name: /Bygglov Alla grupper/ });
    await allTeams.waitFor();
    expect((await allTeams.getByRole('cell').allTextContents()).slice(0, 4)).toEqual(['Alla grupper', '1', '0', '0']);
    await expectAccessible(page, 'statistics 1280');
    await shoot(page, shots, 'statistics');
    await page.setViewportSize({ width: 390, height: 900 });
    // Nothing wider than a phone: wide tables scroll in their own region, not the page.
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => !e.closest('.table-scroll > *'))
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
        .slice(0, 8),
    );
    expect(wide).toEqual([]);
    await expectAccessible(page, 'statistics 390');
    await shoot(page, shots, 'statistics');
    await page.setViewportSize({ width: 1280, height: 900 });

    // A period before today: nothing decided. The period is in the address, so it survives a reload.
    await page.getByLabel('Från och med').fill('2025-01-01');
    await page.getByLabel('Till och med').fill('2025-12-31');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.getByText('Visar 2025-01-01 – 2025-12-31.').waitFor();
    expect(new URL(page.url()).search).toBe('?from=2025-01-01&to=2025-12-31');
    await page.reload();
    await page.getByText('Visar 2025-01-01 – 2025-12-31.').waitFor();
    expect(await page.getByText('Inga ärenden under perioden.').count()).toBe(2);

    // A backwards period is refused in the form, in Swedish, and the address stays.
    await page.getByLabel('Till och med').fill('2024-01-01');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.getByRole('alert').getByText('Slutdatum kan inte ligga före startdatum.').waitFor();
    expect(new URL(page.url()).search).toBe('?from=2025-01-01&to=2025-12-31');

    // Back to this year, and the handling table as CSV for Excel.
    await page.getByLabel('Till och med').fill(today);
    await page.getByLabel('Från och med').fill(`${today.slice(0, 4)}-01-01`);
    await page.getByRole('button', { name: 'Visa' }).click();
    await allTeams.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ladda ner handläggningstider (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`lovisa-handlaggningstider-${today.slice(0, 4)}-01-01-${today}.csv`);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Ärendeslag;Grupp;Beslutade ärenden;Varav med löpande tidsfrist;/);
    expect(lines).toContain('Bygglov;Alla grupper;1;1;0;0;1;1;0;0;0;0;');
  });
});
