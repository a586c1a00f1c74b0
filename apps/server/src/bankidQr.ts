import QRCode from 'qrcode';
import { qrData } from '@lovisa/bankid';

/** The animated QR for the current second of an order; computed here so the secret never leaves the server. */
export async function renderQr(order: { qrStartToken: string; qrStartSecret: string; createdAt: Date }, now: Date) {
  const seconds = Math.max(0, Math.floor((now.getTime() - order.createdAt.getTime()) / 1000));
  const data = qrData(order.qrStartToken, order.qrStartSecret, seconds);
  const svg = await QRCode.toString(data, { type: 'svg', margin: 2, errorCorrectionLevel: 'L' });
  return { svg, qrData: data };
}
