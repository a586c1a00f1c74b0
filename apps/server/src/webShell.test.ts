import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { preloadsFor, readPagePreloads, withPreloads } from './webShell';

describe('the pages’ preloads from the web build', () => {
  it('reads the build’s list; an absent or foreign file means none', async () => {
    const web = await mkdtemp(path.join(os.tmpdir(), 'lovisa-shell-'));
    try {
      expect(await readPagePreloads(web)).toEqual([]);
      const list = [
        { path: '/', files: [], fetches: ['/api/session'], signedInFetches: [] },
        { path: '/ansokan', files: ['/assets/WizardPage-a1.js'], fetches: [], signedInFetches: ['/api/drafts'] },
      ];
      await writeFile(path.join(web, 'page-preloads.json'), JSON.stringify(list));
      expect(await readPagePreloads(web)).toEqual(list);
      // An older build's list, without answers to preload.
      await writeFile(path.join(web, 'page-preloads.json'), JSON.stringify([{ path: '/ansokan', files: [] }]));
      expect(await readPagePreloads(web)).toEqual([{ path: '/ansokan', files: [], fetches: [], signedInFetches: [] }]);
      // Nor does an address that is not the API's, or that carries a query.
      for (const fetch of ['https://evil.example/x', '/api/drafts?x="><script>', '/assets/a.js']) {
        for (const list of [{ fetches: [fetch] }, { signedInFetches: [fetch] }]) {
          await writeFile(path.join(web, 'page-preloads.json'), JSON.stringify([{ path: '/a', files: [], ...list }]));
          expect(await readPagePreloads(web)).toEqual([]);
        }
      }
      // A name that is not one of the build's chunks never reaches the HTML.
      await writeFile(
        path.join(web, 'page-preloads.json'),
        JSON.stringify([{ path: '/ansokan', files: ['"><script>alert(1)</script>'] }]),
      );
      expect(await readPagePreloads(web)).toEqual([]);
      await writeFile(path.join(web, 'page-preloads.json'), '{not json');
      expect(await readPagePreloads(web)).toEqual([]);
    } finally {
      await rm(web, { recursive: true, force: true });
    }
  });

  it('names a page’s chunks at its address and the addresses under it, at the end of the head', () => {
    const list = [
      { path: '/', files: [], fetches: ['/api/session'], signedInFetches: [] },
      {
        path: '/ansokan',
        files: ['/assets/WizardPage-a1.js', '/assets/sv-b2.js'],
        fetches: [],
        signedInFetches: ['/api/drafts', '/api/me/properties'],
      },
      { path: '/mina-arenden', files: ['/assets/MyCasesPage-c3.js'], fetches: [], signedInFetches: [] },
    ];
    expect(preloadsFor(list, '/ansokan/karta', true)).toEqual({
      files: ['/assets/WizardPage-a1.js', '/assets/sv-b2.js'],
      fetches: ['/api/session', '/api/drafts', '/api/me/properties'],
    });
    // Someone not signed in gets the chunks, not the answers they would be refused.
    expect(preloadsFor(list, '/ansokan', false)).toEqual({
      files: ['/assets/WizardPage-a1.js', '/assets/sv-b2.js'],
      fetches: ['/api/session'],
    });
    // "/" is above every page; an address that only starts like another page's is not under it.
    expect(preloadsFor(list, '/ansokanx', true)).toEqual({ files: [], fetches: ['/api/session'] });
    expect(preloadsFor(list, '/', true)).toEqual({ files: [], fetches: ['/api/session'] });
    expect(
      withPreloads('<html><head><title>x</title></head><body></body></html>', {
        files: ['/assets/a.js'],
        fetches: ['/api/drafts'],
      }),
    ).toBe(
      '<html><head><title>x</title><link rel="modulepreload" crossorigin href="/assets/a.js">' +
        '<link rel="preload" as="fetch" crossorigin href="/api/drafts"></head><body></body></html>',
    );
    expect(withPreloads('<html><head></head></html>', { files: [], fetches: [] })).toBe('<html><head></head></html>');
  });
});
