import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { CaseDetailSchema, type Property } from '@lovisa/domain';
import { caseAfterPermit, outbox, messages } from '../db/schema';
import { afterPermitOf, storeAfterPermit } from '../repositories/afterPermit';
import { startHarness, login, submitSigned, type Harness } from '../test/harness';
import { applicationFor, teamFor } from '../test/fixtureFacts';
import { sendValidityReminders } from './validityReminders';

const ANNA = '198202029289';
const at = (iso: string) => new Date(iso);

describe('validity reminders', () => {
  let h: Harness;
  let anna: string;
  let lead: string;
  let caseId: string;

  beforeAll(async () => {
    h = await startHarness('pglite', { bankidStartLimitPerMinute: 10_000, sessionIdleMs: 10 * 365 * 86_400_000 });
    anna = await login(h, ANNA);
    const ids = await h.registers.ownership.propertyIdsOwnedBy(ANNA);
    const properties = await Promise.all(ids.map((id) => h.registers.land.propertyById(id)));
    const property = properties.find((p) => p?.designation.endsWith('Eken 1:23')) as Property;
    const team = await teamFor(h.registers, property);
    const officers = await h.registers.staff.officers();
    lead = await login(h, officers.find((o) => o.teamId === team && o.role === 'teamLead')!.personnummer);
    h.setNow(at('2026-11-23T10:00:00+01:00'));
    caseId = (await submitSigned(h, anna, applicationFor(property))).id;
    h.setNow(at('2027-01-11T10:00:00+01:00'));
    const read = CaseDetailSchema.parse(
      (await h.app.inject({ url: `/api/officer/cases/${caseId}`, headers: { cookie: lead } })).json(),
    );
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/officer/cases/${caseId}/decision`,
      headers: { cookie: lead },
      payload: { version: read.version, outcome: 'approved', reason: 'Åtgärden följer detaljplanen.' },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(async () => {
    await h?.close();
  });

  const reminders = async () =>
    (await h.app.db.select().from(messages).where(eq(messages.caseId, caseId))).filter(
      (m) => m.kind === 'validityReminder',
    );

  it('sends each reminder once, from 08:00 Swedish time on its day, by e-mail too', async () => {
    // Legal force 2027-02-09: start by 2029-02-09, so 90 days before is 2028-11-11 (CET, 08:00 = 07:00Z).
    expect(await sendValidityReminders(h.app.db, at('2028-11-10T12:00:00Z'))).toBe(0);
    expect(await sendValidityReminders(h.app.db, at('2028-11-11T06:59:59Z'))).toBe(0);
    expect(await sendValidityReminders(h.app.db, at('2028-11-11T07:00:00Z'))).toBe(1);
    expect(await sendValidityReminders(h.app.db, at('2028-11-11T08:00:00Z'))).toBe(0);
    const [first] = await reminders();
    expect(first?.subject).toContain('9 februari 2029');
    const mailed = await h.app.db.select().from(outbox).where(eq(outbox.messageId, first!.id));
    expect(mailed).toHaveLength(1);
  });

  it('keeps the next day it need look at the case, and looks again when the after-permit state changes', async () => {
    const record = async () =>
      (await h.app.db.select().from(caseAfterPermit).where(eq(caseAfterPermit.caseId, caseId)))[0]!;
    // After the 90-day start reminder: the 30-day one, 10 January 2029.
    expect((await record()).nextReminderOn).toBe('2029-01-10');
    // A state change (here: the same state saved again) makes the job work the day out anew.
    const r = (await afterPermitOf(h.app.db, caseId))!;
    await storeAfterPermit(h.app.db, caseId, { kontrollansvarig: r.kontrollansvarig, state: r.state, phase: null });
    expect((await record()).nextReminderOn).toBeNull();
    expect(await sendValidityReminders(h.app.db, at('2028-12-01T12:00:00Z'))).toBe(0);
    expect((await record()).nextReminderOn).toBe('2029-01-10');
  });

  it('sends the nearer of two due at once, then the finish reminders, and none after a limit', async () => {
    // The job did not run for months: at the 30-day mark only that one goes out (and the 90-day one is marked sent).
    expect(await sendValidityReminders(h.app.db, at('2029-01-20T12:00:00Z'))).toBe(1);
    expect((await reminders()).length).toBe(2);
    // Finish reminders come 180 and 30 days before 2032-02-09; the first on 2031-08-13 (CEST, 08:00 = 06:00Z).
    expect(await sendValidityReminders(h.app.db, at('2031-08-13T05:59:00Z'))).toBe(0);
    expect(await sendValidityReminders(h.app.db, at('2031-08-13T06:00:00Z'))).toBe(1);
    const last = (await reminders()).at(-1)!;
    expect(last.body).toContain('avslutat senast 9 februari 2032');
    // After the limit, nothing more.
    expect(await sendValidityReminders(h.app.db, at('2032-02-10T12:00:00Z'))).toBe(0);
  });
});
