import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { header, startMailServer } from '../../server/src/test/mailServer';
import { apiLogin, submitSignedBuilding, expectAccessible, hasBrowser, repoRoot, useServerAndBrowser } from './support';
import { pdfText } from '../../server/src/test/pdfText';

const shots = path.join(repoRoot, '.tmp/screenshots');
const docShots = path.join(repoRoot, 'docs/screenshots');
const ANNA = '198202029289';
const OSKAR = '198306219299';
const EKEN_1_23 = '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e23';
// 8 × 7 m in the middle of Eken 1:23: over the 30 m² exemption, so a permit, within the plan.
const ring = [
  [620_071, 6_650_019],
  [620_079, 6_650_019],
  [620_079, 6_650_026],
  [620_071, 6_650_026],
  [620_071, 6_650_019],
];

/** A full-page screenshot into .tmp/screenshots, and the officer's screens into docs/screenshots as well. */
async function shoot(page: Page, name: string, forDocs = false) {
  const file = `${name}-${page.viewportSize()?.width}.png`;
  await page.screenshot({ path: path.join(shots, file), fullPage: true });
  if (forDocs) await page.screenshot({ path: path.join(docShots, file), fullPage: true });
}

/** Submits Anna's garage through the API, signing in the simulator as the test BankID app would. */
const submitGarage = (baseUrl: string, cookie: string) =>
  submitSignedBuilding(baseUrl, cookie, ANNA, {
    propertyId: EKEN_1_23,
    ring,
    description: 'Dubbelgarage i trä med sadeltak, 56 m².',
    ridgeHeightM: 3.8,
  });

