import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseDetailSchema, decisionNotice, ruleSetFor } from '@lovisa/domain';
import { formatDate } from '../src/format';
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

/** Anna's carport on Björken 2:6, submitted through the API and signed in the simulator. */
function submitCarport(base: string, cookie: string): Promise<{ id: string; diaryNumber: string }> {
  // 8 × 7 m inside the first area (35 × 35 m), well away from its boundaries: a permit, within the plan.
  const box = [
    [620_012, 6_649_974],
    [620_020, 6_649_974],
    [620_020, 6_649_981],
    [620_012, 6_649_981],
    [620_012, 6_649_974],
  ];
  return submitSignedBuilding(base, cookie, ANNA, {
    propertyId: BJORKEN_2_6,
    ring: box,
    description: 'Förråd och garage i trä, 56 m².',
    ridgeHeightM: 3.8,
  });
}

describe.skipIf(!hasBrowser)('notice and legal force: decided → on the anslagstavla → the date in Mina ärenden', () => {
  const env = useServerAndBrowser();

  async function page(session: string | null, width: number) {
    const context = await env.newContext({ viewport: { width, height: 800 } });
    if (session) {
      const [name, value] = session.split('=') as [string, string];
      await context.addCookies([{ name, value, url: env.server.baseUrl }]);
    }
    return context.newPage();
  }

  it('the officer grants, the permit is announced publicly, and the applicant sees the legal-force date', async () => {
    const base = env.server.baseUrl;
    const annaSession = await apiLogin(base, ANNA);
    const created = await submitCarport(base, annaSession);

    // The officer grants the permit in the console; the panel shows the announcement and the dates.
    const officer = await page(await apiLogin(base, OSKAR), 1280);
    await officer.goto(`${base}/handlaggare/arenden/${created.id}`);
    await officer.getByRole('radio', { name: 'Bevilja' }).check();
    await officer.getByLabel('Motivering').fill('Åtgärden följer detaljplanen.');
    // Read as the PDF it will be, then made.
    await officer.getByRole('button', { name: 'Förhandsgranska beslutet' }).click();
    await officer.getByRole('button', { name: 'Fatta beslut' }).click();
    await officer.getByText('Beslut fattat: Bygglov beviljat.').waitFor();
    await officer.getByRole('heading', { name: 'Kungörelse och laga kraft' }).waitFor();
    await officer
      .getByText(/Kjellstavik Björken 2:7/)
      .first()
      .waitFor();
    await officer.getByText(/Vinner laga kraft/).waitFor();
    // A sakägare told by letter may still be served: the form opens on demand.
    await officer.locator('.notice-more summary').first().click();
    await expectAccessible(officer, 'officer case, notice panel');
    await shoot(officer, shots, 'notice-officer');
    await officer.setViewportSize({ width: 390, height: 800 });
    await shoot(officer, shots, 'notice-officer');
    // The owner of Björken 2:7 is served today (delgivet): recorded on the case, which says so.
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    await officer.locator('.notice-more summary', { hasText: 'Björken 2:7' }).click();
    await officer.getByLabel(/Delgivet den.*Björken 2:7/).fill(today);
    await officer.getByRole('button', { name: /Registrera delgivning.*Björken 2:7/ }).click();
    await officer.getByText('Delgivningen är registrerad.').waitFor();
    const served = officer.locator('.notice-deliveries li', { hasText: 'Björken 2:7' });
    await expect.poll(() => served.textContent()).toContain(`delgivet ${formatDate(today, 'sv')}`);

    // What the domain computes for the recorded dates is what the applicant is told.
    const mine = CaseDetailSchema.parse(
      await (await fetch(`${base}/api/me/cases/${created.id}`, { headers: { cookie: annaSession } })).json(),
    );
    const n = mine.notice!;
    const expected = decisionNotice(
      { procedure: 'permit', outcome: 'approved', announcement: n.announcement, deliveries: n.deliveries },
      ruleSetFor(mine.clock.received)!,
    );
    expect(expected.legalForceOn).not.toBeNull();
    expect(n.legalForceOn).toBe(expected.legalForceOn);

    // The public anslagstavla, without logging in: the property and the measure, no name.
    for (const width of [390, 1280]) {
      const visitor = await page(null, width);
      await visitor.goto(`${base}/`);
      await visitor.getByRole('link', { name: 'Anslagstavla' }).click();
      await visitor.getByRole('heading', { name: 'Anslagstavla – bygglov' }).waitFor();
      const notice = visitor.getByRole('article', { name: /Björken 2:6/ });
      await notice.waitFor();
      expect(await notice.textContent()).toContain(created.diaryNumber);
      expect(await notice.textContent()).toContain(formatDate(n.announcement!.upUntil, 'sv'));
      expect(await visitor.content()).not.toContain('Lindqvist');
      await expectAccessible(visitor, `anslagstavla ${width}`);
      await shoot(visitor, shots, 'anslagstavla');
    }

    // Mina ärenden: when it gains legal force, when building may start, when the permit lapses.
    for (const width of [390, 1280]) {
      const applicant = await page(annaSession, width);
      await applicant.goto(`${base}/mina-arenden/${created.id}`);
      await applicant
        .getByText(`Beslutet vinner laga kraft den ${formatDate(expected.legalForceOn!, 'sv')} om ingen överklagar.`)
        .waitFor();
      await applicant
        .getByText(`Du får börja bygga tidigast ${formatDate(expected.earliestStart!, 'sv')}`, { exact: false })
        .waitFor();
      await applicant
        .getByText(`avslutats senast ${formatDate(expected.lapses!.finishBy, 'sv')}`, { exact: false })
        .waitFor();
      await expectAccessible(applicant, `my case, legal force ${width}`);
      await shoot(applicant, shots, 'notice-my-case');
    }
  });
});
