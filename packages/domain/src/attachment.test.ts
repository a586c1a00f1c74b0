import { describe, expect, it } from 'vitest';
import { documentHistory, type AttachmentInfo } from './attachment';

let n = 0;
const file = (
  type: AttachmentInfo['type'],
  createdAt: string,
  extra: Partial<AttachmentInfo> = {},
): AttachmentInfo => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  type,
  neighbourPropertyId: null,
  fileName: `${type}.pdf`,
  contentType: 'application/pdf',
  size: 100,
  generated: false,
  createdAt,
  ...extra,
});

describe('documentHistory', () => {
  it('keeps the newest drawing of a type in force and lists the ones it replaced, newest first', () => {
    const fas1 = file('FAS', '2026-11-23T10:00:00.000Z');
    const fas2 = file('FAS', '2026-12-01T10:00:00.000Z');
    const fas3 = file('FAS', '2026-12-03T10:00:00.000Z');
    const situ = file('SITU', '2026-11-23T10:00:00.000Z', { generated: true });
    const history = documentHistory([fas2, situ, fas1, fas3]);
    expect(history.map((d) => [d.type, d.current.id, d.replaced.map((r) => r.id)])).toEqual([
      ['SITU', situ.id, []],
      ['FAS', fas3.id, [fas2.id, fas1.id]],
    ]);
  });

  it("keeps each neighbour's consent and each other document on its own", () => {
    const a = '11111111-1111-4111-8111-111111111111';
    const b = '22222222-2222-4222-8222-222222222222';
    const history = documentHistory([
      file('GRAM', '2026-11-23T10:00:00.000Z', { neighbourPropertyId: a }),
      file('GRAM', '2026-11-24T10:00:00.000Z', { neighbourPropertyId: b }),
      file('GRAM', '2026-11-25T10:00:00.000Z', { neighbourPropertyId: a }),
      file('OVR', '2026-11-23T10:00:00.000Z'),
      file('OVR', '2026-11-24T10:00:00.000Z'),
    ]);
    expect(history.map((d) => [d.type, d.replaced.length])).toEqual([
      ['GRAM', 1],
      ['GRAM', 0],
      ['OVR', 0],
      ['OVR', 0],
    ]);
  });

  it('has nothing for a case without files', () => {
    expect(documentHistory([])).toEqual([]);
  });
});
