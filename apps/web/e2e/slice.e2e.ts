import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  hasBrowser,
  repoRoot,
  expectAccessible,
  shoot,
  approveInTestApp,
  uiLogin,
  useServerAndBrowser,
} from './support';

const shots = path.join(repoRoot, '.tmp/screenshots');
const APPLICANT = 'Anna Lindqvist (19820202-9289)';
const OFFICER = 'Oskar Wallin (19830621-9299)';

describe.skipIf(!hasBrowser)('the thin slice in a real browser', () => {
  const env = useServerAndBrowser();
  const escaped = env.escaped;

  function newContext(width = 1280, height = 800) {
    return env.newContext({ viewport: { width, height } });
  }

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
  });

  it('applicant submits, officer approves, applicant sees the decision', async () => {
    const applicant = await (await newContext()).newPage();
    await applicant.goto(env.server.baseUrl);
    await expect.poll(() => applicant.getByRole('heading', { level: 1 }).textContent()).toBe('Ansök om bygglov');
    await expectAccessible(applicant, 'start');
    await shoot(applicant, shots, 'start');

    await applicant.getByRole('link', { name: 'Logga in med BankID och börja' }).click();
    await expectAccessible(applicant, 'login');
    await uiLogin(applicant, env.browser, env.server.baseUrl, APPLICANT);
    await applicant.waitForURL('**/ansokan**', { timeout: 15_000 });

    // Step 1: prefilled person and owned properties.
    await applicant.getByText('Hej Anna!').waitFor();
    await expectAccessible(applicant, 'property step');
    await shoot(applicant, shots, 'wizard-property');
    await applicant.getByRole('radio', { name: /Kjellstavik Eken 1:23/ }).check();
    await applicant.getByRole('button', { name: 'Nästa' }).click();

    // Step 2: measure.
    await applicant.getByRole('radio', { name: /Komplementbyggnad/ }).check();
    await applicant.getByRole('button', { name: 'Nästa' }).click();

    // Step 3: the map. Nothing drawn yet: the wizard says what is missing.
    await applicant.getByRole('button', { name: 'Rita rektangel' }).waitFor();
    await applicant.getByRole('button', { name: 'Nästa' }).click();
    await applicant.getByText('Rita byggnaden på kartan, eller ange dess mått.').waitFor();
    // Draw a rectangle with the mouse, with Geoman driven from Lovisa's own button.
    await applicant.getByRole('button', { name: 'Rita rektangel' }).click();
    // The tool is on once Geoman (fetched on first use) is here: the button shows it pressed.
    await applicant.getByRole('button', { name: 'Rita rektangel', pressed: true }).waitFor();
    // Mouse coordinates only reach what is on screen (the reasons for not going on sit above, and took focus).
    await applicant.locator('.leaflet-container').scrollIntoViewIfNeeded();
    const box = (await applicant.locator('.leaflet-container').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await applicant.mouse.click(cx - 30, cy - 20);
    await applicant.mouse.click(cx + 30, cy + 20);
    await expect.poll(() => applicant.locator('.measurements__area').textContent()).toMatch(/Yta: \d+,\d m²/);
    // The accessible alternative: width × depth. A 4 × 4 m shed needs nothing: the answer comes at once.
    await applicant.getByLabel('Bredd (meter)').fill('4');
    await applicant.getByLabel('Djup (meter)').fill('4');
    await applicant.getByRole('button', { name: 'Placera byggnaden' }).click();
    await expect.poll(() => applicant.locator('.measurements__area').textContent()).toBe('Yta: 16,0 m²');
    await applicant.getByText('Du behöver varken bygglov eller anmälan, om villkoren nedan uppfylls.').waitFor();
    await applicant.getByText(/^Avstånd till tomtgräns: \d+(,\d+)? m \(mot Kjellstavik /).waitFor();
    // A double garage of 8 × 7 m is over the 30 m² exemption: a permit, checked against the plan rule by rule.
    await applicant.getByLabel('Bredd (meter)').fill('8');
    await applicant.getByLabel('Djup (meter)').fill('7');
    await applicant.getByRole('button', { name: 'Placera byggnaden' }).click();
    await expect.poll(() => applicant.locator('.measurements__area').textContent()).toBe('Yta: 56,0 m²');
    await applicant.getByText('Du behöver söka bygglov.').waitFor();
    await applicant
      .getByText(/^Byggnadsarea på tomten: \d+(,\d+)? m² av högst \d+/)
      .first()
      .waitFor();
    await expectAccessible(applicant, 'map step');
    await shoot(applicant, shots, 'wizard-map');
    await applicant.getByRole('button', { name: 'Nästa' }).click();

    // Step 4: details, checked by the domain schema in the browser.
    await applicant.getByRole('button', { name: 'Nästa' }).click();
    await applicant.getByRole('link', { name: 'Beskriv vad du vill bygga med minst 10 tecken.' }).waitFor();
    await applicant.getByLabel('Beskriv vad du vill bygga').fill('Garage i trä med sadeltak och plats för en bil.');
    await applicant.getByLabel('Nockhöjd (meter)').fill('3,8');
    await applicant.getByLabel('När vill du börja bygga?').fill('2027-04-01');
    // The rules want a way to reach the applicant; the form says so before going on.
    await applicant.getByRole('button', { name: 'Nästa' }).click();
    await applicant.getByText('Ange e-post eller telefonnummer så att vi kan nå dig.').waitFor();
    await applicant.getByLabel('E-post').fill('anna.lindqvist@example.se');
    await expectAccessible(applicant, 'details step');
    await shoot(applicant, shots, 'wizard-details');
    await applicant.getByRole('button', { name: 'Nästa' }).click();

    // Step 5: the drawings the verdict asks for. The situationsplan is drawn from the map; going on without
    // the others says what is missing.
    await applicant.getByRole('link', { name: 'Situationsplan Kjellstavik Eken 1:23.pdf' }).waitFor();
    await applicant.getByRole('button', { name: 'Nästa' }).click();
    await applicant.getByText('Bifoga planritning.').first().waitFor();
    // A web page renamed .pdf is refused by content, with the reason in Swedish; nothing is attached.
    await applicant.getByLabel('Välj fil för planritning').setInputFiles({
      name: 'plan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    await applicant.getByText(/Filen är inte en PDF, PNG eller JPEG/).waitFor();
    const pdf = (title: string) =>
      Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog /Title (${title}) >> endobj\n%%EOF\n`);
    await applicant
      .getByLabel('Välj fil för planritning')
      .setInputFiles({ name: 'Planritning garage.pdf', mimeType: 'application/pdf', buffer: pdf('PLA') });
    await applicant.getByRole('link', { name: 'Planritning garage.pdf' }).waitFor();
    await applicant
      .getByLabel('Välj fil för fasadritning')
      .setInputFiles({ name: 'fasader.pdf', mimeType: 'application/pdf', buffer: pdf('FAS') });
    await applicant.getByRole('link', { name: 'fasader.pdf' }).waitFor();
    await expectAccessible(applicant, 'attachments step');
    await shoot(applicant, shots, 'wizard-attachments');
    await applicant.getByRole('button', { name: 'Nästa' }).click();

    // Step 6: review and submit.
    await applicant.getByRole('button', { name: 'Skriv under och skicka' }).waitFor();
    await expect.poll(() => applicant.locator('.review').textContent()).toContain('56,0 m²');
    await applicant.getByRole('heading', { name: 'Behöver du bygglov?' }).waitFor();
    await applicant.getByRole('heading', { name: 'Uppskattad avgift' }).waitFor();
    await expectAccessible(applicant, 'review step');
    await shoot(applicant, shots, 'wizard-review');
    await applicant.getByRole('button', { name: 'Skriv under och skicka' }).click();
    // Signing: the application only leaves once BankID says the logged-in applicant signed it.
    await applicant.getByAltText('QR-kod för underskrift med BankID').waitFor();
    await expectAccessible(applicant, 'signing');
    await shoot(applicant, shots, 'signing');
    await approveInTestApp(env.browser, env.server.baseUrl, APPLICANT);
    const diary = applicant.locator('.diary-number');
    await diary.waitFor();
    const diaryNumber = (await diary.textContent())!;
    expect(diaryNumber).toMatch(/^BN \d{4}-000001$/);
    await expectAccessible(applicant, 'receipt');
    await shoot(applicant, shots, 'receipt');

    // The officer logs in, finds the case first in the queue, and approves it.
    const officer = await (await newContext()).newPage();
    await officer.goto(`${env.server.baseUrl}/handlaggare`);
    await officer.waitForURL('**/logga-in?roll=handlaggare**');
    await uiLogin(officer, env.browser, env.server.baseUrl, OFFICER);
    await officer.waitForURL('**/handlaggare', { timeout: 15_000 });
    await officer.getByRole('link', { name: diaryNumber }).waitFor();
    // Search on the server: by property designation, any case.
    await officer.getByLabel('Sök diarienummer, fastighet eller sökande').fill('eken 1:23');
    await officer.getByRole('button', { name: 'Sök' }).click();
    await officer.getByText('1 ärende, sida 1 av 1.').waitFor();
    await officer.getByLabel('Status').selectOption({ label: 'Beslutat' });
    await officer.getByText('Inga ärenden matchar.').waitFor();
    await officer.getByLabel('Status').selectOption({ label: 'Alla' });
    await officer.getByRole('link', { name: diaryNumber }).waitFor();
    await expectAccessible(officer, 'queue');
    await shoot(officer, shots, 'officer-queue');
    await officer.getByRole('link', { name: diaryNumber }).click();
    // Attached, not "visible": on the grid-north map the first path is a street running exactly east–west, a
    // line with no height, which Playwright counts as hidden.
    await officer.locator('.leaflet-overlay-pane path').first().waitFor({ state: 'attached' });
    await expect.poll(() => officer.locator('.leaflet-overlay-pane path').count()).toBeGreaterThanOrEqual(2); // property + footprint
    await expectAccessible(officer, 'officer case');
    await shoot(officer, shots, 'officer-case');
    await officer.getByRole('radio', { name: 'Bevilja' }).check();
    await officer.getByLabel('Motivering').fill('Åtgärden följer detaljplanen.');
    // Read as the PDF it will be, then made.
    await officer.getByRole('button', { name: 'Förhandsgranska beslutet' }).click();
    await officer.getByRole('button', { name: 'Fatta beslut' }).click();
    await officer.getByText('Beslut fattat: Bygglov beviljat.').waitFor();

    // The applicant sees the decision in Mina ärenden.
    await applicant.goto(`${env.server.baseUrl}/mina-arenden`);
    await applicant.getByRole('link', { name: new RegExp(diaryNumber) }).waitFor();
    await expect.poll(() => applicant.locator('.case-card').first().textContent()).toContain('Bygglov beviljat');
    await expectAccessible(applicant, 'Mina ärenden');
    await shoot(applicant, shots, 'my-cases');

    expect(escaped).toEqual([]);
  });

  it('logs in with BankID on this device, through the autostart token', async () => {
    const page = await (await newContext()).newPage();
    await page.goto(`${env.server.baseUrl}/logga-in`);
    await page.getByRole('button', { name: 'BankID på den här enheten' }).click();
    const href = (await page.getByRole('link', { name: 'Öppna BankID' }).getAttribute('href'))!;
    expect(href).toMatch(/^bankid:\/\/\/\?autostarttoken=[\w-]+&redirect=null$/);
    const token = new URL(href.replace('bankid:///', 'http://x/')).searchParams.get('autostarttoken')!;
    await approveInTestApp(env.browser, env.server.baseUrl, APPLICANT, token);
    await page.waitForURL('**/ansokan**', { timeout: 15_000 });
  });

  it('redraws the QR every second, and after a cancel in the app offers a retry', async () => {
    const page = await (await newContext()).newPage();
    await page.goto(`${env.server.baseUrl}/logga-in`);
    await page.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).click();
    const qr = page.getByAltText('QR-kod för inloggning med BankID');
    await qr.waitFor();
    const first = await qr.getAttribute('src');
    await expect.poll(() => qr.getAttribute('src'), { timeout: 5000 }).not.toBe(first);
    // The person cancels in the BankID app.
    const tester = await (await newContext()).newPage();
    await tester.goto(`${env.server.baseUrl}/bankid-sim/app`);
    await tester.getByRole('region').first().getByRole('button', { name: 'Avbryt' }).click();
    await page.getByText('Åtgärden avbröts.').waitFor();
    await page.getByRole('button', { name: 'Försök igen' }).click();
    await page.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).waitFor();
    // Cancelling here goes back to the choice as well.
    await page.getByRole('button', { name: 'BankID på den här enheten' }).click();
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await page.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).waitFor();
  });

  it('shows co-owners their shared property, explains when someone owns nothing, and hides a protected address', async () => {
    const visit = async (identity: string) => {
      const page = await (await newContext()).newPage();
      await page.goto(`${env.server.baseUrl}/logga-in?next=%2Fansokan`);
      await uiLogin(page, env.browser, env.server.baseUrl, identity);
      await page.waitForURL('**/ansokan**', { timeout: 15_000 });
      await page.getByText(/^Hej /).waitFor();
      return page;
    };
    const maria = await visit('Maria Eriksson (19641119-3086)');
    await maria.getByRole('radio', { name: /Kjellstavik Eken 1:22/ }).waitFor();
    const erik = await visit('Erik Nyström (19810326-9299)');
    await erik.getByText(/Vi hittar ingen fastighet som du äger/).waitFor();
    await expectAccessible(erik, 'owns nothing');
    await shoot(erik, shots, 'owns-nothing');
    const karin = await visit('Karin Sjöberg (19790810-9288)');
    await karin.getByText('Skyddad adress – visas inte här').waitFor();
    expect(await karin.content()).not.toContain('Sekretessgatan');
  });

  it('renders the applicant screens at phone width without leaving the machine', async () => {
    const phone = await (await newContext(390, 844)).newPage();
    await phone.goto(env.server.baseUrl);
    await phone.getByRole('heading', { level: 1 }).waitFor();
    await shoot(phone, shots, 'start');
    await expectAccessible(phone, 'start (phone)');
    await phone.getByRole('link', { name: 'Logga in med BankID och börja' }).click();
    await phone.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).click();
    await phone.getByAltText('QR-kod för inloggning med BankID').waitFor();
    await shoot(phone, shots, 'login-qr');
    await approveInTestApp(env.browser, env.server.baseUrl, APPLICANT);
    await phone.waitForURL('**/ansokan**', { timeout: 15_000 });
    await phone.getByRole('radio', { name: /Kjellstavik Eken 1:23/ }).check();
    await phone.getByRole('button', { name: 'Nästa' }).click();
    await phone.getByRole('radio', { name: /Carport/ }).check();
    await phone.getByRole('button', { name: 'Nästa' }).click();
    // On a phone the drawing tools are folded into one menu button over the map.
    await phone.getByRole('button', { name: 'Ritverktyg', exact: true }).waitFor();
    await phone.getByLabel('Bredd (meter)').fill('5');
    await phone.getByLabel('Djup (meter)').fill('7,5');
    await phone.getByRole('button', { name: 'Placera byggnaden' }).click();
    await expect.poll(() => phone.locator('.measurements__area').textContent()).toBe('Yta: 37,5 m²');
    await shoot(phone, shots, 'wizard-map');
    await phone.goto(`${env.server.baseUrl}/mina-arenden`);
    await phone.locator('.case-card').first().waitFor();
    await shoot(phone, shots, 'my-cases');
    expect(escaped).toEqual([]);
  });
});
