import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  apiLogin,
  approveInTestApp,
  expectAccessible,
  hasBrowser,
  lookAtScreen,
  repoRoot,
  submitSignedBuilding,
  uiLogin,
  useServerAndBrowser,
} from './support';

// Issue #20, who applies: Maria and Per Eriksson co-own Kjellstavik Eken 1:22 (½ each).
const shots = path.join(repoRoot, 'docs/screenshots');
const MARIA = '196411193086';
const OSKAR = '198306219299';
const PER_IDENTITY = 'Per Eriksson (19450912-3412)';
const EKEN_1_22 = '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e22';
// 8 × 7 m in the middle of Eken 1:22: over the 30 m² exemption, so a permit, within the plan.
const ring = [
  [620_041, 6_650_019],
  [620_049, 6_650_019],
  [620_049, 6_650_026],
  [620_041, 6_650_026],
  [620_041, 6_650_019],
];

describe.skipIf(!hasBrowser)('co-owners sign the same submission', () => {
  const env = useServerAndBrowser();

  /** axe in Swedish and in English; screenshots at 390 and 1280 px into docs/screenshots. */
  const look = (page: Page, screen: string, name: string) => lookAtScreen(page, screen, shots, name);

  it('Maria applies for Eken 1:22, Per signs by link, the case has both signatures and is in Per’s Mina ärenden', async () => {
    const base = env.server.baseUrl;
    const maria = await apiLogin(base, MARIA);
    const c = await submitSignedBuilding(base, maria, MARIA, {
      propertyId: EKEN_1_22,
      ring,
      description: 'Dubbelgarage i trä med sadeltak.',
      ridgeHeightM: 3.8,
    });

    // Maria's case: one of two owners has signed; she makes Per's signing link.
    const applicant = await env.pageWithSession(maria);
    await applicant.goto(`${base}/mina-arenden/${c.id}`);
    const signatures = applicant.getByRole('region', { name: 'Underskrifter' });
    await signatures.getByText('1 av 2 ägare har skrivit under.', { exact: false }).waitFor();
    await signatures.getByText('Har inte skrivit under än').waitFor();
    await signatures.getByRole('button', { name: 'Skapa underskriftslänk för Per Eriksson' }).click();
    const link = (await applicant.locator('.party-link__url').textContent())!;
    expect(link).toMatch(new RegExp(`^${base}/underskrift/[A-Za-z0-9_-]{32}$`));
    await signatures.scrollIntoViewIfNeeded();
    await look(applicant, 'Maria’s case with Per’s link', 'parties-applicant-link');

    // Per opens the link in a browser of his own, logs in with BankID and sees what Maria signed.
    const per = await (await env.newContext({ viewport: { width: 390, height: 900 } })).newPage();
    await per.goto(link);
    await per.waitForURL('**/logga-in**');
    await uiLogin(per, env.browser, base, PER_IDENTITY);
    await per.waitForURL('**/underskrift/**', { timeout: 15_000 });
    await per.getByRole('heading', { level: 1, name: 'Skriv under som delägare' }).waitFor();
    await per.getByText(/Maria Eriksson har ansökt om lov för Kjellstavik Eken 1:22/).waitFor();
    expect(await per.locator('.facts').textContent()).toContain(c.diaryNumber);
    expect(await per.locator('blockquote').textContent()).toContain('Som delägare till fastigheten skriver jag under');
    expect(await per.content()).not.toContain(MARIA.slice(2, 8));
    await look(per, 'co-owner’s signing page', 'parties-sign-page');

    await per.getByRole('button', { name: 'Skriv under med BankID' }).click();
    await per.getByAltText('QR-kod för underskrift med BankID').waitFor();
    await expectAccessible(per, 'co-owner signing');
    await approveInTestApp(env.browser, base, PER_IDENTITY);
    await per.getByText('Du har skrivit under. Tack!', { exact: false }).waitFor({ timeout: 15_000 });
    await look(per, 'co-owner signed', 'parties-signed');

    // Per follows the case in Mina ärenden, where it now says every owner has signed.
    await per.getByRole('link', { name: 'Gå till ärendet i Mina ärenden' }).click();
    await per.getByRole('heading', { level: 1, name: new RegExp(c.diaryNumber) }).waitFor();
    await per.getByText('Alla ägare har skrivit under ansökan.').waitFor();
    await per.goto(`${base}/mina-arenden`);
    await per.getByText(c.diaryNumber).first().waitFor();
    await look(per, 'Per’s Mina ärenden', 'parties-co-owner-cases');

    // The officer sees the case arrive with both signatures.
    const officer = await env.pageWithSession(await apiLogin(base, OSKAR));
    await officer.goto(`${base}/handlaggare/arenden/${c.id}`);
    const panel = officer.getByRole('region', { name: 'Underskrifter' });
    await panel.getByText('Alla ägare har skrivit under ansökan.').waitFor();
    expect(await panel.getByText(/Har skrivit under med BankID/).count()).toBe(2);
    expect(await panel.textContent()).toContain('Maria Eriksson');
    expect(await panel.textContent()).toContain('Per Eriksson');
    await panel.scrollIntoViewIfNeeded();
    await look(officer, 'officer’s case with the signatures', 'parties-officer');
  });
});
