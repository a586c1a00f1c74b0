import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseDetailSchema, decisionNotice, ruleSetFor } from '@lovisa/domain';
import { formatDate } from '../src/format';
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
import { pdfText } from '../../server/src/test/pdfText';

const shots = path.join(repoRoot, '.tmp/screenshots');
const ANNA = '198202029289';
const VIKTOR = '198011169235';
const MARIA = '196411193086';
const PER = '194509123412';
const JOHANNA = '199208182387'; // team lead, Större byggprojekt: confirms decisions on deviations
const EKEN_1_23 = '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e23';
// 8 × 7 m in the middle of Eken 1:23 with a 9 m ridge: above the plan's 8.5 m, a deviation.
const ring = [
  [620_071, 6_650_019],
  [620_079, 6_650_019],
  [620_079, 6_650_026],
  [620_071, 6_650_026],
  [620_071, 6_650_019],
];

/** Anna's tall garage, submitted over the API and signed in the simulator. */
async function submitDeviation(baseUrl: string, cookie: string): Promise<{ id: string; diaryNumber: string }> {
  const created = await submitSignedBuilding(baseUrl, cookie, ANNA, {
    propertyId: EKEN_1_23,
    ring,
    description: 'Garage med hobbyrum på vinden, 56 m², nockhöjd 9 m.',
    ridgeHeightM: 9,
  });
  expect(created.teamId).not.toBe('bygglov'); // deviations go to Större byggprojekt
  return created;
}

/** The server's clock runs this file's number of days ahead (DEMO_CLOCK_FILE): the reply-by day can come. */
const clockFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'lovisa-clock-')), 'days');
const daysUntil = (day: string) => {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
  return Math.round((Date.parse(day) - Date.parse(today)) / 86_400_000);
};

