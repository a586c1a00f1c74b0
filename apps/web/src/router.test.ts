import { describe, expect, it } from 'vitest';
import { safeNext } from './router';

describe('safeNext', () => {
  it('follows local paths only, never to another site', () => {
    expect(safeNext('/mina-arenden/abc?x=1', '/ansokan')).toBe('/mina-arenden/abc?x=1');
    for (const bad of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      expect(safeNext(bad, '/ansokan')).toBe('/ansokan');
    }
  });
});
