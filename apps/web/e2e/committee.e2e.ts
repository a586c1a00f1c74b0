import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KJELLSTAVIK, addDays, daysBetween, workingDayFrom } from '@lovisa/domain';
import {
  apiLogin,
  EKEN_1_23,
  EKEN_1_23_GARAGE,
  expectAccessible,
  hasBrowser,
  repoRoot,
  shoot,
  submitSignedBuilding,
  useServerAndBrowser,
} from './support';
import { pdfText } from '../../server/src/test/pdfText';

const ANNA = '198202029289';
const OSKAR = '198306219299'; // officer, Bygglovsenheten
const ULLA = '198602179882'; // team lead, Bygglovsenheten: keeps the board's calendar
const shots = path.join(repoRoot, 'docs/screenshots');

/** Kjellstavik's fixtures with a delegation order that keeps buildings over 50 m² for the board. */
function fixturesWithStrictDelegation(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lovisa-fixtures-'));
  cpSync(path.join(repoRoot, 'fixtures'), dir, { recursive: true });
  const municipality = { ...KJELLSTAVIK, delegation: { ...KJELLSTAVIK.delegation, committeeAboveAreaM2: 50 } };
  writeFileSync(path.join(dir, 'municipality.json'), JSON.stringify(municipality, null, 1));
  return dir;
}
/** The server's clock runs this file's number of days ahead (DEMO_CLOCK_FILE): the meeting day can come. */
const clockFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'lovisa-clock-')), 'days');
const stockholmToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

/**
 * Issue #22's nämnd: a 56 m² garage is above this municipality's delegation, so the officer cannot decide it;
 * a team lead puts a meeting in the calendar, the officer puts the proposal on its agenda, and on the meeting
 * day the minutes' decision is recorded and issued in the board's name.
 */
