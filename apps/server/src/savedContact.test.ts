import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from './test/databases';
import { login, startHarness, type Harness } from './test/harness';
import { fixtureFacts } from './test/fixtureFacts';

describe.each(dbKinds)('remembered contact details on %s', (kind) => {
  let h: Harness;
  let cookieA: string;
  let cookieB: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    const facts = await fixtureFacts(h.registers);
    cookieA = await login(h, facts.applicantA);
    cookieB = await login(h, facts.applicantB);
  });
  afterAll(async () => {
    await h?.close();
  });

  const call = (cookie: string, method: 'GET' | 'PUT' | 'DELETE', payload?: unknown) =>
    h.app.inject({ method, url: '/api/me/contact', headers: { cookie }, ...(payload ? { payload } : {}) });

  it('keeps them only when asked, for that person only, and forgets them when asked', async () => {
    expect((await call(cookieA, 'GET')).json()).toEqual({ contact: null });
    const saved = await call(cookieA, 'PUT', { email: 'anna@example.se', phone: '070-123 45 67' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().contact).toMatchObject({ email: 'anna@example.se', phone: '070-123 45 67' });
    expect((await call(cookieA, 'GET')).json().contact).toMatchObject({ email: 'anna@example.se' });
    // Another applicant sees only their own (none).
    expect((await call(cookieB, 'GET')).json()).toEqual({ contact: null });
    // A new save replaces the old.
    await call(cookieA, 'PUT', { email: 'anna.l@example.se', phone: '' });
    expect((await call(cookieA, 'GET')).json().contact).toMatchObject({ email: 'anna.l@example.se', phone: '' });
    expect((await call(cookieA, 'DELETE')).statusCode).toBe(204);
    expect((await call(cookieA, 'GET')).json()).toEqual({ contact: null });
  });

  it("refuses what the application form would refuse, with the form's message ids, and keeps what was kept", async () => {
    await call(cookieA, 'PUT', { email: 'anna@example.se', phone: '' });
    const bad = await call(cookieA, 'PUT', { email: 'inte en adress', phone: 'ring mig' });
    expect(bad.statusCode).toBe(400);
    const ids = (bad.json().error.issues as { messageId?: string; message: string }[]).map(
      (i) => i.messageId ?? i.message,
    );
    expect(ids).toEqual(expect.arrayContaining(['form.email.invalid', 'form.phone.invalid']));
    expect((await call(cookieA, 'GET')).json().contact).toMatchObject({ email: 'anna@example.se' });
  });
});
