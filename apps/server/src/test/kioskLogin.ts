import { login, type Harness } from './harness';

/**
 * Logs `personnummer` in at a town-hall kiosk, through the real BankID flow as the kiosk face does it: a QR
 * login started with `kiosk: true`, approved in the test app, collected. Returns the session cookie header.
 */
export const kioskLogin = (
  h: Pick<Harness, 'app'>,
  personnummer: string,
  body: object = { mode: 'qr', kiosk: true },
): Promise<string> => login(h, personnummer, body);
