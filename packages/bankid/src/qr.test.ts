import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseQrData, qrAuthCodeMatches, qrData } from './qr';

// The example order of BankID's QR code guide.
const token = '67df3917-fa0d-44e5-b327-edcc928297f8';
const secret = 'd28db9a7-4cde-429e-a983-359be676944c';

describe('qrData', () => {
  it("matches BankID's published example for second 0", () => {
    expect(qrData(token, secret, 0)).toBe(
      `bankid.${token}.0.dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8`,
    );
  });

  it('is the hex HMAC-SHA256 of the decimal second, keyed by the secret', () => {
    for (const seconds of [1, 2, 29, 180]) {
      const expected = createHmac('sha256', Buffer.from(secret, 'utf8'))
        .update(Buffer.from(String(seconds), 'utf8'))
        .digest('hex');
      expect(qrData(token, secret, seconds)).toBe(`bankid.${token}.${seconds}.${expected}`);
    }
  });

  it('changes every second', () => {
    expect(qrData(token, secret, 1)).not.toBe(qrData(token, secret, 2));
  });
});

describe('parseQrData and qrAuthCodeMatches', () => {
  it('round-trips a genuine code', () => {
    const parsed = parseQrData(qrData(token, secret, 42));
    expect(parsed).toMatchObject({ qrStartToken: token, seconds: 42 });
    expect(parsed && qrAuthCodeMatches(parsed, secret)).toBe(true);
  });

  it('rejects a code under another secret or another second', () => {
    const parsed = parseQrData(qrData(token, secret, 42))!;
    expect(qrAuthCodeMatches(parsed, 'another-secret')).toBe(false);
    expect(qrAuthCodeMatches({ ...parsed, seconds: 43 }, secret)).toBe(false);
  });

  it.each([
    '',
    'bankid',
    `bankid.${token}.x.${'a'.repeat(64)}`,
    `bankid.${token}.1.${'A'.repeat(64)}`,
    `bankid.${token}.01.${'a'.repeat(64)}`,
    `other.${token}.1.${'a'.repeat(64)}`,
  ])('refuses the malformed %j', (text) => {
    expect(parseQrData(text)).toBeNull();
  });
});
