import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The animated QR code's content for second `seconds` of the order. Computed on the server every second,
 * because the secret must never reach the browser.
 */
export function qrData(qrStartToken: string, qrStartSecret: string, seconds: number): string {
  return `bankid.${qrStartToken}.${seconds}.${qrAuthCode(qrStartSecret, seconds)}`;
}

function qrAuthCode(qrStartSecret: string, seconds: number): string {
  return createHmac('sha256', qrStartSecret).update(String(seconds)).digest('hex');
}

export interface ParsedQrData {
  qrStartToken: string;
  seconds: number;
  authCode: string;
}

/** Splits a scanned QR string; null when it is not shaped like BankID's. */
export function parseQrData(data: string): ParsedQrData | null {
  const match = /^bankid\.([A-Za-z0-9-]{1,100})\.(0|[1-9]\d{0,5})\.([0-9a-f]{64})$/.exec(data.trim());
  if (!match) return null;
  const [, qrStartToken, seconds, authCode] = match;
  return { qrStartToken: qrStartToken!, seconds: Number(seconds), authCode: authCode! };
}

/** Constant-time check of the QR's HMAC against the order's secret. */
export function qrAuthCodeMatches(parsed: ParsedQrData, qrStartSecret: string): boolean {
  const expected = Buffer.from(qrAuthCode(qrStartSecret, parsed.seconds), 'hex');
  const given = Buffer.from(parsed.authCode, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
