import { testApp, type Harness } from './harness';

/**
 * Logs `personnummer` in at a town-hall kiosk, through the real BankID flow as the kiosk face does it: a QR
 * login started with `kiosk: true`, approved in the test app, collected. Returns the session cookie header and
 * the login cookie the start set (to prove it is gone after a logout).
 */
export async function kioskLogin(
  h: Pick<Harness, 'app'>,
  personnummer: string,
  body: object = { mode: 'qr', kiosk: true },
): Promise<string> {
  const start = await h.app.inject({ method: 'POST', url: '/api/auth/bankid/start', payload: body });
  if (start.statusCode !== 200) throw new Error(`kiosk start failed: ${start.statusCode} ${start.body}`);
  const { orderRef } = start.json() as { orderRef: string };
  const loginCookie = start.cookies.find((c) => c.name === 'lovisa_login')!;
  const approve = await testApp(h).approve(orderRef, personnummer);
  if (approve.status >= 400) throw new Error(`approve failed: ${approve.status} ${approve.body}`);
  const collect = await h.app.inject({
    method: 'POST',
    url: '/api/auth/bankid/collect',
    payload: { orderRef },
    cookies: { lovisa_login: loginCookie.value },
  });
  const session = collect.cookies.find((c) => c.name === 'lovisa_session');
  if (!session) throw new Error(`kiosk collect did not complete: ${collect.body}`);
  return `lovisa_session=${session.value}`;
}
