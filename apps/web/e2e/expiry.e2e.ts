import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { guardOffline, hasBrowser, launchBrowser, removeDir, startServer, type RunningServer } from './support';

/** A BankID order nobody answers expires; the page says so in plain Swedish and lets the person start over. */
describe.skipIf(!hasBrowser)('an unanswered BankID login', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer({ env: { BANKID_ORDER_TTL_SECONDS: '3' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) await removeDir(server.dataDir);
  });

  it('expires with a message and a retry', async () => {
    const context = await browser.newContext();
    guardOffline(context, server.baseUrl);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/logga-in`);
    await page.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).click();
    await page.getByText('BankID-appen svarade inte i tid. Försök igen.').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Försök igen' }).click();
    await page.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).waitFor();
    await context.close();
  });
});
