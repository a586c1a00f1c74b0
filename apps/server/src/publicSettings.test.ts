import { afterAll, describe, expect, it } from 'vitest';
import { FeeScheduleSchema } from '@lovisa/domain';
import { tileSources } from './app';
import { loadConfig } from './config';
import { startHarness, type Harness } from './test/harness';

describe('public settings: fee schedule and map background', () => {
  const harnesses: Harness[] = [];
  afterAll(async () => {
    for (const h of harnesses) await h.close();
  });

  it('by default the maps are offline: no tile URL, and the page may load images from this server only', async () => {
    const h = await startHarness('pglite');
    harnesses.push(h);
    const res = await h.app.inject({ method: 'GET', url: '/api/map-config' });
    expect(res.json()).toEqual({ tileUrl: null, attribution: '' });
    expect(res.headers['content-security-policy']).toContain("img-src 'self' data: blob:;");
    expect(
      FeeScheduleSchema.parse((await h.app.inject({ method: 'GET', url: '/api/fee-schedule' })).json()).example,
    ).toBe(true);
  });

  it('a configured background is announced to the web app and let through the Content-Security-Policy', async () => {
    const url = 'https://{s}.tiles.kjellstavik.example/{z}/{x}/{y}.png';
    const h = await startHarness('pglite', { mapTiles: { url, attribution: '© Kjellstavik kommun' } });
    harnesses.push(h);
    const res = await h.app.inject({ method: 'GET', url: '/api/map-config' });
    expect(res.json()).toEqual({ tileUrl: url, attribution: '© Kjellstavik kommun' });
    expect(res.headers['content-security-policy']).toContain(
      "img-src 'self' data: blob: https://*.tiles.kjellstavik.example;",
    );
  });

  it('names the tile host exactly when there are no subdomains', () => {
    expect(tileSources('https://karta.kjellstavik.example/wmts/{z}/{x}/{y}.png')).toEqual([
      'https://karta.kjellstavik.example',
    ]);
    expect(tileSources(undefined)).toEqual([]);
  });

  it("announces Kjellstavik's identity when the fixtures have no municipality.json, with no logo", async () => {
    const h = await startHarness('pglite');
    harnesses.push(h);
    const res = await h.app.inject({ method: 'GET', url: '/api/municipality' });
    expect(res.json()).toMatchObject({ name: 'Kjellstavik kommun', board: 'Byggnadsnämnden', logoUrl: null });
    // The remiss bodies' addresses are the officers' list, not served to everyone.
    expect(res.json()).not.toHaveProperty('consultees');
    expect((await h.app.inject({ method: 'GET', url: '/api/municipality/logo' })).statusCode).toBe(404);
  });

  it('takes MUNICIPALITY_* over the file, and refuses a colour that fails the contrast check', () => {
    const config = loadConfig({ MUNICIPALITY_NAME: 'Provstad kommun', MUNICIPALITY_COLOUR_PRIMARY: '#004d40' });
    expect(config.municipality).toMatchObject({ name: 'Provstad kommun', colours: { primary: '#004d40' } });
    expect(config.municipality.contact.phone).toBe('0123-456 00');
    expect(() => loadConfig({ MUNICIPALITY_COLOUR_PRIMARY: '#ffd700' })).toThrow(
      /municipality\.colours\.primary: Färgen #ffd700 har kontrasten 1\.\d+:1 mot vitt; minst 4\.5:1 krävs/,
    );
  });
});
