import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { outbox } from '../db/schema';
import { dbKinds } from '../test/databases';
import { applicationFor, fixtureFacts } from '../test/fixtureFacts';
import { login, startHarness, submitSigned, type Harness } from '../test/harness';
import { header, mailBody, startMailServer } from '../test/mailServer';
import { messageIdDomain, smtpTransport, withoutAddresses, type MailTransport } from './mailTransport';
import { deliverDueMail, RETRY_DELAYS_MS } from './outboxDelivery';

const FROM = 'Kjellstavik kommun <bygglov@kjellstavik.example>';
const PUBLIC_URL = 'https://bygglov.kjellstavik.example';

describe('the e-mail address helpers', () => {
  it('names Message-IDs after the sender domain, and strips addresses from errors', () => {
    expect(messageIdDomain(FROM)).toBe('kjellstavik.example');
    expect(messageIdDomain('bygglov@kommun.se')).toBe('kommun.se');
    expect(messageIdDomain('Lovisa')).toBe('lovisa.invalid');
    expect(withoutAddresses('550 5.1.1 <anna.svensson@example.se>: Recipient address rejected')).toBe(
      '550 5.1.1 <<adress>>: Recipient address rejected',
    );
  });

  it('takes only smtp: and smtps: URLs as SMTP_URL, and records only without one', () => {
    expect(loadConfig({}).mail.smtpUrl).toBeNull();
    expect(loadConfig({ SMTP_URL: 'smtps://lovisa:hemligt@smtp.kjellstavik.example:465' }).mail.smtpUrl).toBe(
      'smtps://lovisa:hemligt@smtp.kjellstavik.example:465',
    );
    expect(() => loadConfig({ SMTP_URL: 'http://smtp.kjellstavik.example' })).toThrow(/SMTP_URL/);
  });
});

