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
import { z } from 'zod';
import { PropertySchema } from '@lovisa/domain';
import { footprintIn } from '../../server/src/test/fixtureFacts';

const ANNA = '198202029289';
const OSKAR = '198306219299';
const GUSTAV = '193502234796'; // owns Strandängen 4:1 by the lake, outside a plan
const LINNEA = '199207202392'; // officer, Landsbygdsgruppen: cases outside a plan
const STRANDANGEN_4_1 = 'c4e9a7b2-6d1f-4e3a-b5c8-9d0e1f2a3b41';
const docShots = path.join(repoRoot, 'docs/screenshots');

describe.skipIf(!hasBrowser)('a remiss: sent from the case view, answered through its link', () => {
  const env = useServerAndBrowser();

  it('the officer sends a remiss, the body answers through the link without logging in, the officer reads it', async () => {
    const base = env.server.baseUrl;
    const created = await submitSignedBuilding(base, await apiLogin(base, ANNA), ANNA, {
      propertyId: EKEN_1_23,
      ring: EKEN_1_23_GARAGE,
      description: 'Dubbelgarage i trä med sadeltak, 56 m².',
      ridgeHeightM: 3.8,
    });
    const context = await env.newContext({ viewport: { width: 1280, height: 800 } });
    const [name, value] = (await apiLogin(base, OSKAR)).split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    const officer = await context.newPage();
    await officer.goto(`${base}/handlaggare/arenden/${created.id}`);
    await officer.getByRole('heading', { name: 'Remisser' }).waitFor();
    await officer.getByText('Skicka remiss', { exact: true }).click();
    await officer.getByLabel('Till (enhet eller myndighet)').fill('Räddningstjänsten');
    await officer.getByLabel('E-postadress').fill('rtj@kjellstavik.example');
    await officer.getByLabel('Fråga', { exact: true }).fill('Når räddningsfordonen garaget från Ekvägen?');
    await expectAccessible(officer, 'officer case, remiss form');
    await officer.getByRole('button', { name: 'Skicka remissen' }).click();
    await officer.getByText('Remissen är skickad till Räddningstjänsten.').waitFor();
    // The server's PUBLIC_URL (localhost on loopback) names the host; the browser reaches it as the test does.
    const sent = (await officer.locator('.remiss-link').textContent())!;
    expect(sent).toMatch(/^http:\/\/localhost:\d+\/remiss\/[A-Za-z0-9_-]{32}$/);
    const link = `${base}${new URL(sent).pathname}`;
    await officer.getByText(/Väntar på svar senast/).waitFor();

    // The body opens the link on a phone, with no login, and answers with comments.
    const body = await (await env.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await body.goto(link);
    await body.getByRole('heading', { name: 'Remiss', exact: true }).waitFor();
    await body.getByText('Når räddningsfordonen garaget från Ekvägen?').waitFor();
    await expectAccessible(body, 'remiss page');
    await shoot(body, docShots, 'remiss-page');
    await body.getByRole('radio', { name: 'Synpunkter' }).check();
    await body.getByRole('button', { name: 'Skicka svaret' }).click();
    await body.getByText('Skriv era synpunkter.').waitFor();
    await body.getByLabel('Era synpunkter').fill('Vändplan saknas; vägen ska vara minst 3 m bred.');
    await body.getByLabel('Namn och roll').fill('Eva Berg, brandinspektör');
    await body.getByRole('button', { name: 'Skicka svaret' }).click();
    await body.getByText('Tack! Ert svar är skickat till handläggaren.').waitFor();
    await expectAccessible(body, 'remiss page, answered');
    await body.setViewportSize({ width: 1280, height: 800 });
    await shoot(body, docShots, 'remiss-page-answered');

    await officer.reload();
    await officer.getByText('Vändplan saknas; vägen ska vara minst 3 m bred.').waitFor();
    await officer.getByText(/svar från Eva Berg, brandinspektör/).waitFor();
    await expectAccessible(officer, 'officer case, remiss answered');
    await shoot(officer, docShots, 'officer-remiss');
    // The same case view on a phone: the panels stack, the fee table and the plan's table keep their columns.
    await officer.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(officer, 'officer case at 390 px');
    await shoot(officer, docShots, 'officer-remiss');
  });

  it('suggests the bodies the site calls for: a garage by the lake names the shore protection', async () => {
    const base = env.server.baseUrl;
    const gustav = await apiLogin(base, GUSTAV);
    const { property: strand } = z
      .object({ property: PropertySchema })
      .parse(await (await fetch(`${base}/api/properties/${STRANDANGEN_4_1}`, { headers: { cookie: gustav } })).json());
    const created = await submitSignedBuilding(base, gustav, GUSTAV, {
      propertyId: strand.id,
      ring: footprintIn(strand, 8, 7).coordinates[0]!,
      description: 'Garage i trä, 56 m².',
      ridgeHeightM: 4,
    });
    for (const width of [1280, 390]) {
      const context = await env.newContext({ viewport: { width, height: width > 500 ? 800 : 844 } });
      const [name, value] = (await apiLogin(base, LINNEA)).split('=') as [string, string];
      await context.addCookies([{ name, value, url: base }]);
      const officer = await context.newPage();
      await officer.goto(`${base}/handlaggare/arenden/${created.id}`);
      const panel = officer.locator('section', { has: officer.getByRole('heading', { name: 'Remisser' }) });
      await panel.getByText('Skicka remiss', { exact: true }).click();
      await panel.getByText('Förslag utifrån platsen (välj för att fylla i):').waitFor();
      await panel
        .getByText(/strandskydd/)
        .first()
        .waitFor();
      await panel.getByRole('button', { name: 'Miljö- och hälsoskyddsenheten' }).click();
      expect(await panel.getByLabel('Till (enhet eller myndighet)').inputValue()).toBe('Miljö- och hälsoskyddsenheten');
      // The town's own unit comes with the address municipality.json gives it.
      expect(await panel.getByLabel('E-postadress').inputValue()).toBe('miljo@kjellstavik.example');
      await expectAccessible(officer, `remiss suggestions at ${width} px`);
      await panel.screenshot({ path: path.join(docShots, `remiss-suggestions-${width}.png`) });
    }
  });
});
