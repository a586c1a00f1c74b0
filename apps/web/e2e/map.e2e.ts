import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiLogin, hasBrowser, repoRoot, expectAccessible, shoot, useServerAndBrowser } from './support';

// The map step (issue 6) in a real browser: drawing by mouse and by measurements, several buildings, moving,
// turning and deleting them, the warnings that say what to do, and the keyboard-only way through; the map in
// SWEREF 99 TM, where a rectangle drawn straight is stored straight, and the phone layout (issue 18).

const shots = path.join(repoRoot, 'docs/screenshots');
/** Anna Lindqvist, who owns Kjellstavik Eken 1:23. */
const APPLICANT = '198202029289';

interface StoredDraft {
  data: { footprints?: { geometry: { coordinates: [number, number][][] } }[] };
}

describe.skipIf(!hasBrowser)('the map step in a real browser', () => {
  // One server for the file; each test has a browser context of its own and starts a new application (?ny).
  const env = useServerAndBrowser();
  const escaped = env.escaped;
  /** What the page's CSP refused (its securitypolicyviolation events): nothing, or the page tried something it may not. */
  let refused: string[] = [];
  let session = '';

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    // Logged in once over HTTP (the login itself is the slice and kiosk tests' subject); each context gets the cookie.
    session = await apiLogin(env.server.baseUrl, APPLICANT);
  });
  beforeEach(() => {
    refused = [];
  });
  // After the harness's own afterAll is registered, so it runs while the page and server are still up.
  afterEach(() => {
    expect(refused, 'CSP violations on the page').toEqual([]);
  });

  /** Anna, logged in, starts a new application, picks Eken 1:23 and an outbuilding, and arrives at the map. */
  async function mapStep(width = 1280, height = 800): Promise<Page> {
    const context = await env.newContext({ viewport: { width, height } });
    const [name, value] = session.split(/=(.*)/s) as [string, string];
    await context.addCookies([{ name, value, url: env.server.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    await page.exposeFunction('reportRefused', (what: string) => refused.push(what));
    await page.addInitScript(() => {
      const report = (window as unknown as { reportRefused: (what: string) => void }).reportRefused;
      document.addEventListener('securitypolicyviolation', (e) => report(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${env.server.baseUrl}/ansokan?ny`);
    if (width < 640) {
      // Every step of a phone shows "Steg 1 av 6" in place of the list: the first one, looked at and checked.
      await page.getByRole('radio', { name: /Kjellstavik Eken 1:23/ }).waitFor();
      expect(await page.locator('.steps-compact').textContent()).toBe('Steg 1 av 6');
      await expectAccessible(page, 'property step (phone)');
      await shoot(page, shots, 'wizard-property');
    }
    // A click while the wizard's first render settles was lost once in CI ("did not change its state"); a
    // person clicks again, and so does this. Why the first click can be lost is not known yet.
    const property = page.getByRole('radio', { name: /Kjellstavik Eken 1:23/ });
    await expect
      .poll(() =>
        property.check({ timeout: 2_000 }).then(
          () => true,
          () => false,
        ),
      )
      .toBe(true);
    await page.getByRole('button', { name: 'Nästa' }).click();
    await page.getByRole('radio', { name: /Komplementbyggnad/ }).check();
    await page.getByRole('button', { name: 'Nästa' }).click();
    await page.locator('.leaflet-container').waitFor();
    // The neighbours' labels mean the surroundings are in, and with them the names of the boundaries.
    await page.locator('.leaflet-tooltip', { hasText: 'Eken 1:22' }).waitFor();
    await page.getByLabel('Avstånd från gränsen mot Ekvägen (söder), meter').waitFor();
    return page;
  }

  /** The newest draft's footprints as the server stored them, once the autosave has brought `n` of them. */
  async function storedFootprints(page: Page, n: number) {
    let footprints: NonNullable<StoredDraft['data']['footprints']> = [];
    await expect
      .poll(
        async () => {
          const drafts = (await (await page.request.get(`${env.server.baseUrl}/api/drafts`)).json()) as StoredDraft[];
          footprints = drafts[0]?.data.footprints ?? [];
          return footprints.length;
        },
        { timeout: 10_000 },
      )
      .toBe(n);
    return footprints;
  }

  /** How far each side of a ring is turned from the grid's axes, in degrees. */
  const sideTurns = (ring: [number, number][]) =>
    ring.slice(0, -1).map(([e0, n0], i) => {
      const [e1, n1] = ring[i + 1]!;
      const deg = (Math.atan2(n1 - n0, e1 - e0) * 180) / Math.PI;
      return Math.abs(((((deg + 45) % 90) + 90) % 90) - 45);
    });

  const items = (page: Page) => page.locator('.building-list__item');
  const summaries = (page: Page) => page.locator('.building-list__summary');
  const warnings = (page: Page) => page.locator('.map-warnings');
  /** Where a building's label sits on screen: the middle of the building. */
  async function labelCentre(page: Page, name: string) {
    // The mouse only reaches what is on screen.
    await page.locator('.leaflet-container').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = (await page.locator('.leaflet-tooltip.map-label--building', { hasText: name }).boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
  /** Picks "Rita rektangel" and waits until it is on; the map's middle on screen, where corners are clicked. */
  async function pickRectangleTool(page: Page) {
    await page.getByRole('button', { name: 'Rita rektangel' }).click();
    // The tool is on once Geoman (fetched on first use) is here: the button shows it pressed.
    await page.getByRole('button', { name: 'Rita rektangel', pressed: true }).waitFor();
    await page.locator('.leaflet-container').scrollIntoViewIfNeeded();
    const box = (await page.locator('.leaflet-container').boundingBox())!;
    return { cx: box.x + box.width / 2, cy: box.y + box.height / 2 };
  }
  /** Places the selected building (or a new one) from the form. */
  async function placeByForm(
    page: Page,
    v: { width: string; depth: string; south: string; west: string; rotation?: string },
  ) {
    await page.getByLabel('Bredd (meter)').fill(v.width);
    await page.getByLabel('Djup (meter)').fill(v.depth);
    await page.getByLabel('Vridning (grader medurs)').fill(v.rotation ?? '0');
    await page.getByLabel('Avstånd från gränsen mot Ekvägen (söder), meter').fill(v.south);
    await page.getByLabel('Avstånd från gränsen mot Kjellstavik Eken 1:22 (väster), meter').fill(v.west);
    await page.getByRole('button', { name: 'Placera byggnaden' }).click();
  }

  it('draws by mouse and by measurements, warns near the boundary and on prickmark, moves, turns and deletes', async () => {
    const page = await mapStep();
    await expect.poll(() => page.locator('.measurements').textContent()).toContain('Ingen byggnad ritad ännu.');

    // 1. A rectangle drawn with the mouse: Byggnad 1, labelled on the map and listed with its measurements.
    const { cx, cy } = await pickRectangleTool(page);
    // East of the middle, clear of the house (whose edges the corners would snap to).
    await page.mouse.click(cx + 10, cy - 10);
    await page.mouse.click(cx + 50, cy + 20);
    await expect.poll(() => items(page).count()).toBe(1);
    await page.locator('.leaflet-tooltip.map-label--building', { hasText: 'Byggnad 1' }).waitFor();
    // Labels are text on view, not tooltips: an empty role="tooltip" while React fills one in fails axe.
    expect(await page.locator('.map-label').count()).toBeGreaterThan(3);
    expect(await page.locator('.map-label[role]').count()).toBe(0);
    await expect.poll(() => page.locator('.measurements__area').textContent()).toMatch(/^Yta: \d+,\d m²$/);
    await expect
      .poll(() => summaries(page).first().textContent())
      .toMatch(/^Byggnad 1: \d+,\d+ × \d+,\d+ m, \d+,\d m², \d+,\d+ m från gränsen mot /);
    // The nearest boundary is highlighted, with a dimension line and its length.
    await expect.poll(() => page.locator('.leaflet-tooltip.map-label--distance').count()).toBe(1);

    // 2. A second building from width × depth, placed by its distances from two named boundaries.
    await page.getByLabel('Måtten gäller').selectOption({ label: 'En ny byggnad' });
    await placeByForm(page, { width: '4', depth: '3', south: '20', west: '20' });
    await expect.poll(() => items(page).count()).toBe(2);
    await expect
      .poll(() => summaries(page).nth(1).textContent())
      .toBe('Byggnad 2: 4,0 × 3,0 m, 12,0 m², 6,0 m från gränsen mot Kjellstavik Björken 2:5 Vald');
    await page.locator('.leaflet-tooltip.map-label--building', { hasText: 'Byggnad 2' }).waitFor();
    await expect
      .poll(() => page.locator('.measurements__area').textContent())
      .toMatch(/^Yta: \d+,\d m² i 2 byggnader$/);
    await expect.poll(() => page.locator('.leaflet-tooltip.map-label--distance').count()).toBe(2);
    await expectAccessible(page, 'map step with two buildings');
    await shoot(page, shots, 'map-step');

    // 3. Moved within 4.5 m of the boundary with Eken 1:22: the neighbour's consent is needed, and named.
    await placeByForm(page, { width: '4', depth: '3', south: '24', west: '1' });
    await expect
      .poll(() => warnings(page).textContent())
      .toContain(
        'Byggnad 2 ligger 1,0 m från gränsen mot Kjellstavik Eken 1:22. Närmare än 4,5 m behöver du skriftligt medgivande från ägarna till Kjellstavik Eken 1:22.',
      );
    await page.locator('.leaflet-tooltip.map-label--distance', { hasText: '1,0 m' }).waitFor();
    await page.getByText(/skriftligt medgivande från alla ägare till Kjellstavik Eken 1:22/).waitFor(); // the verdict's condition
    await expectAccessible(page, 'map step with a consent warning');
    await shoot(page, shots, 'map-warning-consent');

    // 4. Moved onto the prickmark strip along Ekvägen: the plan forbids building there.
    await placeByForm(page, { width: '4', depth: '3', south: '2', west: '12' });
    await expect
      .poll(() => warnings(page).textContent())
      .toContain('Byggnad 2: 12,0 m² ligger på prickmark, mark som inte får bebyggas. Flytta byggnaden.');
    await expect
      .poll(() => warnings(page).textContent())
      .toContain('Byggnad 2 ligger 2,0 m från gränsen mot Ekvägen. Detaljplanen kräver minst 4,5 m.');
    await shoot(page, shots, 'map-warning-prickmark');

    // 5. Dragged off the prickmark with the mouse, in move mode: the warning goes, the area stays.
    await page.getByRole('button', { name: 'Flytta' }).click();
    const from = await labelCentre(page, 'Byggnad 2');
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y - 100, { steps: 12 });
    await page.mouse.up();
    expect(await page.evaluate(() => window.scrollY), 'the page stays put while a building is dragged').toBe(scrolled);
    await expect.poll(() => page.locator('.measurements').textContent()).not.toContain('prickmark');
    await expect.poll(() => summaries(page).nth(1).textContent()).toMatch(/^Byggnad 2: 4,0 × 3,0 m, 12,0 m², /);
    // The form follows the building, so placing it again would not undo the move.
    expect(
      Number((await page.getByLabel('Avstånd från gränsen mot Ekvägen (söder), meter').inputValue()).replace(',', '.')),
    ).toBeGreaterThan(8);
    await page.getByRole('button', { name: 'Klar' }).click();

    // 6. Turned by a corner handle, in rotate mode: the same building at an angle.
    await page.getByRole('button', { name: 'Vrid' }).click();
    const centre = await labelCentre(page, 'Byggnad 2');
    const handles = await page.locator('.leaflet-marker-pane .marker-icon').all();
    let corner: { x: number; y: number } | null = null;
    for (const h of handles) {
      const b = await h.boundingBox();
      if (!b) continue;
      const p = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      if (Math.hypot(p.x - centre.x, p.y - centre.y) < 60 && (!corner || p.x > corner.x)) corner = p;
    }
    expect(corner, 'a rotation handle on Byggnad 2').not.toBeNull();
    await page.mouse.move(corner!.x, corner!.y);
    await page.mouse.down();
    const r = Math.hypot(corner!.x - centre.x, corner!.y - centre.y);
    const a0 = Math.atan2(corner!.y - centre.y, corner!.x - centre.x);
    for (let i = 1; i <= 10; i++) {
      const a = a0 + (i / 10) * (Math.PI / 6); // 30° clockwise on screen
      await page.mouse.move(centre.x + r * Math.cos(a), centre.y + r * Math.sin(a));
    }
    await page.mouse.up();
    await expect
      .poll(async () =>
        Math.abs(
          Number((await page.getByLabel('Vridning (grader medurs)').inputValue()).replace(',', '.').replace('−', '-')),
        ),
      )
      .toBeGreaterThan(10);
    await expect.poll(() => summaries(page).nth(1).textContent()).toMatch(/^Byggnad 2: 4,0 × 3,0 m, 12,0 m², /);
    await page.getByRole('button', { name: 'Klar' }).click();

    // 7. Deleted, one by one, from the list.
    await page.getByRole('button', { name: 'Ta bort Byggnad 2' }).click();
    await expect.poll(() => items(page).count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('buildings-heading');
    await expect.poll(() => page.locator('.leaflet-tooltip.map-label--building').count()).toBe(1);
    await page.getByRole('button', { name: 'Ta bort Byggnad 1' }).click();
    await page.getByText('Du har inte ritat någon byggnad ännu.').waitFor();
    await expect.poll(() => page.locator('.leaflet-tooltip.map-label--building').count()).toBe(0);
    await expect.poll(() => page.locator('.measurements').textContent()).toContain('Ingen byggnad ritad ännu.');

    expect(escaped).toEqual([]);
  });

  it('places a building and goes on to the next step with the keyboard alone', async () => {
    const page = await mapStep();
    /** Presses Tab (or Shift+Tab) until the element `matches` has focus. */
    async function tabTo(what: string, matches: () => boolean, key = 'Tab') {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press(key);
        if (await page.evaluate(matches)) return;
      }
      throw new Error(`${key} never reached ${what}`);
    }
    await tabTo('the width field', () => document.activeElement?.id === 'width');
    await page.keyboard.type('4');
    await page.keyboard.press('Tab');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab'); // rotation: 0
    await page.keyboard.press('Tab');
    await page.keyboard.type('20');
    await page.keyboard.press('Tab');
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.measurements__area').textContent()).toBe('Yta: 12,0 m²');
    // Focus stays where the applicant is: in the form.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('from-west');
    await expect
      .poll(() => summaries(page).first().textContent())
      .toBe('Byggnad 1: 4,0 × 3,0 m, 12,0 m², 10,0 m från gränsen mot Kjellstavik Eken 1:22 Vald');

    // A second building from the same form: "En ny byggnad" is the last choice under "Måtten gäller".
    await tabTo('the building choice', () => document.activeElement?.id === 'target', 'Shift+Tab');
    await page.keyboard.press('End');
    await expect.poll(() => page.getByLabel('Måtten gäller').inputValue()).toBe('new');
    await tabTo('the south distance', () => document.activeElement?.id === 'from-south');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('10');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => summaries(page).nth(1).textContent())
      .toBe('Byggnad 2: 4,0 × 3,0 m, 12,0 m², 6,0 m från gränsen mot Kjellstavik Björken 2:5 Vald');

    // The list works from the keyboard: remove Byggnad 2, and focus lands on the list's heading.
    await tabTo('Ta bort Byggnad 2', () => document.activeElement?.textContent === 'Ta bort Byggnad 2', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => items(page).count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('buildings-heading');
    await tabTo('Nästa', () => document.activeElement?.textContent === 'Nästa');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Uppgifter om byggnaden/ }).waitFor();
    expect(escaped).toEqual([]);
  });

  it('stores a rectangle drawn straight on screen at rotation 0, as the form shows it', async () => {
    const page = await mapStep();
    const { cx, cy } = await pickRectangleTool(page);
    // Two opposite corners, straight across the screen from each other; east of the house, clear of its edges.
    await page.mouse.click(cx + 10, cy - 30);
    await page.mouse.click(cx + 110, cy + 30);
    await page.locator('.leaflet-tooltip.map-label--building', { hasText: 'Byggnad 1' }).waitFor();
    expect(await page.getByLabel('Vridning (grader medurs)').inputValue()).toBe('0');
    const [stored] = await storedFootprints(page, 1);
    const ring = stored!.geometry.coordinates[0]!;
    expect(ring).toHaveLength(5);
    for (const turn of sideTurns(ring)) expect(turn).toBeLessThan(0.05);
    // And not a sliver: the sides are metres long, so 0,05° is a few millimetres over them.
    const [a, b, c] = ring;
    expect(Math.hypot(b![0] - a![0], b![1] - a![1])).toBeGreaterThan(1);
    expect(Math.hypot(c![0] - b![0], c![1] - b![1])).toBeGreaterThan(1);
    expect(escaped).toEqual([]);
  });

  it('shows a phone the map on its first screen, the steps as "Steg 3 av 6" and the tools in one menu', async () => {
    const page = await mapStep(390, 844);
    const viewport = { width: 390, height: 844 };
    await page.screenshot({ path: path.join(shots, 'map-step-first-screen-390.png') });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const map = (await page.locator('.leaflet-container').boundingBox())!;
    expect(map.y, 'the map starts on the first screen').toBeGreaterThanOrEqual(0);
    expect(map.y + map.height, 'and ends on it').toBeLessThanOrEqual(viewport.height);
    expect(map.x + map.width).toBeLessThanOrEqual(viewport.width);
    expect(map.height, 'a map, not a strip').toBeGreaterThan(300);
    expect(await page.locator('.steps-compact').textContent()).toBe('Steg 3 av 6');
    // The six steps stay for screen readers only.
    expect((await page.locator('.steps').boundingBox())!.height).toBeLessThanOrEqual(1);
    await expectAccessible(page, 'map step (phone, empty)');

    // The tools behind one disclosure button: opened, walked into with Tab, closed with Escape.
    const menu = page.getByRole('button', { name: 'Ritverktyg', exact: true });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('button', { name: 'Rita rektangel' }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('button', { name: 'Rita rektangel' }).waitFor();
    await expectAccessible(page, 'map step (phone, tools open)');
    await page.screenshot({ path: path.join(shots, 'map-step-tools-390.png') });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Rita byggnad');
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');

    // A tap on the map folds it away too.
    await menu.click();
    await page.mouse.click(map.x + 60, map.y + map.height - 40);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    // A tool picked: the menu folds, focus goes back to its button, which names the tool; then a tap-drawn rectangle.
    await menu.click();
    await page.getByRole('button', { name: 'Rita rektangel' }).click();
    const picked = page.getByRole('button', { name: 'Ritverktyg: Rita rektangel' });
    expect(await picked.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ritverktyg: Rita rektangel');
    await page.getByText(/där ett hörn ska vara/).waitFor();
    const cx = map.x + map.width / 2;
    const cy = map.y + map.height / 2;
    await page.mouse.click(cx + 10, cy - 10);
    await page.mouse.click(cx + 60, cy + 25);
    await page.locator('.leaflet-tooltip.map-label--building', { hasText: 'Byggnad 1' }).waitFor();
    expect(await page.getByLabel('Vridning (grader medurs)').inputValue()).toBe('0');
    await expect.poll(() => page.locator('.measurements__area').textContent()).toMatch(/^Yta: \d+,\d m²$/);
    await expectAccessible(page, 'map step (phone, one building)');
    await shoot(page, shots, 'map-step');

    // The same in English.
    await page.getByRole('button', { name: 'In English' }).click();
    await page.getByRole('heading', { level: 1, name: /Draw on the map/ }).waitFor();
    expect(await page.locator('.steps-compact').textContent()).toBe('Step 3 of 6');
    await page.evaluate(() => window.scrollTo(0, 0));
    const mapEn = (await page.locator('.leaflet-container').boundingBox())!;
    expect(
      mapEn.y + mapEn.height,
      'the English intro is a line longer: the map still ends on the first screen',
    ).toBeLessThanOrEqual(viewport.height);
    await page.getByRole('button', { name: 'Drawing tools', exact: true }).click();
    await page.getByRole('button', { name: 'Draw rectangle' }).waitFor();
    await expectAccessible(page, 'map step (phone, English, tools open)');
    await page.screenshot({ path: path.join(shots, 'map-step-tools-en-390.png') });
    expect(escaped).toEqual([]);
  });

  it('keeps the wide layout at 1280 px: all steps and all tools in view, axe clean in both languages', async () => {
    const page = await mapStep(1280, 800);
    expect(await page.locator('.steps-compact').isVisible()).toBe(false);
    expect(await page.locator('.steps li').count()).toBe(6);
    expect(await page.getByRole('button', { name: 'Ritverktyg', exact: true }).isVisible()).toBe(false);
    for (const name of ['Rita byggnad', 'Rita rektangel', 'Visa hela fastigheten'])
      expect(await page.getByRole('button', { name }).isVisible(), name).toBe(true);
    await expectAccessible(page, 'map step (wide, Swedish)');
    await page.screenshot({ path: path.join(shots, 'map-step-first-screen-1280.png') });
    await page.getByRole('button', { name: 'In English' }).click();
    await page.getByRole('heading', { level: 1, name: /Draw on the map/ }).waitFor();
    await expectAccessible(page, 'map step (wide, English)');
    await page.screenshot({ path: path.join(shots, 'map-step-first-screen-en-1280.png') });
    expect(escaped).toEqual([]);
  });
});
