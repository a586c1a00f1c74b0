import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  apiLogin,
  approveInTestApp,
  hasBrowser,
  lookAtScreen,
  repoRoot,
  submitSignedBuilding,
  uiLogin,
  useServerAndBrowser,
} from './support';

// Issue #20, organisations: Bostadsrättsföreningen Sjöbris i Kjellstavik owns Sjöbris 1:1 and signs "två i
// förening av ledamöterna" (fixtures/companies.json). Henrik Sjödin (ordförande) applies for the förening;
// Ingemar Ström, ledamot, signs the same version by link; the case lies outside any plan (Landsbygdsgruppen).
const shots = path.join(repoRoot, 'docs/screenshots');
const HENRIK = '199207312399';
const INGEMAR_IDENTITY = 'Ingemar Ström (19920802-2393)';
const LINNEA = '199207202392';
const SJOBRIS = '80cce5d0-559c-49a2-a78f-8d1237f026e8';
const BRF = 'Bostadsrättsföreningen Sjöbris i Kjellstavik';
// 8 × 7 m in the middle of Sjöbris 1:1, clear of the house at its north end: a permit outside any plan.
const ring = [
  [620_176, 6_650_078],
  [620_184, 6_650_078],
  [620_184, 6_650_085],
  [620_176, 6_650_085],
  [620_176, 6_650_078],
];

describe.skipIf(!hasBrowser)('a bostadsrättsförening applies through two signatories jointly', () => {
  const env = useServerAndBrowser();

  const look = (page: Page, screen: string, name: string) => lookAtScreen(page, screen, shots, name);

  it('Henrik applies for Brf Sjöbris, Ingemar signs by link; both follow the case, which has both signatures', async () => {
    const base = env.server.baseUrl;
    const henrik = await apiLogin(base, HENRIK);

    // The wizard's first step offers the förening's property and says whom Henrik acts for.
    const applicant = await env.pageWithSession(henrik);
    await applicant.goto(`${base}/ansokan?ny`);
    const card = applicant.getByRole('radio', { name: /Kjellstavik Sjöbris 1:1/ });
    await card.waitFor();
    const option = applicant.locator('.card-option', { hasText: 'Kjellstavik Sjöbris 1:1' });
    expect(await option.textContent()).toContain(`Du företräder ${BRF}`);
    expect(await option.textContent()).toContain('Firman tecknas två i förening');
    await look(applicant, 'property step as a signatory', 'organisations-property');

    const c = await submitSignedBuilding(base, henrik, HENRIK, {
      propertyId: SJOBRIS,
      ring,
      description: 'Cykelförråd och miljöhus för föreningen.',
      ridgeHeightM: 3.5,
    });

    // The förening is the applicant; one of two signatories has signed; Henrik makes Ingemar's link.
    await applicant.goto(`${base}/mina-arenden/${c.id}`);
    const signatures = applicant.getByRole('region', { name: 'Underskrifter' });
    await signatures.getByText(`Sökande: ${BRF}, organisationsnummer 769690-0427`).waitFor();
    await signatures.getByText('1 av 2 firmatecknare har skrivit under.', { exact: false }).waitFor();
    await signatures.getByRole('button', { name: 'Skapa underskriftslänk för Ingemar Ström' }).click();
    const link = (await applicant.locator('.party-link__url').textContent())!;
    expect(link).toMatch(new RegExp(`^${base}/underskrift/[A-Za-z0-9_-]{32}$`));
    await signatures.scrollIntoViewIfNeeded();
    await look(applicant, 'the förening’s case with Ingemar’s link', 'organisations-applicant-link');

    // Ingemar opens the link in a browser of his own, logs in with BankID and signs for the förening.
    const ingemar = await (await env.newContext({ viewport: { width: 390, height: 900 } })).newPage();
    await ingemar.goto(link);
    await ingemar.waitForURL('**/logga-in**');
    await uiLogin(ingemar, env.browser, base, INGEMAR_IDENTITY);
    await ingemar.waitForURL('**/underskrift/**', { timeout: 15_000 });
    await ingemar.getByRole('heading', { level: 1, name: 'Skriv under som firmatecknare' }).waitFor();
    await ingemar.getByText(new RegExp(`${BRF} har ansökt om lov för Kjellstavik Sjöbris 1:1`)).waitFor();
    expect(await ingemar.locator('blockquote').textContent()).toContain(`Som firmatecknare för ${BRF}`);
    expect(await ingemar.content()).not.toContain(HENRIK.slice(2, 8));
    await look(ingemar, 'signatory’s signing page', 'organisations-sign-page');
    await ingemar.getByRole('button', { name: 'Skriv under med BankID' }).click();
    await ingemar.getByAltText('QR-kod för underskrift med BankID').waitFor();
    await approveInTestApp(env.browser, base, INGEMAR_IDENTITY);
    await ingemar.getByText('Du har skrivit under. Tack!', { exact: false }).waitFor({ timeout: 15_000 });

    // Both follow the case in Mina ärenden; it is signed as the firmateckning requires.
    await ingemar.getByRole('link', { name: 'Gå till ärendet i Mina ärenden' }).click();
    await ingemar.getByRole('heading', { level: 1, name: new RegExp(c.diaryNumber) }).waitFor();
    await ingemar.getByText('Ansökan är underskriven enligt föreningens eller bolagets firmateckning.').waitFor();
    await ingemar.goto(`${base}/mina-arenden`);
    await ingemar.getByText(c.diaryNumber).first().waitFor();
    await look(ingemar, 'Ingemar’s Mina ärenden', 'organisations-signatory-cases');
    await applicant.goto(`${base}/mina-arenden`);
    await applicant.getByText(c.diaryNumber).first().waitFor();

    // The officer sees the förening as the applicant and both signatures.
    const officer = await env.pageWithSession(await apiLogin(base, LINNEA));
    await officer.goto(`${base}/handlaggare/arenden/${c.id}`);
    const panel = officer.getByRole('region', { name: 'Underskrifter' });
    await panel.getByText('Ansökan är underskriven enligt föreningens eller bolagets firmateckning.').waitFor();
    expect(await panel.getByText(/Har skrivit under med BankID/).count()).toBe(2);
    expect(await panel.textContent()).toContain('Henrik Sjödin');
    expect(await panel.textContent()).toContain('Ingemar Ström');
    expect(await panel.textContent()).toContain(BRF);
    await panel.scrollIntoViewIfNeeded();
    await look(officer, 'officer’s case of the förening', 'organisations-officer');
  });
});
