import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AfterPermitViewSchema, CaseDetailSchema } from '@lovisa/domain';
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
const ANNA = '198202029289';
const OSKAR = '198306219299';
const BJORKEN_2_6 = '8b1d4f60-2c3e-4a5b-8c7d-1e2f3a4b5c06';

describe.skipIf(!hasBrowser)('after the permit: the phase bar and booking the samråd in Mina ärenden', () => {
  const env = useServerAndBrowser();

  it('shows the steps after a granted permit and books the offered time', async () => {
    const base = env.server.baseUrl;
    const anna = await apiLogin(base, ANNA);
    // A 7 × 8 m shed well inside Björken 2:6: a permit within the plan, no kontrollansvarig.
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
    const oskar = await apiLogin(base, OSKAR);
    const post = async (url: string, body: object) => {
      const res = await fetch(`${base}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: oskar },
        body: JSON.stringify(body),
      });
      expect(res.status, await res.clone().text()).toBe(200);
      return res.json();
    };
    const read = CaseDetailSchema.parse(
      await (await fetch(`${base}/api/officer/cases/${created.id}`, { headers: { cookie: oskar } })).json(),
    );
    const decided = CaseDetailSchema.parse(
      await post(`/api/officer/cases/${created.id}/decision`, {
        version: read.version,
        outcome: 'approved',
        reason: 'Åtgärden följer detaljplanen.',
      }),
    );
    // Two times a month ahead, in winter and in summer time alike shown in Swedish time.
    const inDays = (n: number, hour: string) =>
      `${new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)}T${hour}:00+01:00`;
    const view = AfterPermitViewSchema.parse(
      await post(`/api/officer/cases/${created.id}/after-permit/consultation/slots`, {
        version: decided.version,
        slots: [
          { startsAt: inDays(30, '09:00'), place: 'Stadshuset, sammanträdesrum 1' },
          { startsAt: inDays(31, '13:30'), place: 'Stadshuset, sammanträdesrum 2' },
        ],
      }),
    );
    expect(view.nextActions.map((a) => a.id)).toEqual(['waitForBooking']);

    for (const width of [1280, 390]) {
      const context = await env.newContext({ viewport: { width, height: 900 } });
      const [name, value] = anna.split('=') as [string, string];
      await context.addCookies([{ name, value, url: base }]);
      const page = await context.newPage();
      await page.goto(`${base}/mina-arenden/${created.id}`);
      const section = page.getByRole('region', { name: 'Efter beslutet' });
      await section.waitFor();
      const bar = section.getByRole('list', { name: 'Stegen efter beslutet' });
      expect(await bar.getByRole('listitem').allTextContents()).toEqual([
        'Beslutklart',
        'Tekniskt samrådpågår',
        'Kontrollplankommer',
        'Startbeskedkommer',
        'Byggetkommer',
        'Slutbeskedkommer',
      ]);
      expect(await bar.locator('[aria-current="step"]').textContent()).toContain('Tekniskt samråd');
      await section.getByText('Boka en tid för tekniskt samråd.').waitFor();
      // A permit's lapse dates are the notice panel's; the section does not repeat them.
      expect(await section.getByText(/gäller om arbetet påbörjas senast/).count()).toBe(0);
      await expectAccessible(page, `my case after the permit ${width}`);
      await shoot(page, shots, 'after-permit-my-case');
      await section.screenshot({ path: path.join(shots, `after-permit-section-${width}.png`) });
      if (width === 390) {
        // Sending without a choice says what is missing; then the second time is booked.
        await section.getByRole('button', { name: 'Boka tiden' }).click();
        await section.getByText('Välj en av tiderna.').waitFor();
        await section.getByRole('radio', { name: /sammanträdesrum 2/ }).check();
        await section.getByRole('button', { name: 'Boka tiden' }).click();
        await section.getByText('Tiden är bokad.').waitFor();
        await section.getByText(/Bokad tid för tekniskt samråd: .* 13:30, Stadshuset, sammanträdesrum 2\./).waitFor();
        await section.getByText(/Kom till det tekniska samrådet/).waitFor();
        await expectAccessible(page, 'my case, samråd booked 390');
        await shoot(page, shots, 'after-permit-booked');
        await section.screenshot({ path: path.join(shots, 'after-permit-section-booked-390.png') });
        await page.setViewportSize({ width: 1280, height: 900 });
        await shoot(page, shots, 'after-permit-booked');
      }
      await context.close();
    }
    const officerView = AfterPermitViewSchema.parse(
      await (
        await fetch(`${base}/api/officer/cases/${created.id}/after-permit`, { headers: { cookie: oskar } })
      ).json(),
    );
    expect(officerView.nextActions.map((a) => a.id)).toEqual(['recordMinutes']);
  });
});
