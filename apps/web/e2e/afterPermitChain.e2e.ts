import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AfterPermitViewSchema, CaseDetailSchema, isWorkingDay } from '@lovisa/domain';
import { apiLogin, expectAccessible, hasBrowser, repoRoot, shoot, simApprove, useServerAndBrowser } from './support';

/**
 * Issue #21's acceptance: Lars's new house (a permit with a kontrollansvarig) goes decision → tekniskt samråd
 * offered, booked and held → kontrollplan adapted and approved with the startbesked → every item ticked (one with
 * a photo) by the kontrollansvarig → slutbesked requested and given; each step seen in Mina ärenden and in the officer's queue tabs. The
 * application and the decision are set up through the API; every step after the decision goes through the pages.
 * Lars names his kontrollansvarig (Erik), who logs in with BankID and ticks the plan from his own Mina ärenden.
 */
const shots = path.join(repoRoot, '.tmp/screenshots');
const LARS = '195002281839';
const OSKAR = '198306219299';
/** Erik Nyström, the certified kontrollansvarig Lars names (a fixture person who owns nothing). */
const ERIK = '198103269299';
const EKEN_1_21 = '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e21';

/** The server's clock runs this file's number of days ahead (DEMO_CLOCK_FILE): legal force can come. */
const clockFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'lovisa-clock-')), 'days');
const stockholmToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
const daysUntil = (day: string) => Math.round((Date.parse(day) - Date.parse(stockholmToday())) / 86_400_000);

/** A small photo of the foundation (a real PNG, as a phone would send a JPEG). */
function photo(): Buffer {
  const png = new PNG({ width: 64, height: 48 });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = 120;
    png.data[i + 1] = 110 + ((i / 4) % 64);
    png.data[i + 2] = 100;
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** Lars's application for a 9 × 12 m house beside the old one, drawings and kontrollansvarig included, signed. */
async function submitHouse(base: string, cookie: string): Promise<{ id: string }> {
  const draftId = crypto.randomUUID();
  const json = { 'content-type': 'application/json', cookie };
  const put = await fetch(`${base}/api/drafts/${draftId}`, {
    method: 'PUT',
    headers: json,
    body: JSON.stringify({ data: { step: 'attachments', propertyId: EKEN_1_21 } }),
  });
  expect(put.ok).toBe(true);
  for (const type of ['SITU', 'PLA', 'FAS', 'SEK']) {
    const form = new FormData();
    form.append('file', new Blob([`%PDF-1.7\n1 0 obj << /Title (${type}) >> endobj\n%%EOF\n`]), `${type}.pdf`);
    const res = await fetch(`${base}/api/drafts/${draftId}/attachments?type=${type}`, {
      method: 'POST',
      headers: { cookie },
      body: form,
    });
    expect(res.status, await res.clone().text()).toBe(201);
  }
  const ring = [
    [620_016.5, 6_650_015],
    [620_025.5, 6_650_015],
    [620_025.5, 6_650_027],
    [620_016.5, 6_650_027],
    [620_016.5, 6_650_015],
  ];
  const started = await fetch(`${base}/api/applications`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      draftId,
      propertyId: EKEN_1_21,
      measure: 'newMainBuilding',
      footprints: [{ id: 'f1', measure: 'newMainBuilding', geometry: { type: 'Polygon', coordinates: [ring] } }],
      details: {
        description: 'Nytt enbostadshus i ett plan med sadeltak.',
        ridgeHeightM: 6.8,
        plannedStart: '2027-05-01',
        email: 'lars.holmberg@example.se',
        kaName: 'Karin Kontroll',
        kaCertificationId: 'SC0123-45',
        kaContact: 'karin.kontroll@example.se',
      },
    }),
  });
  expect(started.status, await started.clone().text()).toBe(202);
  const { orderRef } = (await started.json()) as { orderRef: string };
  expect((await simApprove(base, orderRef, LARS)).status).toBe(303);
  const signed = await fetch(`${base}/api/applications/sign/collect`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ orderRef }),
  });
  const body = (await signed.json()) as { status: string; case: { id: string } };
  expect(body.status).toBe('complete');
  return body.case;
}