describe.skipIf(!hasBrowser)('the neighbour hearing: officer, a neighbour online, a neighbour on paper', () => {
  const env = useServerAndBrowser({ server: { env: { DEMO_CLOCK_FILE: clockFile } } });

  async function signedIn(session: string, width = 1280, height = 800) {
    const context = await env.newContext({ viewport: { width, height } });
    const [name, value] = session.split('=') as [string, string];
    await context.addCookies([{ name, value, url: env.server.baseUrl }]);
    return context.newPage();
  }
  /** Both widths, after axe: the phone first, then the desk. */
  async function look(page: Page, screen: string, name: string) {
    await expectAccessible(page, screen);
    await shoot(page, shots, name);
    const width = page.viewportSize()!.width;
    await page.setViewportSize({ width: width === 390 ? 1280 : 390, height: 844 });
    await shoot(page, shots, name);
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
  }

  /** The code printed in a party's letter, read from the PDF the officer downloads. */
  async function codeFor(caseId: string, partyId: string, cookie: string): Promise<string> {
    const res = await fetch(`${env.server.baseUrl}/api/officer/cases/${caseId}/hearing/letters/${partyId}`, {
      headers: { cookie },
    });
    expect(res.status).toBe(200);
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('Underrättelse');
    return text.match(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];
  }

  it('officer starts a hearing; Maria answers online, Per on paper; it closes on its date; the grant is announced and its legal-force date reaches Mina ärenden', async () => {
    const base = env.server.baseUrl;
    const annaSession = await apiLogin(base, ANNA);
    const created = await submitDeviation(base, annaSession);
    let viktorSession = await apiLogin(base, VIKTOR);

    // The officer: the hearing panel proposes the sakägare from the registers, all ticked.
    let officer = await signedIn(viktorSession);
    await officer.goto(`${base}/handlaggare/arenden/${created.id}`);
    await officer.getByRole('heading', { name: 'Grannhörande' }).waitFor();
    await officer.getByText('Kjellstavik Eken 1:22').first().waitFor();
    await officer.getByText('Skyddad identitet (brevet vidarebefordras av Skatteverket)').waitFor();
    for (const other of ['Björken 2:7', 'Björken 2:8', 'Björken 2:9'])
      await officer.getByRole('checkbox', { name: new RegExp(other) }).uncheck();
    const replyBy = await officer.getByLabel('Sista svarsdag').inputValue();
    expect(replyBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await look(officer, 'officer case, hearing form', 'hearing-officer-start');
    await officer.getByRole('button', { name: 'Skicka underrättelse' }).click();
    await officer.getByText('Underrättelsen har skickats.').waitFor();
    await officer.locator('.flag--hearing').waitFor();
    // Maria and Per of Eken 1:22, and the protected owner of Björken 2:5 (who will not answer).
    expect(await officer.locator('.hearing__party').count()).toBe(3);
    await look(officer, 'officer case, hearing running', 'hearing-officer-running');

    // The queue and Mina ärenden show the running hearing.
    await officer.goto(`${base}/handlaggare`);
    await officer
      .getByRole('row', { name: new RegExp(created.diaryNumber) })
      .getByText(/Hörande t\.o\.m\./)
      .waitFor();
    const anna = await signedIn(annaSession, 390, 844);
    await anna.goto(`${base}/mina-arenden`);
    await anna.getByText(/Grannar hörs t\.o\.m\./).waitFor();

    // Maria opens her letter's code after logging in, sees the drawing and the deviation, answers.
    const detail = (await (
      await fetch(`${base}/api/officer/cases/${created.id}`, { headers: { cookie: viktorSession } })
    ).json()) as { officer: { hearing: { parties: { id: string; name: string }[] } } };
    const partyId = (name: string) => detail.officer.hearing.parties.find((p) => p.name === name)!.id;
    const mariaCode = await codeFor(created.id, partyId('Maria Eriksson'), viktorSession);
    const perSession = await apiLogin(base, PER);
    const wrong = await fetch(`${base}/api/hearings/${mariaCode}`, { headers: { cookie: perSession } });
    expect(wrong.status).toBe(403);

    let maria = await signedIn(await apiLogin(base, MARIA), 390, 844);
    await maria.goto(`${base}/underrattelse`);
    await maria.getByLabel('Kod från brevet').fill(mariaCode.toLowerCase());
    await look(maria, 'neighbour code page', 'hearing-neighbour-code');
    await maria.getByRole('button', { name: 'Öppna' }).click();
    await maria.getByRole('heading', { name: 'Avvikelser från detaljplanen' }).waitFor();
    await maria.getByText(/Anna Lindqvist har ansökt om bygglov på Kjellstavik Eken 1:23/).waitFor();
    await maria.locator('.leaflet-overlay-pane path').first().waitFor({ state: 'attached' });
    await look(maria, 'neighbour hearing page', 'hearing-neighbour-open');
    await maria.getByRole('radio', { name: 'Ingen invändning' }).check();
    await maria.getByRole('button', { name: 'Skicka svaret' }).click();
    await maria.getByText('Tack, ditt svar är mottaget.').waitFor();
    await expectAccessible(maria, 'neighbour hearing page, answered');

    // Per's letter comes back on paper: the officer registers it, then closes (everyone has answered).
    await officer.goto(`${base}/handlaggare/arenden/${created.id}`);
    await officer.getByText('Ingen invändning (digitalt med BankID)').waitFor();
    await officer.getByText('Registrera svar från brev', { exact: true }).click();
    await officer
      .getByLabel('Sakägare', { exact: true })
      .selectOption({ label: 'Per Eriksson, Kjellstavik Eken 1:22' });
    await officer.getByLabel('Svaret', { exact: true }).selectOption('objection');
    await officer.getByLabel('Vad svaret säger').fill('Garaget skymmer kvällssolen på vår altan.');
    await look(officer, 'officer case, paper answer form', 'hearing-officer-paper');
    await officer.getByRole('button', { name: 'Registrera svaret' }).click();
    await officer.getByText('Svaret är registrerat.').waitFor();
    await officer.getByText('Garaget skymmer kvällssolen på vår altan.').waitFor();
    // Björken 2:5 has not answered: the hearing runs until its reply-by day.
    expect(await officer.getByRole('button', { name: 'Avsluta hörandet' }).count()).toBe(0);
    await officer.getByText(/Kan avslutas/).waitFor();

    // The reply-by day comes (three weeks on: the sessions of today have ended, everyone logs in again).
    await writeFile(clockFile, String(daysUntil(replyBy)));
    viktorSession = await apiLogin(base, VIKTOR);
    officer = await signedIn(viktorSession);
    await officer.goto(`${base}/handlaggare/arenden/${created.id}`);
    await officer.getByRole('button', { name: 'Avsluta hörandet' }).click();
    await officer.getByText('Hörandet är avslutat.').waitFor();
    await officer.getByText(/^Avslutat /).waitFor();
    expect(await officer.locator('.flag--hearing').count()).toBe(0);
    await look(officer, 'officer case, hearing closed', 'hearing-officer-closed');

    // Maria's page is read-only now.
    const mariaAgain = await signedIn(await apiLogin(base, MARIA), 390, 844);
    await mariaAgain.goto(maria.url());
    maria = mariaAgain;
    await maria.getByText('Hörandet är avslutat.').waitFor();
    expect(await maria.getByRole('button', { name: 'Skicka svaret' }).count()).toBe(0);
    await look(maria, 'neighbour hearing page, closed', 'hearing-neighbour-closed');

    await grantAndAnnounce(created, viktorSession);
  });

  /**
   * After the hearing: the officer proposes a grant, the team lead confirms it; the permit is announced on the
   * anslagstavla; Per objected, so he is served the decision and legal force waits until the officer records it.
   */
  async function grantAndAnnounce(created: { id: string; diaryNumber: string }, viktorSession: string) {
    const base = env.server.baseUrl;
    const officer = await signedIn(viktorSession);
    await officer.goto(`${base}/handlaggare/arenden/${created.id}`);
    await officer.getByRole('radio', { name: 'Bevilja' }).check();
    await officer
      .getByLabel('Motivering')
      .fill('Avvikelsen är liten och förenlig med planens syfte; grannarna har hörts.');
    await officer.getByRole('button', { name: 'Föreslå beslut' }).click();
    await officer.getByText('Beslutsförslaget är skickat till gruppledaren.').waitFor();
    const lead = await signedIn(await apiLogin(base, JOHANNA));
    await lead.goto(`${base}/handlaggare/arenden/${created.id}`);
    // Four eyes: the team lead reads the decision the confirmation would issue beside the proposal.
    await lead.getByRole('button', { name: 'Läs beslutet bredvid förslaget' }).click();
    const pdf = lead.locator('.proposal-compare iframe');
    expect(await pdf.getAttribute('title')).toBe(
      `Beslutet i ärende ${created.diaryNumber} som det blir om förslaget bekräftas`,
    );
    expect(await pdf.getAttribute('src')).toMatch(/^blob:/);
    await expectAccessible(lead, 'four eyes: the decision beside the proposal');
    await shoot(lead, path.join(repoRoot, 'docs/screenshots'), 'officer-four-eyes');
    await lead.getByRole('button', { name: 'Bekräfta förslaget' }).click();
    await lead.getByText('Förslaget är bekräftat.').waitFor();
    await lead.getByRole('heading', { name: 'Kungörelse och laga kraft' }).waitFor();
    await lead.getByText(/Laga kraft-datum väntar på delgivning/).waitFor();

    const visitor = await env.newContext({ viewport: { width: 390, height: 844 } }).then((c) => c.newPage());
    await visitor.goto(`${base}/anslagstavla`);
    const notice = visitor.getByRole('article', { name: /Eken 1:23/ });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(created.diaryNumber);
    expect(await visitor.content()).not.toContain('Lindqvist');

    // Per received the decision by letter: the officer records the day, and legal force has a date.
    const servedOn = (await (
      await fetch(`${base}/api/officer/cases/${created.id}`, { headers: { cookie: viktorSession } })
    ).json()) as {
      notice: { announcement: { publishedOn: string } };
    };
    // A served party's form is open at once: legal force waits for it.
    await lead.getByLabel(/Delgivet den.*Per Eriksson/).fill(servedOn.notice.announcement.publishedOn);
    await lead.getByRole('button', { name: /Registrera delgivning.*Per Eriksson/ }).click();
    await lead.getByText('Delgivningen är registrerad.').waitFor();

    const annaSession = await apiLogin(base, ANNA);
    const mine = CaseDetailSchema.parse(
      await (await fetch(`${base}/api/me/cases/${created.id}`, { headers: { cookie: annaSession } })).json(),
    );
    const officerView = CaseDetailSchema.parse(
      await (await fetch(`${base}/api/officer/cases/${created.id}`, { headers: { cookie: viktorSession } })).json(),
    );
    const expected = decisionNotice(
      {
        procedure: 'permit',
        outcome: 'approved',
        announcement: officerView.notice!.announcement,
        deliveries: officerView.notice!.deliveries,
      },
      ruleSetFor(mine.clock.received)!,
    );
    expect(expected.legalForceOn).not.toBeNull();
    expect(mine.notice!.legalForceOn).toBe(expected.legalForceOn);
    const anna = await signedIn(annaSession, 390, 844);
    await anna.goto(`${base}/mina-arenden/${created.id}`);
    await anna
      .getByText(`Beslutet vinner laga kraft den ${formatDate(expected.legalForceOn!, 'sv')} om ingen överklagar.`)
      .waitFor();
    await look(anna, 'my case after the hearing, legal force', 'hearing-my-case-legal-force');
  }
});