describe.skipIf(!hasBrowser)('a decision above delegation, taken by the board at its meeting', () => {
  const env = useServerAndBrowser({
    server: () => ({ env: { FIXTURES_DIR: fixturesWithStrictDelegation(), DEMO_CLOCK_FILE: clockFile } }),
  });

  it('calendar, referral, agenda, the minutes recorded on the meeting day, the decision in the board’s name', async () => {
    await writeFile(clockFile, '0');
    const base = env.server.baseUrl;
    // The board meets on weekdays: the first working day a week or more ahead.
    const meetingDay = workingDayFrom(addDays(stockholmToday(), 7));
    const created = await submitSignedBuilding(base, await apiLogin(base, ANNA), ANNA, {
      propertyId: EKEN_1_23,
      ring: EKEN_1_23_GARAGE,
      description: 'Dubbelgarage i trä med sadeltak, 56 m².',
      ridgeHeightM: 3.8,
    });
    const signedIn = async (who: string, width = 1280) => {
      const context = await env.newContext({ viewport: { width, height: width > 500 ? 800 : 844 } });
      const [name, value] = (await apiLogin(base, who)).split('=') as [string, string];
      await context.addCookies([{ name, value, url: base }]);
      return { page: await context.newPage(), cookie: `${name}=${value}` };
    };

    // The team lead puts the board's next meeting in the calendar.
    const { page: lead } = await signedIn(ULLA);
    await lead.goto(`${base}/handlaggare`);
    await lead.getByRole('link', { name: 'Nämndens sammanträden' }).click();
    await lead.getByRole('heading', { name: 'Byggnadsnämndens sammanträden' }).waitFor();
    await lead.getByText('Inga sammanträden är inlagda.').waitFor();
    await lead.getByRole('button', { name: 'Lägg in sammanträdet' }).click();
    await lead.getByText('Ange sammanträdets datum.').waitFor();
    await lead.getByLabel('Datum för sammanträdet').fill(meetingDay);
    await lead.getByRole('button', { name: 'Lägg in sammanträdet' }).click();
    await lead.getByText('Sammanträdet är inlagt.').waitFor();
    await lead.getByText('0 ärenden väntar').waitFor();
    await expectAccessible(lead, 'the board’s calendar');
    await shoot(lead, shots, 'committee-calendar');

    // The officer may not decide it: the form says why and offers the meeting instead.
    let { page: officer, cookie } = await signedIn(OSKAR);
    await officer.goto(`${base}/handlaggare/arenden/${created.id}`);
    await officer.getByRole('radio', { name: 'Bevilja', exact: true }).check();
    await officer
      .getByText('Byggnadsarean är större än delegationsordningen tillåter för beslut av en handläggare.')
      .waitFor();
    await officer.getByLabel('Motivering').fill('Garaget följer detaljplanen och passar in i omgivningen.');
    await officer.getByRole('button', { name: 'Lägg på nämndens föredragningslista' }).click();
    await officer.getByText('Välj ett sammanträde.').waitFor();
    await officer.getByLabel('Sammanträde').selectOption({ index: 1 });
    await expectAccessible(officer, 'the decision form above delegation');
    await shoot(officer, shots, 'committee-referral');
    await officer.getByRole('button', { name: 'Lägg på nämndens föredragningslista' }).click();
    await officer.getByText('Ärendet ligger nu på nämndens föredragningslista.', { exact: false }).waitFor();
    await officer.getByText('Nämndens beslut kan föras in från och med', { exact: false }).waitFor();

    // The agenda lists the case with the proposal and why the board decides.
    await officer.getByRole('link', { name: 'Visa föredragningslistan' }).click();
    const row = officer.getByRole('row', { name: new RegExp(`${created.diaryNumber}.*Bevilja.*stor byggnadsarea`) });
    await row.waitFor();
    const agendaUrl = officer.url();
    await expectAccessible(officer, 'the agenda');
    await shoot(officer, shots, 'committee-agenda');

    // The meeting day: the minutes' decision is recorded and issued in the board's name.
    // (A week on, yesterday's sessions have long ended: the officer logs in again.)
    await writeFile(clockFile, String(daysBetween(stockholmToday(), meetingDay)));
    ({ page: officer, cookie } = await signedIn(OSKAR));
    await officer.goto(`${base}/handlaggare/arenden/${created.id}`);
    await officer.getByRole('radio', { name: 'Bevilja enligt förslaget' }).check();
    await officer.getByLabel('Paragraf i protokollet').fill('12');
    await expectAccessible(officer, 'recording the board’s decision');
    await shoot(officer, shots, 'committee-minutes');
    await officer.getByRole('button', { name: 'För in nämndens beslut' }).click();
    await officer.getByText('Nämndens beslut är infört och skickat till den sökande.').waitFor();
    const issued = await fetch(`${base}/api/officer/cases/${created.id}/documents/decision`, { headers: { cookie } });
    const text = await pdfText(new Uint8Array(await issued.arrayBuffer()));
    expect(text).toContain('Beslutet har fattats av byggnadsnämnden i Kjellstavik kommun vid sammanträdet den');
    expect(text).toContain('§ 12.');

    // The agenda now says what the minutes recorded; in English too, and on a phone.
    await officer.goto(agendaUrl);
    await officer.getByRole('row', { name: new RegExp(`${created.diaryNumber}.*Beslut: Bevilja, § 12`) }).waitFor();
    await officer.getByRole('button', { name: 'In English' }).click();
    await officer.getByRole('row', { name: new RegExp(`${created.diaryNumber}.*Decision: Grant, § 12`) }).waitFor();
    await expectAccessible(officer, 'the agenda in English');
    const { page: phone } = await signedIn(ULLA, 390);
    await phone.goto(agendaUrl);
    await phone.getByRole('row', { name: new RegExp(created.diaryNumber) }).waitFor();
    await expectAccessible(phone, 'the agenda on a phone');
    await shoot(phone, shots, 'committee-agenda');
    await phone.goto(`${base}/handlaggare/namnd`);
    await phone.getByRole('heading', { name: 'Byggnadsnämndens sammanträden' }).waitFor();
    await shoot(phone, shots, 'committee-calendar');
  });
});