describe.each(dbKinds)('sending the outbox over SMTP on %s', (kind) => {
  let h: Harness;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  let anna: string;
  let now: Date;

  beforeAll(async () => {
    h = await startHarness(kind, { bankidStartLimitPerMinute: 10_000 });
    facts = await fixtureFacts(h.registers);
    anna = await login(h, facts.applicantA);
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    // Each test starts with an empty outbox (what earlier tests left is marked sent).
    await h.testDb.database.db.update(outbox).set({ sentAt: new Date(0) });
    now = new Date('2026-11-23T10:00:00+01:00');
  });

  /** A signed submission whose receipt goes to `email`; returns its outbox entry. */
  async function receiptTo(email: string) {
    const app = applicationFor(facts.propertyA);
    app.details = { ...app.details, email };
    const c = await submitSigned(h, anna, app);
    const rows = await h.testDb.database.db.select().from(outbox).where(eq(outbox.recipient, email));
    const entry = rows.find((r) => r.subject.startsWith(`Ärende ${c.diaryNumber}:`));
    expect(entry).toBeDefined();
    return { diaryNumber: c.diaryNumber, caseId: c.id, entry: entry! };
  }
  const rowOf = async (id: string) => (await h.testDb.database.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;
  const deliver = (transport: MailTransport, at = now) =>
    deliverDueMail(h.testDb.database.db, transport, {
      from: FROM,
      messageIdDomain: 'kjellstavik.example',
      publicUrl: PUBLIC_URL,
      now: at,
    });

  it('sends the receipt once, as UTF-8 plain text with the subject, sender and a stable Message-ID, and marks it sent', async () => {
    const mail = await startMailServer({});
    const transport = smtpTransport(mail.url);
    try {
      const { diaryNumber, caseId, entry } = await receiptTo('anna.sokande@example.se');
      expect(await deliver(transport)).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(mail.received).toHaveLength(1);
      const [m] = mail.received;
      expect(m!.to).toEqual(['anna.sokande@example.se']);
      expect(m!.from).toBe('bygglov@kjellstavik.example');
      expect(header(m!.raw, 'Subject')).toBe(`Ärende ${diaryNumber}: ansökan mottagen`);
      expect(header(m!.raw, 'Message-ID')).toBe(`<${entry.id}@kjellstavik.example>`);
      expect(header(m!.raw, 'Content-Type')).toMatch(/text\/plain; charset=utf-8/i);
      expect(mailBody(m!.raw)).toContain(entry.body.split('\n')[0]!);
      expect(mailBody(m!.raw)).toMatch(/Länsstyrelsen inom tre veckor/);
      // The way back to the case: its page in Mina ärenden, at the service's public address.
      expect(mailBody(m!.raw)).toContain(`${PUBLIC_URL}/mina-arenden/${caseId}`);
      const row = await rowOf(entry.id);
      expect(row.sentAt?.toISOString()).toBe(now.toISOString());
      expect(row.claimedUntil).toBeNull();

      // Nothing is due any more: a second round sends nothing.
      expect(await deliver(transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(mail.received).toHaveLength(1);
      // The dev page tells it was sent.
      const listed = (
        await h.app.inject({ method: 'GET', url: '/api/dev/outbox', headers: { cookie: anna } })
      ).json() as {
        id: string;
        status: string;
        attempts: number;
        body: string;
      }[];
      expect(listed.find((e) => e.id === entry.id)).toMatchObject({ status: 'sent', attempts: 0 });
      // The demo mailbox shows the text as sent, link included (the test server's address).
      expect(listed.find((e) => e.id === entry.id)!.body).toContain(`/mina-arenden/${caseId}`);
    } finally {
      transport.close();
      await mail.close();
    }
  });

  it('retries a temporary refusal after the backoff, gives up on a permanent one, and stores no address in the error', async () => {
    const mail = await startMailServer({
      'tillfalligt@example.se': { code: 451, text: 'Mailbox busy, try later' },
      'finns.inte@example.se': { code: 550, text: 'No such user here' },
    });
    const transport = smtpTransport(mail.url);
    try {
      const temporary = (await receiptTo('tillfalligt@example.se')).entry;
      const permanent = (await receiptTo('finns.inte@example.se')).entry;
      expect(await deliver(transport)).toEqual({ sent: 0, retrying: 1, failed: 1 });

      const t = await rowOf(temporary.id);
      expect(t).toMatchObject({ attempts: 1, sentAt: null, claimedUntil: null });
      expect(t.nextAttemptAt?.getTime()).toBe(now.getTime() + RETRY_DELAYS_MS[0]!);
      expect(t.lastError).toMatch(/^451: .*Mailbox busy/);
      const p = await rowOf(permanent.id);
      expect(p).toMatchObject({ attempts: 1, sentAt: null, nextAttemptAt: null });
      expect(p.lastError).toMatch(/^550: .*No such user/);
      for (const row of [t, p]) expect(row.lastError).not.toMatch(/@/);

      // Before the backoff is over nothing is tried; after it the temporary one is tried again, the permanent never.
      expect(await deliver(transport, new Date(now.getTime() + RETRY_DELAYS_MS[0]! - 1000))).toEqual({
        sent: 0,
        retrying: 0,
        failed: 0,
      });
      expect(await deliver(transport, new Date(now.getTime() + RETRY_DELAYS_MS[0]! + 1000))).toEqual({
        sent: 0,
        retrying: 1,
        failed: 0,
      });
      expect((await rowOf(temporary.id)).attempts).toBe(2);

      const listed = (
        await h.app.inject({ method: 'GET', url: '/api/dev/outbox', headers: { cookie: anna } })
      ).json() as {
        id: string;
        status: string;
      }[];
      // The harness has no SMTP_URL, so unsent entries only count as recorded there.
      expect(listed.find((e) => e.id === permanent.id)?.status).toBe('recorded');
    } finally {
      transport.close();
      await mail.close();
    }
  });

  it('gives up after the last retry', async () => {
    const mail = await startMailServer({ 'alltid.upptagen@example.se': { code: 421, text: 'Service not available' } });
    const transport = smtpTransport(mail.url);
    try {
      const { entry } = await receiptTo('alltid.upptagen@example.se');
      let at = now;
      for (const delay of RETRY_DELAYS_MS) {
        expect(await deliver(transport, at)).toEqual({ sent: 0, retrying: 1, failed: 0 });
        at = new Date(at.getTime() + delay + 1000);
      }
      expect(await deliver(transport, at)).toEqual({ sent: 0, retrying: 0, failed: 1 });
      const row = await rowOf(entry.id);
      expect(row).toMatchObject({ attempts: RETRY_DELAYS_MS.length + 1, nextAttemptAt: null, sentAt: null });
      expect(await deliver(transport, new Date(at.getTime() + 86_400_000))).toEqual({
        sent: 0,
        retrying: 0,
        failed: 0,
      });
    } finally {
      transport.close();
      await mail.close();
    }
  });

  it('keeps the e-mail for later when the mail server is down', async () => {
    const mail = await startMailServer({});
    const url = mail.url;
    await mail.close();
    const transport = smtpTransport(url);
    try {
      const { entry } = await receiptTo('nere@example.se');
      expect(await deliver(transport)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const row = await rowOf(entry.id);
      expect(row.lastError).toMatch(/ECONNREFUSED/);
      expect(row.nextAttemptAt).not.toBeNull();
    } finally {
      transport.close();
    }
  });

  it('two senders at once (two servers on one database) send each e-mail exactly once', async () => {
    // A slow mail server keeps the first sender busy while the second one looks for work.
    const mail = await startMailServer({}, 40);
    const a = smtpTransport(mail.url);
    const b = smtpTransport(mail.url);
    try {
      const entries = [];
      for (let i = 0; i < 6; i++) entries.push((await receiptTo(`parallell${i}@example.se`)).entry);
      // Both senders are released at the same instant: a table lock holds their claims until it is let go, so
      // both look for due entries at once (on PostgreSQL; PGlite runs one statement at a time anyway).
      let senders: Promise<Awaited<ReturnType<typeof deliver>>[]> | undefined;
      await h.testDb.database.db.transaction(async (tx) => {
        await tx.execute(sql`lock table outbox in exclusive mode`);
        senders = Promise.all([deliver(a), deliver(b)]);
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      const [ra, rb] = await senders!;
      expect(ra!.sent + rb!.sent).toBe(6);
      const ids = mail.received.map((m) => header(m.raw, 'Message-ID'));
      expect(ids).toHaveLength(6);
      expect(new Set(ids).size).toBe(6);
      expect(new Set(ids)).toEqual(new Set(entries.map((e) => `<${e.id}@kjellstavik.example>`)));
    } finally {
      a.close();
      b.close();
      await mail.close();
    }
  });
});
