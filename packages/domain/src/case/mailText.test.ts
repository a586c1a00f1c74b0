import { describe, expect, it } from 'vitest';
import { caseMailText } from './mailText';

describe('an e-mail about a case', () => {
  const id = '0b7f2a3c-5d1e-4f6a-9b8c-1d2e3f4a5b6c';

  it('ends with the link to the case in Mina ärenden', () => {
    const text = caseMailText('Din ansökan har kommit in.', id, 'https://bygglov.kjellstavik.se');
    expect(text.startsWith('Din ansökan har kommit in.\n\n')).toBe(true);
    expect(text.split('\n').at(-1)).toBe(`https://bygglov.kjellstavik.se/mina-arenden/${id}`);
    expect(text).toContain('logga in med BankID');
  });

  it('goes out as written when the service has no known address', () => {
    expect(caseMailText('Beslut i ärende BN 2026-000001.', id, null)).toBe('Beslut i ärende BN 2026-000001.');
  });
});
