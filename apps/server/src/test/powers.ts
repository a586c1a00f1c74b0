import { MyPowersSchema } from '@lovisa/domain';
import { testApp, type Harness } from './harness';

/**
 * An owner gives a power of attorney through the real path: start (the grant checked, a BankID sign order),
 * approve in the test app, collect. Returns the new power's id.
 */
export async function givePower(
  h: Pick<Harness, 'app'>,
  cookie: string,
  owner: string,
  grant: { agent: string; scope: object; validUntil: string },
): Promise<string> {
  const given = async () =>
    MyPowersSchema.parse((await h.app.inject({ method: 'GET', url: '/api/me/powers', headers: { cookie } })).json())
      .granted;
  const before = new Set((await given()).map((p) => p.id));
  const start = await h.app.inject({ method: 'POST', url: '/api/me/powers', headers: { cookie }, payload: grant });
  if (start.statusCode !== 202) throw new Error(`power not started: ${start.statusCode} ${start.body}`);
  const { orderRef } = start.json() as { orderRef: string };
  const approve = await testApp(h).approve(orderRef, owner);
  if (approve.status >= 400) throw new Error(`approval refused: ${approve.status}`);
  const collect = await h.app.inject({
    method: 'POST',
    url: '/api/me/powers/sign/collect',
    headers: { cookie },
    payload: { orderRef },
  });
  if ((collect.json() as { status: string }).status !== 'complete') throw new Error(`not signed: ${collect.body}`);
  return (await given()).find((p) => !before.has(p.id))!.id;
}
