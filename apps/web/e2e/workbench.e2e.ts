import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
const JOHANNA = '199208182387'; // team lead, Större byggprojekt: decides deviations herself
const shots = path.join(repoRoot, '.tmp/screenshots');

/**
 * Issue #22's walk: a deviation case on one screen — the plan's provisions against the drawing, the fee, the
 * sakägare — a remiss answered by link, a tjänsteanteckning, the decision previewed and made, and the issued PDF's
 * text equal to the preview's.
 */
describe.skipIf(!hasBrowser)("the officer's workbench on a deviation case", () => {
  const env = useServerAndBrowser();

  it('provisions, fee and sakägare; a remiss answered by link; a note; preview, decide, the same PDF', async () => {
    const base = env.server.baseUrl;
    const created = await submitSignedBuilding(base, await apiLogin(base, ANNA), ANNA, {
      propertyId: EKEN_1_23,
      ring: EKEN_1_23_GARAGE,
      description: 'Garage med hobbyrum på vinden, 56 m², nockhöjd 9 m.',
      ridgeHeightM: 9,
    });
    const context = await env.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const [name, value] = (await apiLogin(base, JOHANNA)).split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    const officer = await context.newPage();
    await officer.goto(`${base}/handlaggare/arenden/${created.id}`);

    // One screen: the provision the drawing breaks, the fee with the sakägare priced, the sakägare themselves.
    const height = officer.getByRole('row', { name: /Nockhöjd: 9 m av högst 7,5 m\..*Avviker/ });
    await height.waitFor();
    await officer.getByText('Förslaget avviker från 1 av planens bestämmelser.').waitFor();
    const sakagare = officer.getByRole('row', { name: /Grannhörande, per granne/ });
    await sakagare.waitFor();
    await officer.getByText(/Beräknad enligt .* på 56 m² och [1-9]\d* sakägare\./).waitFor();
    await officer.getByRole('heading', { name: 'Grannhörande' }).waitFor();
    await officer.getByText('Kjellstavik Eken 1:22').first().waitFor();

    // A remiss to the rescue service, answered through its link.
    await officer.getByText('Skicka remiss', { exact: true }).click();
    await officer.getByLabel('Till (enhet eller myndighet)').fill('Räddningstjänsten');
    await officer.getByLabel('E-postadress').fill('rtj@kjellstavik.example');
    await officer
      .getByLabel('Fråga', { exact: true })
      .fill('Påverkar den högre nockhöjden brandskyddet mot Eken 1:22?');
    await officer.getByRole('button', { name: 'Skicka remissen' }).click();
    await officer.getByText('Remissen är skickad till Räddningstjänsten.').waitFor();
    const link = `${base}${new URL((await officer.locator('.remiss-link').textContent())!).pathname}`;
    const body = await (await env.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await body.goto(link);
    await body.getByRole('radio', { name: 'Synpunkter' }).check();
    await body.getByLabel('Era synpunkter').fill('Väggen mot Eken 1:22 behöver brandklass EI 30.');
    await body.getByLabel('Namn och roll').fill('Eva Berg, brandinspektör');
    await body.getByRole('button', { name: 'Skicka svaret' }).click();
    await body.getByText('Tack! Ert svar är skickat till handläggaren.').waitFor();

    // Back in the case: the answer, then the officer's note on it.
    await officer.reload();
    await officer.getByText('Väggen mot Eken 1:22 behöver brandklass EI 30.').waitFor();
    await officer
      .getByLabel('Ny anteckning')
      .fill('Räddningstjänsten vill ha EI 30 mot gränsen. Nockhöjden 9 m mot planens 7,5 m är ingen liten avvikelse.');
    await officer.getByRole('button', { name: 'Spara anteckningen' }).click();
    await officer.getByText('Anteckningen är sparad.').waitFor();
    await expectAccessible(officer, 'workbench: provisions, fee, sakägare, remiss, note');
    await shoot(officer, shots, 'workbench-deviation');

    // The refusal needs no hearing; a team lead decides it herself: preview, read, decide.
    await officer.getByRole('radio', { name: 'Avslå' }).check();
    await officer
      .getByLabel('Motivering')
      .fill('Nockhöjden 9 m överskrider planens högsta nockhöjd 7,5 m. Avvikelsen är inte liten (9 kap. 31 b §).');
    await officer.getByRole('button', { name: 'Förhandsgranska beslutet' }).click();
    const [previewed] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByRole('link', { name: 'Ladda ned beslutet som PDF, så som det kommer att se ut' }).click(),
    ]);
    const previewText = await pdfText(new Uint8Array(await readFile((await previewed.path())!)));
    expect(previewText).toContain('Nockhöjden 9 m överskrider planens högsta nockhöjd 7,5 m.');
    await officer.getByRole('button', { name: 'Fatta beslut' }).click();
    await officer.getByText('Beslut fattat: Bygglov avslaget.').waitFor();
    const issued = await fetch(`${base}/api/officer/cases/${created.id}/documents/decision`, {
      headers: { cookie: `${name}=${value}` },
    });
    expect(issued.status).toBe(200);
    expect(await pdfText(new Uint8Array(await issued.arrayBuffer()))).toBe(previewText);
  });
});
