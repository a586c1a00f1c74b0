import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './test/harness';

// The web app's files go out compressed: the build writes x.br and x.gz beside each one (apps/web/vite.config.ts)
// and the static plugin picks the one the browser accepts (docs/performance.md). Here, a web build of a few files.

const script = Buffer.from(
  `export const texts = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `Text nummer ${i} på svenska`))};\n`,
);
const small = Buffer.from('export const x = 1;\n');
const html =
  '<!doctype html><html lang="sv"><title>Lovisa</title><script type="module" src="/assets/app-abc123.js"></script></html>';

describe('static files, compressed when the browser accepts it', () => {
  let h: Harness;
  let web: string;
  beforeAll(async () => {
    web = await mkdtemp(path.join(os.tmpdir(), 'lovisa-web-'));
    await mkdir(path.join(web, 'assets'));
    await writeFile(path.join(web, 'index.html'), html);
    await writeFile(path.join(web, 'assets', 'app-abc123.js'), script);
    await writeFile(path.join(web, 'assets', 'app-abc123.js.br'), brotliCompressSync(script));
    await writeFile(path.join(web, 'assets', 'app-abc123.js.gz'), gzipSync(script, { level: 9 }));
    // Under 1 KB: the build writes no compressed versions of it.
    await writeFile(path.join(web, 'assets', 'tiny-abc123.js'), small);
    h = await startHarness('pglite', { webDist: web });
  });
  afterAll(async () => {
    await h?.close();
    await rm(web, { recursive: true, force: true });
  });
  const get = (url: string, acceptEncoding?: string) =>
    h.app.inject({
      method: 'GET',
      url,
      headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
    });
  const varies = (vary: unknown) =>
    String(vary)
      .toLowerCase()
      .split(/\s*,\s*/)
      .includes('accept-encoding');

  it('sends brotli to a browser that accepts it, gzip to one that accepts only gzip, the file itself to the rest', async () => {
    const plain = await get('/assets/app-abc123.js');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(script)).toBe(true);
    expect(plain.headers['content-type']).toMatch(/^(text|application)\/javascript; charset=utf-8$/);
    expect(varies(plain.headers.vary)).toBe(true);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const br = await get('/assets/app-abc123.js', 'gzip, deflate, br, zstd');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(script.length / 3);
    expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length);
    expect(brotliDecompressSync(br.rawPayload).equals(script)).toBe(true);
    expect(br.headers['content-type']).toBe(plain.headers['content-type']);
    expect(varies(br.headers.vary)).toBe(true);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const gz = await get('/assets/app-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(script)).toBe(true);
    expect(gz.headers['content-type']).toBe(plain.headers['content-type']);
    expect(varies(gz.headers.vary)).toBe(true);

    for (const none of ['identity', 'br;q=0, gzip;q=0']) {
      const res = await get('/assets/app-abc123.js', none);
      expect(res.headers['content-encoding'], none).toBeUndefined();
      expect(res.rawPayload.equals(script), none).toBe(true);
    }
  });

  it('sends a file without compressed versions as it is, and never serves the .br or .gz file at its own address', async () => {
    const tiny = await get('/assets/tiny-abc123.js', 'br, gzip');
    expect(tiny.statusCode).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.rawPayload.equals(small)).toBe(true);
    for (const url of ['/assets/app-abc123.js.br', '/assets/app-abc123.js.gz'])
      expect((await get(url, 'br, gzip')).statusCode, url).toBe(404);
  });

  it('keeps the page itself re-read on every visit, in every encoding', async () => {
    for (const enc of [undefined, 'br, gzip']) {
      const page = await get('/ansokan/karta', enc);
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toBe(html);
    }
    const kiosk = await get('/kiosk', 'br, gzip');
    expect(kiosk.headers['cache-control']).toBe('no-store');
    expect(kiosk.body).toBe(html);
  });
});
