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
  useServerAndBrowser,
} from './support';

// Issue #20, agents (ADR 0023): Lars Holmberg owns Kjellstavik Eken 1:21 alone; Erik Nyström owns nothing and
// applies for him on a power of attorney Lars signs with BankID, until Lars revokes it.
const shots = path.join(repoRoot, 'docs/screenshots');
const LARS = '195002281839';
const LARS_IDENTITY = 'Lars Holmberg (19500228-1839)';
const ERIK = '198103269299';
const OSKAR = '198306219299';
const EKEN_1_21 = '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e21';
// 8 × 7 m in the middle of Eken 1:21: over the 30 m² exemption, so a permit, within the plan.
const ring = [
  [620_011, 6_650_019],
  [620_019, 6_650_019],
  [620_019, 6_650_026],
  [620_011, 6_650_026],
  [620_011, 6_650_019],
];

describe.skipIf(!hasBrowser)('an agent applies on a power of attorney, until it is revoked', () => {
  const env = useServerAndBrowser();

  /** axe in Swedish and in English; screenshots at 390 and 1280 px into docs/screenshots. */
  const look = (page: Page, screen: string, name: string) => lookAtScreen(page, screen, shots, name);

  it('Lars gives Erik a power for Eken 1:21 with BankID, Erik applies for him, and loses the case when Lars revokes it', async () => {
    const base = env.server.baseUrl;

    // Lars gives the power: the property, Erik's personnummer (his name comes from the register), the last day.
    const larsCookie = await apiLogin(base, LARS);
    const lars = await env.pageWithSession(larsCookie);
    await lars.goto(`${base}/mina-arenden`);
    await lars.getByRole('link', { name: 'Fullmakter' }).click();
    await lars.getByRole('heading', { level: 1, name: 'Fullmakter' }).waitFor();
    await lars.getByText('Du har inte gett någon fullmakt.').waitFor();
    await lars.getByRole('radio', { name: /Fastigheten Kjellstavik Eken 1:21/ }).check();
    await lars.getByLabel('Ombudets personnummer').fill('19810326-9299');
    await look(lars, 'the powers page', 'agents-powers-form');
    await lars.getByRole('button', { name: 'Granska fullmakten' }).click();
    await lars.getByText('Erik Nyström (19810326-9299)').first().waitFor();
    const text = (await lars.locator('blockquote').textContent())!;
    expect(text).toContain('Jag, Lars Holmberg, ger Erik Nyström (19810326-9299) fullmakt');
    expect(text).toContain('fastigheten Kjellstavik Eken 1:21');
    await look(lars, 'the power to sign', 'agents-power-review');
    await lars.getByRole('button', { name: 'Skriv under med BankID' }).click();
    await lars.getByAltText('QR-kod för underskrift med BankID').waitFor();
    await expectAccessible(lars, 'signing the power');
    await approveInTestApp(env.browser, base, LARS_IDENTITY);
    await lars.getByText('Fullmakten är underskriven och gäller från nu.').waitFor({ timeout: 15_000 });
    const given = lars.getByRole('region', { name: 'Fullmakter du har gett' });
    await given.getByText('Till Erik Nyström', { exact: true }).waitFor();
    await given.getByText('Giltig', { exact: true }).waitFor();
    await look(lars, 'the power given', 'agents-power-given');

    // Erik sees that he acts for Lars when he starts an application, and applies (signing with his own BankID).
    const erikCookie = await apiLogin(base, ERIK);
    const erik = await env.pageWithSession(erikCookie);
    await erik.goto(`${base}/ansokan?ny`);
    await erik.getByText('Du är ombud för Lars Holmberg').waitFor({ timeout: 15_000 });
    await look(erik, 'the agent’s property choice', 'agents-agent-property');
    const c = await submitSignedBuilding(base, erikCookie, ERIK, {
      propertyId: EKEN_1_21,
      ring,
      description: 'Förråd i trä, ritat av ombudet.',
      ridgeHeightM: 3.5,
    });

    // Both follow it in Mina ärenden; the case says who acts for whom.
    await erik.goto(`${base}/mina-arenden`);
    await erik.getByText(c.diaryNumber).first().waitFor();
    await erik.goto(`${base}/mina-arenden/${c.id}`);
    const signatures = erik.getByRole('region', { name: 'Underskrifter' });
    await signatures.getByText(/Ombud för Lars Holmberg, fullmakt giltig t\.o\.m\./).waitFor();
    await signatures.getByText('Alla ägare har skrivit under ansökan.').waitFor();
    // Withdrawing and the receipt stay the owner's: the agent is not offered them.
    await erik.getByRole('heading', { name: 'Meddelanden i ärendet' }).waitFor();
    expect(await erik.getByRole('heading', { name: 'Återkalla ansökan' }).count()).toBe(0);
    await signatures.scrollIntoViewIfNeeded();
    await look(erik, 'the agent’s case', 'agents-agent-case');

    // The officer sees who acts for whom.
    const officer = await env.pageWithSession(await apiLogin(base, OSKAR));
    await officer.goto(`${base}/handlaggare/arenden/${c.id}`);
    const panel = officer.getByRole('region', { name: 'Underskrifter' });
    await panel.getByText(/Ombud för Lars Holmberg, fullmakt giltig t\.o\.m\./).waitFor();
    expect(await panel.textContent()).toContain('Erik Nyström');
    await panel.scrollIntoViewIfNeeded();
    await look(officer, 'the officer’s case with the agent', 'agents-officer');

    // Lars revokes: at once Erik can no longer see the case; Lars keeps it.
    await lars.goto(`${base}/fullmakter`);
    await lars.getByRole('button', { name: 'Återkalla fullmakten till Erik Nyström' }).click();
    await lars.getByText('Fullmakten är återkallad. Ombudet kan inte längre agera för dig.').waitFor();
    await lars
      .getByRole('region', { name: 'Fullmakter du har gett' })
      .getByText('Återkallad', { exact: true })
      .waitFor();
    await look(lars, 'the power revoked', 'agents-power-revoked');

    const asErik = (url: string) => fetch(`${base}${url}`, { headers: { cookie: erikCookie } });
    expect((await asErik(`/api/me/cases/${c.id}`)).status).toBe(404);
    expect((await asErik(`/api/me/cases/${c.id}/parties`)).status).toBe(404);
    const erikCases = (await (await asErik('/api/me/cases')).json()) as { id: string }[];
    expect(erikCases.map((x) => x.id)).not.toContain(c.id);
    await erik.goto(`${base}/mina-arenden`);
    await erik.getByRole('heading', { level: 1, name: 'Mina ärenden' }).waitFor();
    await erik.getByText('Ny ansökan').first().waitFor();
    expect(await erik.getByText(c.diaryNumber).count()).toBe(0);
    const larsCase = await fetch(`${base}/api/me/cases/${c.id}`, { headers: { cookie: larsCookie } });
    expect(larsCase.status).toBe(200);
    await lars.goto(`${base}/mina-arenden/${c.id}`);
    await lars.getByRole('heading', { level: 1, name: new RegExp(c.diaryNumber) }).waitFor();

    await officer.reload();
    await officer
      .getByRole('region', { name: 'Underskrifter' })
      .getByText(/Fullmakten återkallades/)
      .waitFor();
  });
});
