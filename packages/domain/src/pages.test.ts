import { describe, expect, it } from 'vitest';
import { isAppPage } from './pages';

describe('the web app page addresses', () => {
  it.each([
    '/',
    '/logga-in',
    '/tillganglighet',
    '/personuppgifter',
    '/ansokan',
    '/ansokan/karta',
    '/mina-arenden',
    '/mina-arenden/0b8e3f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    '/handlaggare',
    '/handlaggare/statistik',
    '/handlaggare/arenden/0b8e3f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    '/dev/e-post',
    '/anslagstavla',
    '/bygglovsregister',
    '/medgivande/Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1',
    '/kiosk',
    '/kiosk/meny',
    '/underrattelse',
    '/underrattelse/ABCD-EFGH-JKMN',
    '/remiss/abcdefghijABCDEFGHIJ0123456789_-',
    '/underskrift/abcdefghijABCDEFGHIJ0123456789_-',
    '/fullmakter',
  ])('%s is a page', (path) => expect(isAppPage(path)).toBe(true));

  it.each([
    '/finns-inte',
    '/mina-arenden/123',
    '/handlaggare/arenden',
    '/ansokan/../etc',
    '/logga-in/',
    '/MINA-ARENDEN',
    '/wp-login.php',
    '/dev',
    '/medgivande',
    '/medgivande/kort',
    '/underrattelse/a/b',
    '/underrattelse/<script>',
    '/remiss/too-short',
    '/underskrift/kort',
  ])('%s is not', (path) => expect(isAppPage(path)).toBe(false));
});