describe.skipIf(!hasBrowser)('after the permit, the whole chain: Lars builds a house with a kontrollansvarig', () => {
  const env = useServerAndBrowser({ server: { env: { DEMO_CLOCK_FILE: clockFile } } });

  async function signedIn(session: string, width = 1280) {
    const context = await env.newContext({ viewport: { width, height: 900 } });
    const [name, value] = session.split('=') as [string, string];
    await context.addCookies([{ name, value, url: env.server.baseUrl }]);
    return context.newPage();
  }
  /** axe in Swedish, then in English (and back); screenshots at 390 and 1280 px. */
  async function look(page: Page, screen: string, name: string, english = false) {
    await expectAccessible(page, `${screen} (sv)`);
    if (english) {
      await page.getByRole('button', { name: 'In English' }).click();
      await page.locator('html[lang="en"]').waitFor();
      await expectAccessible(page, `${screen} (en)`);
      await page.getByRole('button', { name: 'På svenska' }).click();
      await page.locator('html[lang="sv"]').waitFor();
    }
    const width = page.viewportSize()!.width;
    for (const w of width === 390 ? [390, 1280] : [1280, 390]) {
      await page.setViewportSize({ width: w, height: 900 });
      await shoot(page, shots, name);
    }
    await page.setViewportSize({ width, height: 900 });
  }
  /** Logs in again (the clock moved past the session's idle limit) and gives the page's context the new session. */
  async function again(page: Page, personnummer: string) {
    const [name, value] = (await apiLogin(env.server.baseUrl, personnummer)).split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: env.server.baseUrl }]);
  }
  /**
   * Waits for a locator; on a timeout the error carries what the page showed and the server's last log lines, so a
   * failure seen once in CI can be explained from its log.
   */
  async function shown(page: Page, locator: ReturnType<Page['locator']>) {
    try {
      await locator.waitFor();
    } catch (err) {
      const text = await page
        .locator('main')
        .innerText()
        .catch(() => '(no main)');
      throw new Error(
        `${String(err)}\nat ${page.url()} the page read:\n${text}\nserver log:\n${env.server.output().slice(-3000)}`,
      );
    }
  }
  /** The officer's queue under one phase tab lists the case (by its diary number). */
  async function inQueueTab(page: Page, tab: string, diary: string) {
    await page.goto(`${env.server.baseUrl}/handlaggare`);
    const phases = page.getByRole('navigation', { name: 'Fas' });
    await phases.getByRole('link', { name: tab, exact: true }).click();
    await expect
      .poll(() => phases.getByRole('link', { name: tab, exact: true }).getAttribute('aria-current'))
      .toBe('page');
    await page.getByRole('link', { name: diary }).first().waitFor();
  }

  it('goes from decision to slutbesked through the pages', async () => {
    await writeFile(clockFile, '0');
    const base = env.server.baseUrl;
    const lars = await apiLogin(base, LARS);
    const oskar = await apiLogin(base, OSKAR);
    const created = await submitHouse(base, lars);
    const officerGet = async (url: string) =>
      (await fetch(`${base}${url}`, { headers: { cookie: oskar } })).json() as Promise<unknown>;
    const read = CaseDetailSchema.parse(await officerGet(`/api/officer/cases/${created.id}`));
    const decision = await fetch(`${base}/api/officer/cases/${created.id}/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: oskar },
      body: JSON.stringify({ version: read.version, outcome: 'approved', reason: 'Åtgärden följer detaljplanen.' }),
    });
    expect(decision.status, await decision.clone().text()).toBe(200);
    const diary = read.diaryNumber;
    const first = AfterPermitViewSchema.parse(await officerGet(`/api/officer/cases/${created.id}/after-permit`));
    expect(first).toMatchObject({ kontrollansvarig: true, consultationNeed: 'required' });
    expect(first.legalForceOn).not.toBeNull();

    // 1. The officer: the case waits under "Tekniskt samråd"; a waiver is not offered (a kontrollansvarig is
    //    required, 10 kap. 14 § 1 p.); two times are offered.
    const officer = await signedIn(oskar);
    await inQueueTab(officer, 'Tekniskt samråd', diary);
    await look(officer, 'queue, phase tab Tekniskt samråd', 'after-permit-queue-consultation', true);
    await officer.getByRole('link', { name: diary }).first().click();
    const panel = officer.getByRole('region', { name: 'Efter beslutet' });
    await panel.getByRole('form', { name: 'Erbjud tider för tekniskt samråd' }).waitFor();
    expect(await panel.getByRole('form', { name: 'Tekniskt samråd behövs inte' }).count()).toBe(0);
    const inDays = (n: number, hhmm: string) =>
      `${new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)}T${hhmm}`;
    await panel.getByRole('group', { name: 'Tid 1' }).getByLabel('Datum och klockslag').fill(inDays(10, '09:00'));
    await panel.getByRole('group', { name: 'Tid 2' }).getByLabel('Datum och klockslag').fill(inDays(11, '13:30'));
    await panel.getByRole('group', { name: 'Tid 2' }).getByLabel('Plats').fill('Stadshuset, sammanträdesrum 2');
    await panel.getByRole('button', { name: 'Skicka tiderna till sökanden' }).click();
    await panel.getByText('Tiderna är skickade.').waitFor();
    await panel.getByText('Väntar på att sökanden bokar en tid.').waitFor();
    await look(officer, 'officer case, samråd offered', 'after-permit-officer-slots', true);

    // 2. Lars: books the second time and adapts the kontrollplan (one item added) in Mina ärenden.
    const applicant = await signedIn(lars, 390);
    await applicant.goto(`${base}/mina-arenden/${created.id}`);
    const mine = applicant.getByRole('region', { name: 'Efter beslutet' });
    await mine.getByRole('radio', { name: /sammanträdesrum 2/ }).check();
    await mine.getByRole('button', { name: 'Boka tiden' }).click();
    await mine.getByText('Tiden är bokad.').waitFor();
    const editor = mine.getByRole('region', { name: 'Anpassa kontrollplanen' });
    await editor.getByRole('button', { name: 'Lägg till kontrollpunkt' }).click();
    const added = editor.getByRole('group', { name: 'Kontrollpunkt 13' });
    await added.getByLabel('Vad kontrolleras').fill('Takavvattning ansluten till dagvatten');
    await added.getByLabel('Vem kontrollerar').selectOption({ label: 'Kontrollansvarig' });
    await added.getByLabel('Hur').selectOption({ label: 'Okulärt' });
    await editor.getByRole('button', { name: 'Spara kontrollplanen' }).click();
    await editor.getByText('Kontrollplanen är sparad.').waitFor();
    // Lars names his kontrollansvarig, who will tick the plan with a login of his own.
    const kaForm = mine.getByRole('form', { name: 'Kontrollansvarig' });
    await kaForm.getByLabel('Kontrollansvarigs personnummer').fill('19810326-9299');
    await kaForm.getByLabel('Kontrollansvarigs namn').fill('Erik Nyström');
    await kaForm.getByRole('button', { name: 'Spara kontrollansvarig' }).click();
    await mine.getByText('Kontrollansvarig är sparad.').waitFor();
    await mine.getByText(/Erik Nyström är kontrollansvarig/).waitFor();
    await look(applicant, 'Mina ärenden, samråd booked, kontrollplan adapted', 'after-permit-mine-kontrollplan', true);

    // 3. Time passes to legal force; the officer records the protocol and gives the startbesked with a condition.
    await writeFile(clockFile, String(daysUntil(first.legalForceOn!)));
    // A month later every session has lapsed (idle limit): both log in again (the kontrollansvarig logs in later).
    await again(officer, OSKAR);
    await again(applicant, LARS);
    await officer.reload();
    await panel.getByLabel('Vad som sades och bestämdes').fill('Kontrollplanen gicks igenom och kompletterades.');
    await panel.getByRole('button', { name: 'Spara protokollet' }).click();
    await panel.getByText('Protokollet är sparat.').waitFor();
    await inQueueTab(officer, 'Startbesked', diary);
    await officer.getByRole('link', { name: diary }).first().click();
    await panel.getByText(/fastställer kontrollplanen med 13 kontrollpunkter/).waitFor();
    await panel.getByLabel('Villkor (valfritt)').fill('Utstakning ska göras av den som har mätbehörighet.');
    await look(officer, 'officer case, startbesked form', 'after-permit-officer-startbesked', true);
    await panel.getByRole('button', { name: 'Ge startbesked' }).click();
    await panel.getByText('Startbesked är givet.').waitFor();
    await inQueueTab(officer, 'Pågående byggnation', diary);
    // The officer books an arbetsplatsbesök on a coming working day; Lars is told in Mina ärenden.
    await officer.getByRole('link', { name: diary }).first().click();
    const visitDay = (await panel.getByLabel('Dag för besöket').getAttribute('min'))!;
    const visitOn = nextWeekday(visitDay);
    await panel.getByLabel('Dag för besöket').fill(visitOn);
    await panel.getByLabel('Vad besöket gäller (frivilligt)').fill('Kontroll av grundläggningen.');
    await panel.getByRole('button', { name: 'Boka besöket' }).click();
    await panel.getByText('Arbetsplatsbesöket är bokat och byggherren har fått besked.').waitFor();
    await look(officer, 'officer case, site visit booked', 'after-permit-officer-visit', true);

    // 4. Lars reports the start; the kontrollansvarig logs in, finds the case among his own and ticks every item,
    //    the first with a photo.
    await applicant.reload();
    await mine.getByText(/Fastställd med startbeskedet/).waitFor();
    await mine.getByText(/Byggnadsnämnden gör ett arbetsplatsbesök .* Kontroll av grundläggningen\./).waitFor();
    await mine.getByRole('button', { name: 'Meddela startdagen' }).click();
    await mine.getByText('Startdagen är sparad.').waitFor();
    expect(await mine.getByRole('button', { name: /^Bocka av: / }).count()).toBe(13);
    const ka = await signedIn(await apiLogin(base, ERIK), 390);
    await ka.goto(`${base}/mina-arenden`);
    const kaCases = ka.getByRole('region', { name: 'Ärenden där du är kontrollansvarig' });
    await kaCases.getByRole('link', { name: diary }).click();
    const plan = ka.getByRole('region', { name: 'Kontrollplan' });
    await shown(ka, plan.getByText('Kontrollplanen: 0 av 13 punkter avbockade.'));
    // His page has the plan and nothing else of the case: no request, no editing.
    expect(
      await ka.getByRole('button', { name: /Skicka begäran|Spara kontrollplanen|Meddela startdagen/ }).count(),
    ).toBe(0);
    const items = plan.getByRole('button', { name: /^Bocka av: / });
    let withPhoto = true;
    while ((await items.count()) > 0) {
      const button = items.first();
      const what = (await button.getAttribute('aria-label'))!.replace('Bocka av: ', '');
      await button.click();
      const form = plan.getByRole('form', { name: `Bocka av: ${what}` });
      if (withPhoto) {
        await form
          .getByLabel('Foto eller dokument (valfritt)')
          .setInputFiles({ name: 'grund.png', mimeType: 'image/png', buffer: photo() });
        await form.getByLabel('Anteckning (valfritt)').fill('Inmätt av mätfirma.');
        await look(ka, 'the kontrollansvarig ticking an item', 'after-permit-ka-tick', true);
      }
      await form.getByRole('button', { name: 'Spara avbockningen' }).click();
      await plan.getByText(`Avbockad: ${what}.`).waitFor();
      withPhoto = false;
    }
    await plan
      .getByText(/Klar .* \(Erik Nyström\)/)
      .first()
      .waitFor();
    expect(await plan.getByRole('link', { name: 'Bifogad fil' }).count()).toBe(1);
    await look(ka, 'the kontrollansvarig, plan ticked', 'after-permit-ka-done', true);

    // 5. Lars asks for the slutbesked with the ticked plan; the officer gives it.
    await applicant.reload();
    await mine.getByRole('link', { name: 'Bifogad fil' }).waitFor();
    expect(await mine.getByRole('link', { name: 'Bifogad fil' }).count()).toBe(1);
    await mine
      .getByText('Alla 13 kontrollpunkter är avbockade. Kontrollplanen och filerna skickas med begäran.')
      .waitFor();
    await mine.getByLabel('Meddelande till kommunen (valfritt)').fill('Huset är klart för inflyttning.');
    await look(applicant, 'Mina ärenden, request slutbesked', 'after-permit-mine-request', true);
    await mine.getByRole('button', { name: 'Skicka begäran om slutbesked' }).click();
    await mine.getByText('Begäran om slutbesked är skickad.').waitFor();
    await mine.getByText('Kommunen går igenom din begäran om slutbesked.').waitFor();

    await inQueueTab(officer, 'Slutbesked', diary);
    await officer.getByRole('link', { name: diary }).first().click();
    await panel.getByText('Huset är klart för inflyttning.', { exact: false }).waitFor();
    await panel.getByText(/utsedd: Erik Nyström/).waitFor();
    await panel.getByRole('radio', { name: 'Slutbesked (10 kap. 34 §)' }).check();
    await look(officer, 'officer case, slutbesked form', 'after-permit-officer-slutbesked', true);
    await panel.getByRole('button', { name: 'Ge slutbesked' }).click();
    await panel.getByText('Slutbesked är givet.').waitFor();
    const bar = panel.getByRole('list', { name: 'Stegen efter beslutet' });
    expect(await bar.locator('.stages__step--done').count()).toBe(6);
    await inQueueTab(officer, 'Avslutade', diary);

    // 6. Mina ärenden: finished, every phase done.
    await applicant.reload();
    await mine.getByText('Slutbesked är givet. Byggnaden får tas i bruk.').waitFor();
    expect(await mine.getByRole('list', { name: 'Stegen efter beslutet' }).locator('.stages__step--done').count()).toBe(
      6,
    );
    await look(applicant, 'Mina ärenden, finished', 'after-permit-mine-finished', true);
  });
});

/** The first working day after `day` (no weekend, holiday or holiday eve), as the domain counts them. */
function nextWeekday(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (!isWorkingDay(d.toISOString().slice(0, 10)));
  return d.toISOString().slice(0, 10);
}
