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
      const list = [{ path: '/ansokan', files: ['/assets/WizardPage-a1.js'] }];
      await writeFile(path.join(web, 'page-preloads.json'), JSON.stringify(list));
      expect(await readPagePreloads(web)).toEqual(list);
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
      { path: '/ansokan', files: ['/assets/WizardPage-a1.js', '/assets/sv-b2.js'] },
      { path: '/mina-arenden', files: ['/assets/MyCasesPage-c3.js'] },
    ];
    expect(preloadsFor(list, '/ansokan/karta')).toEqual(['/assets/WizardPage-a1.js', '/assets/sv-b2.js']);
    expect(preloadsFor(list, '/ansokan')).toHaveLength(2);
    expect(preloadsFor(list, '/ansokanx')).toEqual([]);
    expect(preloadsFor(list, '/')).toEqual([]);
    expect(withPreloads('<html><head><title>x</title></head><body></body></html>', ['/assets/a.js'])).toBe(
      '<html><head><title>x</title><link rel="modulepreload" crossorigin href="/assets/a.js"></head><body></body></html>',
    );
    expect(withPreloads('<html><head></head></html>', [])).toBe('<html><head></head></html>');
  });
});
