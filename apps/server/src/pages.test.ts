import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './test/harness';

const html = '<!doctype html><html lang="sv"><head><title>Lovisa</title></head><div id="root"></div></html>';
// What the web build writes beside index.html: every page's first answer, the wizard's first chunks and the
// applicant's first answers (apps/web/vite.config.ts).
const preloads = [
  { path: '/', files: [], fetches: ['/api/session'], signedInFetches: [] },
  {
    path: '/ansokan',
    files: ['/assets/WizardPage-abc123.js', '/assets/sv-def456.js'],
    fetches: [],
    signedInFetches: ['/api/drafts', '/api/me/properties'],
  },
];
const sessionLink = '<link rel="preload" as="fetch" crossorigin href="/api/session">';
const preloadLinks =
  '<link rel="modulepreload" crossorigin href="/assets/WizardPage-abc123.js">' +
  '<link rel="modulepreload" crossorigin href="/assets/sv-def456.js">';
const fetchLinks =
  sessionLink +
  '<link rel="preload" as="fetch" crossorigin href="/api/drafts">' +
  '<link rel="preload" as="fetch" crossorigin href="/api/me/properties">';

/** The app shell for every page address; 200 for the app's own pages, 404 for the rest; HEAD as GET. */
describe('page addresses', () => {
  let h: Harness;
  let web: string;
  beforeAll(async () => {
    web = await mkdtemp(path.join(os.tmpdir(), 'lovisa-web-'));
    await writeFile(path.join(web, 'index.html'), html);
    await writeFile(path.join(web, 'page-preloads.json'), JSON.stringify(preloads));
    h = await startHarness('pglite', { webDist: web });
  });
  afterAll(async () => {
    await h?.close();
    await rm(web, { recursive: true, force: true });
  });

  it.each(['/', '/logga-in', '/mina-arenden', '/handlaggare/arenden/0b8e3f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b', '/kiosk'])(
    '%s: the app, 200',
    async (url) => {
      const res = await h.app.inject({ method: 'GET', url: `${url}?x=1` });
      expect(res.statusCode).toBe(200);
      // The kiosk's face starts from nothing: no answers asked for ahead.
      expect(res.body).toBe(url === '/kiosk' ? html : html.replace('</head>', `${sessionLink}</head>`));
    },
  );

  it.each(['/ansokan', '/ansokan/karta'])('%s: the app naming the wizard’s first chunks to preload', async (url) => {
    const res = await h.app.inject({ method: 'GET', url: `${url}?utkast=1` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(html.replace('</head>', `${preloadLinks}${sessionLink}</head>`));
    // Not for an address that only starts with the same letters.
    expect((await h.app.inject({ method: 'GET', url: '/ansokanx' })).body).not.toContain('modulepreload');
  });

  it('names the wizard’s first answers to preload only to a visitor with a session cookie', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/ansokan/karta', cookies: { lovisa_session: 'x' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(html.replace('</head>', `${preloadLinks}${fetchLinks}</head>`));
    // Without one, only the chunks and the session (the applicant's answers would be refused).
    expect((await h.app.inject({ method: 'GET', url: '/ansokan/karta' })).body).toBe(
      html.replace('</head>', `${preloadLinks}${sessionLink}</head>`),
    );
  });

  it.each(['/finns-inte', '/mina-arenden/123', '/wp-login', '/ansokan/../../etc'])(
    '%s: the app shell, 404',
    async (url) => {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toBe(html);
    },
  );

  it('answers HEAD as GET, without a body', async () => {
    const home = await h.app.inject({ method: 'HEAD', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.headers['content-type']).toMatch(/^text\/html/);
    expect(home.body).toBe('');
    expect((await h.app.inject({ method: 'HEAD', url: '/finns-inte' })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'HEAD', url: '/api/health' })).statusCode).toBe(200);
  });

  it('keeps API and asset misses as JSON 404', async () => {
    const api = await h.app.inject({ method: 'GET', url: '/api/finns-inte' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('notFound');
    expect((await h.app.inject({ method: 'GET', url: '/assets/finns-inte.js' })).statusCode).toBe(404);
  });
});
