import { describe, it } from 'vitest';
import { hasBrowser, useServerAndBrowser } from './support';

/** A BankID order nobody answers expires; the page says so in plain Swedish and lets the person start over. */
describe.skipIf(!hasBrowser)('an unanswered BankID login', () => {
  const env = useServerAndBrowser({ server: { env: { BANKID_ORDER_TTL_SECONDS: '3' } } });

  it('expires with a message and a retry', async () => {
    const context = await env.newContext();
    const page = await context.newPage();
    await page.goto(`${env.server.baseUrl}/logga-in`);
    await page.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).click();
    await page.getByText('BankID-appen svarade inte i tid. Försök igen.').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Försök igen' }).click();
    await page.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).waitFor();
    await context.close();
  });
});