describe.skipIf(!hasBrowser)('the case loop in two browsers: officer and applicant', () => {
  let mail: Awaited<ReturnType<typeof startMailServer>>;

  // Before the harness: the server is started with the mail server's address, and stopped before it closes.
  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    await mkdir(docShots, { recursive: true });
    // A real mail server on loopback: the e-mail to the applicant is sent over SMTP, not only recorded.
    mail = await startMailServer({});
  });
  afterAll(async () => {
    await mail?.close();
  });
  const env = useServerAndBrowser({ server: () => ({ env: { SMTP_URL: mail.url, MAIL_POLL_SECONDS: '1' } }) });
  const escaped = env.escaped;

  /** A browser context already signed in (the session cookie from a BankID login over the API). */
  async function signedIn(session: string, width = 1280, height = 800) {
    const context = await env.newContext({ viewport: { width, height }, acceptDownloads: true });
    const [name, value] = session.split('=') as [string, string];
    await context.addCookies([{ name, value, url: env.server.baseUrl }]);
    return context.newPage();
  }

  it('submitted → team queue → completion of a drawing asked and answered → clock restarted → approved → decision PDF', async () => {
    const base = env.server.baseUrl;
    const annaSession = await apiLogin(base, ANNA);
    const created = await submitGarage(base, annaSession);
    expect(created.teamId).toBe('bygglov');
    const diary = created.diaryNumber;

    // The officer finds it, unassigned, in Bygglovsenheten's queue, with the days left in words.
    const officer = await signedIn(await apiLogin(base, OSKAR));
    await officer.goto(`${base}/handlaggare`);
    const row = officer.getByRole('row', { name: new RegExp(diary) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Ej tilldelad.*70 dagar kvar/);
    await expect
      .poll(() => officer.getByRole('link', { name: 'Gruppens kö' }).getAttribute('aria-current'))
      .toBe('page');
    await expectAccessible(officer, 'queue');
    await shoot(officer, 'officer-queue-team', true);

    // The case view: applicant (masked), the rules' assessment, the clock, attachments, timeline.
    await officer.getByRole('link', { name: diary }).click();
    await officer.getByRole('heading', { name: 'Regelbedömning vid ankomst' }).waitFor();
    await officer.getByText('********-9289').waitFor();
    await officer.getByText('Du behöver söka bygglov.').waitFor();
    // Attached, not "visible": on the grid-north map the first path is a street running exactly east–west, a
    // line with no height, which Playwright counts as hidden.
    await officer.locator('.leaflet-overlay-pane path').first().waitFor({ state: 'attached' });
    await expectAccessible(officer, 'officer case');
    await shoot(officer, 'officer-case', true);

    await officer.getByRole('button', { name: 'Tilldela mig' }).click();
    await officer.getByText('Ärendet är tilldelat dig.').waitFor();
    // Order completion: the section drawing, with a reply-by date three weeks ahead (the default).
    await officer.getByText('Begär komplettering', { exact: true }).click();
    await officer.getByRole('checkbox', { name: 'Sektionsritning' }).check();
    await officer.getByLabel('Vad mer saknas (fritext)').fill('Sektionen ska visa nockhöjden och grundläggningen.');
    await expectAccessible(officer, 'officer case, completion form');
    await shoot(officer, 'officer-completion-request', true);
    await officer.getByRole('button', { name: 'Skicka begäran om komplettering' }).click();
    await officer.getByText('Begäran om komplettering är skickad till sökanden.').waitFor();
    await expect.poll(() => officer.locator('.case-lead').textContent()).toContain('Väntar på komplettering');
    await officer.getByText('Tiden står still tills kompletteringen kommer in').first().waitFor();

    // The applicant sees the request in Mina ärenden, in the inbox and on the case, and answers it.
    const applicant = await signedIn(annaSession);
    await applicant.goto(`${base}/mina-arenden`);
    await applicant.getByText('Kommunen väntar på din komplettering.').waitFor();
    await applicant.getByText(`Ärende ${diary}: komplettering begärd`).waitFor();
    await applicant.getByText(`Ärende ${diary}: ansökan mottagen`).waitFor();
    await expectAccessible(applicant, 'Mina ärenden (completion asked)');
    await shoot(applicant, 'my-cases-completion');
    await applicant.getByRole('link', { name: new RegExp(`${diary} – Kjellstavik Eken 1:23`) }).click();
    await applicant.getByRole('heading', { name: 'Kommunen behöver komplettering' }).waitFor();
    expect(await applicant.locator('.stages__step--current').textContent()).toContain('Komplettering begärd');
    const pdf = (title: string) =>
      Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog /Title (${title}) >> endobj\n%%EOF\n`);
    await applicant
      .getByLabel('Välj fil för sektionsritning')
      .setInputFiles({ name: 'Sektion A-A.pdf', mimeType: 'application/pdf', buffer: pdf('SEK') });
    await applicant.getByText('Sektion A-A.pdf är bifogad.').waitFor();
    await applicant
      .getByLabel('Ditt svar till handläggaren (frivilligt)')
      .fill('Här är sektionen med nockhöjd och grund.');
    await expectAccessible(applicant, 'my case, answering');
    await shoot(applicant, 'my-case-completion');
    await applicant.getByRole('button', { name: 'Skicka kompletteringen' }).click();
    await applicant.getByText('Tack! Kompletteringen är skickad till handläggaren.').waitFor();
    expect(await applicant.locator('.stages__step--current').textContent()).toContain('Under handläggning');
    await applicant.getByText(/tiden räknas från din komplettering/).waitFor();
    await shoot(applicant, 'my-case-answered');

    // Back with the officer: the clock runs from the completion; the drawing is on the case; approve.
    await officer.reload();
    await officer.getByRole('heading', { name: 'Tidsfrist' }).waitFor();
    await officer.getByText(/\(kompletteringen\)$/).waitFor();
    await officer.getByRole('link', { name: 'Sektion A-A.pdf' }).waitFor();
    // The drawing is read in the page, beside the facts, without a download.
    await officer.getByRole('button', { name: 'Visa Sektion A-A.pdf' }).click();
    const frame = officer.locator('iframe.document-viewer__frame');
    expect(await frame.getAttribute('title')).toBe('Sektion A-A.pdf');
    const shown = await officer.request.get(new URL((await frame.getAttribute('src'))!, base).toString());
    expect(shown.headers()['content-disposition']).toMatch(/^inline;/);
    await officer.getByRole('button', { name: 'Dölj Sektion A-A.pdf' }).click();
    await officer.getByText('Komplettering inkommen', { exact: false }).first().waitFor();
    // The workbench: the plan's provisions against the drawing, a tjänsteanteckning, and a fee set by decision.
    await officer.getByText('Förslaget uppfyller planens bestämmelser.').waitFor();
    await officer.getByLabel('Ny anteckning').fill('Sektionen visar nockhöjd 3,8 m. Inget platsbesök behövs.');
    await officer.getByRole('button', { name: 'Spara anteckningen' }).click();
    await officer.getByText('Anteckningen är sparad.').waitFor();
    await officer.getByText('Sektionen visar nockhöjd 3,8 m. Inget platsbesök behövs.').waitFor();
    await officer.getByText('Ändra avgiften', { exact: true }).click();
    await officer.getByLabel('Avgift i beslutet', { exact: false }).fill('5000');
    await officer.getByLabel('Skäl till avvikelsen från taxan').fill('Enkel åtgärd som krävt lite handläggning.');
    await officer.getByRole('button', { name: 'Spara avgiften' }).click();
    await officer.getByText('Avgiften är sparad och står i beslutet.').waitFor();
    await officer.getByRole('row', { name: /Bestämd avgift/ }).waitFor();
    await expectAccessible(officer, 'officer case, notes and fee');
    await shoot(officer, 'officer-case-workbench', true);
    await officer.getByRole('radio', { name: 'Bevilja' }).check();
    await officer.getByLabel('Motivering').fill('Åtgärden följer detaljplanen.');
    await officer.getByLabel('Villkor', { exact: true }).fill('Fasaden ska målas i faluröd kulör.');
    // A second condition from the municipality's library, the property filled in.
    await officer.getByLabel('Villkor ur kommunens bibliotek').selectOption({ label: 'Dagvatten inom fastigheten' });
    await officer.getByRole('button', { name: 'Lägg till villkoret' }).click();
    expect(await officer.getByLabel('Villkor', { exact: true }).inputValue()).toBe(
      'Fasaden ska målas i faluröd kulör.\nDagvatten från byggnadens tak ska tas om hand inom fastigheten Kjellstavik Eken 1:23 och får inte ledas till grannfastigheterna.',
    );
    // The decision is read as the PDF it will be before it is made: the preview's text is the issued one's.
    await officer.getByRole('button', { name: 'Förhandsgranska beslutet' }).click();
    const [previewDownload] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByRole('link', { name: 'Ladda ned beslutet som PDF, så som det kommer att se ut' }).click(),
    ]);
    const previewText = await pdfText(new Uint8Array(await readFile((await previewDownload.path())!)));
    expect(previewText).toContain('Fasaden ska målas i faluröd kulör.');
    expect(previewText).toContain(
      'Dagvatten från byggnadens tak ska tas om hand inom fastigheten Kjellstavik Eken 1:23',
    );
    expect(previewText).toContain('Avgiften bestäms till 5 000 kr. Skäl: Enkel åtgärd som krävt lite handläggning.');
    // While it is read, what it says cannot be changed under it; "Ändra i beslutet" goes back to writing.
    expect(await officer.getByLabel('Motivering').isDisabled()).toBe(true);
    await expectAccessible(officer, 'officer case, decision preview');
    await shoot(officer, 'officer-decision-preview', true);
    await officer.getByRole('button', { name: 'Fatta beslut' }).click();
    await officer.getByText('Beslut fattat: Bygglov beviljat.').waitFor();
    await expectAccessible(officer, 'officer case, decided');
    await shoot(officer, 'officer-case-decided', true);

    // The applicant downloads the decision; it is a real PDF naming the case and the decision.
    await applicant.reload();
    await applicant.getByRole('link', { name: 'Ladda ned beslutet (PDF)' }).waitFor();
    // The case's own timeline is done; the steps after the decision (issue #21) have their own bar and current step.
    expect(await applicant.locator('[aria-labelledby="stages-title"] .stages__step--current').count()).toBe(0);
    const [download] = await Promise.all([
      applicant.waitForEvent('download'),
      applicant.getByRole('link', { name: 'Ladda ned beslutet (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`Beslut ${diary}.pdf`);
    const text = await pdfText(new Uint8Array(await readFile((await download.path())!)));
    expect(text).toBe(previewText);
    expect(text).toContain(diary);
    expect(text).toContain('Bygglov beviljat');
    expect(text).toContain('Fasaden ska målas i faluröd kulör.');
    expect(text).toContain('Länsstyrelsen');
    await expectAccessible(applicant, 'my case, decided');
    await shoot(applicant, 'my-case-decided');

    await applicant.goto(`${base}/mina-arenden`);
    await expect.poll(() => applicant.locator('.case-card').first().textContent()).toContain('Bygglov beviljat');
    await applicant.getByText(`Ärende ${diary}: beslut fattat`).waitFor();
    await expectAccessible(applicant, 'Mina ärenden (decided)');
    await shoot(applicant, 'my-cases-decided');

    // Every message went to the outbox as well, addressed to the e-mail in the application.
    // The demo mailbox is a signed-in demo user's: Anna sees the e-mail of her own cases.
    const mailboxOf = (session: string) => fetch(`${base}/api/dev/outbox`, { headers: { cookie: session } });
    expect((await fetch(`${base}/api/dev/outbox`)).status).toBe(401);
    const outbox = (await (await mailboxOf(annaSession)).json()) as { to: string; subject: string }[];
    expect(outbox.filter((m) => m.subject.startsWith(`Ärende ${diary}:`)).map((m) => m.subject.split(': ')[1])).toEqual(
      ['beslut fattat', 'komplettering mottagen', 'komplettering begärd', 'ansökan mottagen'],
    );
    expect(new Set(outbox.map((m) => m.to))).toEqual(new Set(['anna.lindqvist@example.se']));
    // …and the server sent each of them over SMTP, once, to that address.
    await expect
      .poll(() => mail.received.filter((m) => header(m.raw, 'Subject').startsWith(`Ärende ${diary}:`)).length, {
        timeout: 15_000,
      })
      .toBe(4);
    expect(
      mail.received
        .map((m) => header(m.raw, 'Subject'))
        .filter((s) => s.startsWith(`Ärende ${diary}:`))
        .reverse(),
    ).toEqual(outbox.filter((m) => m.subject.startsWith(`Ärende ${diary}:`)).map((m) => m.subject));
    expect(new Set(mail.received.flatMap((m) => m.to))).toEqual(new Set(['anna.lindqvist@example.se']));
    await expect
      .poll(async () => ((await (await mailboxOf(annaSession)).json()) as { status: string }[]).map((m) => m.status))
      .toEqual(outbox.map(() => 'sent'));
    // The demo's mailbox page shows the same four e-mails as sent, at desktop and phone width.
    for (const [w, h] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      const mailbox = await signedIn(annaSession, w, h);
      await mailbox.goto(`${base}/dev/e-post`);
      await mailbox.getByRole('heading', { level: 1, name: 'E-post från Lovisa (demo)' }).waitFor();
      const cards = mailbox.locator('.case-card', { hasText: `Ärende ${diary}:` });
      await expect.poll(() => cards.count()).toBe(4);
      expect(await cards.locator('.outbox-status').allTextContents()).toEqual([
        'Skickad',
        'Skickad',
        'Skickad',
        'Skickad',
      ]);
      await cards.first().getByText('Visa meddelandet').click();
      await expectAccessible(mailbox, `mailbox (${w})`);
      await shoot(mailbox, 'dev-outbox', true);
    }

    // Phone width: the same screens, readable without sideways scrolling of the page.
    const phoneOfficer = await signedIn(await apiLogin(base, OSKAR), 390, 844);
    await phoneOfficer.goto(`${base}/handlaggare?scope=mine`);
    await phoneOfficer.getByRole('link', { name: diary }).waitFor();
    await expectAccessible(phoneOfficer, 'queue (phone)');
    await shoot(phoneOfficer, 'officer-queue-mine', true);
    await phoneOfficer.getByRole('link', { name: diary }).click();
    await phoneOfficer.getByText('Beslut fattat: Bygglov beviljat.').waitFor();
    await expectAccessible(phoneOfficer, 'officer case (phone)');
    await shoot(phoneOfficer, 'officer-case-decided', true);
    const phoneApplicant = await signedIn(annaSession, 390, 844);
    await phoneApplicant.goto(`${base}/mina-arenden/${created.id}`);
    await phoneApplicant.getByRole('link', { name: 'Ladda ned beslutet (PDF)' }).waitFor();
    await expectAccessible(phoneApplicant, 'my case (phone)');
    await shoot(phoneApplicant, 'my-case-decided');
    const overflow = () =>
      phoneApplicant.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await phoneApplicant.goto(`${base}/mina-arenden`);
    await phoneApplicant.getByText(`Ärende ${diary}: beslut fattat`).waitFor();
    await expectAccessible(phoneApplicant, 'Mina ärenden (phone)');
    await shoot(phoneApplicant, 'my-cases-decided');
    expect(await overflow()).toBeLessThanOrEqual(0);

    expect(escaped).toEqual([]);
  });
});
