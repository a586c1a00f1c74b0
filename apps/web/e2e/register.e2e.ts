import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  apiLogin,
  expectAccessible,
  hasBrowser,
  repoRoot,
  shoot,
  submitSignedBuilding,
  useServerAndBrowser,
} from './support';

const shots = path.join(repoRoot, '.tmp/screenshots');
const ANNA = '198202029289';
const BJORKEN_2_6 = '8b1d4f60-2c3e-4a5b-8c7d-1e2f3a4b5c06';

describe.skipIf(!hasBrowser)('the public register: a received application on the map and in the list', () => {
  const env = useServerAndBrowser();

  it('lists the case without login, in Swedish and English, with no name, and passes axe', async () => {
    const base = env.server.baseUrl;
    // Anna's garage on Björken 2:6 (8 × 7 m, well inside the plot), signed in the simulator.
    const created = await submitSignedBuilding(base, await apiLogin(base, ANNA), ANNA, {
      propertyId: BJORKEN_2_6,
      ring: [
        [620_012, 6_649_974],
        [620_020, 6_649_974],
        [620_020, 6_649_981],
        [620_012, 6_649_981],
        [620_012, 6_649_974],
      ],
      description: 'Garage åt Anna Lindqvist, Ekvägen 23.',
      ridgeHeightM: 3.8,
    });

    for (const width of [390, 1280]) {
      const context = await env.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}/`);
      await page.getByRole('link', { name: 'Bygglovsregister' }).click();
      await page.getByRole('heading', { name: 'Bygglovsregistret' }).waitFor();
      const row = page.getByRole('row', { name: /Björken 2:6/ });
      await row.waitFor();
      expect(await row.textContent()).toContain(created.diaryNumber);
      expect(await row.textContent()).toContain('Inkommen – under handläggning');
      await page.getByRole('table', { name: /Ärenden 1–1 av 1/ }).waitFor();
      // The map has drawn the case's dot (a Leaflet path) and the basemap.
      await page.locator('.register-map path.leaflet-interactive').first().waitFor();
      expect(await page.content()).not.toContain('Lindqvist');
      expect(await page.content()).not.toContain('Ekvägen 23');
      await expectAccessible(page, `register sv ${width}`);
      await shoot(page, shots, 'register-sv');

      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('heading', { name: 'The building permit register' }).waitFor();
      await page.getByRole('row', { name: /Björken 2:6.*Received – being handled/ }).waitFor();
      await expectAccessible(page, `register en ${width}`);
      await shoot(page, shots, 'register-en');
      // Back to Swedish for the next width (the choice is remembered per browser context anyway).
      await context.close();
    }
  });

  it('filters by status through the form, and says when nothing matches', async () => {
    const base = env.server.baseUrl;
    const context = await env.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/bygglovsregister`);
    await page.getByRole('row', { name: /Björken 2:6/ }).waitFor();
    await page.getByLabel('Status').selectOption({ label: 'Bygglov beviljat' });
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.getByText('Inga ärenden att visa.').waitFor();
    expect(new URL(page.url()).search).toBe('?status=granted');
    await expectAccessible(page, 'register, nothing found');
  });
});
