import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { attachments, cases, drafts } from '../db/schema';
import { startHarness, login, submitSigned, testPdf, uploadTo, type Harness } from '../test/harness';
import { applicationFor, fixtureFacts } from '../test/fixtureFacts';
import { purgeStaleDrafts } from './retention';

describe('draft retention', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('pglite');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('deletes drafts untouched for the retention period, and never a case', async () => {
    const facts = await fixtureFacts(h.registers);
    const t0 = new Date('2026-11-23T10:00:00+01:00');
    h.setNow(t0);
    let cookie = await login(h, facts.applicantA);
    const put = async (id: string) => {
      const res = await h.app.inject({
        method: 'PUT',
        url: `/api/drafts/${id}`,
        headers: { cookie },
        payload: { data: { step: 'map' } },
      });
      expect(res.statusCode).toBe(200);
    };
    const old = '11111111-2222-4333-8444-555555555555';
    const recent = '66666666-7777-4888-9999-aaaaaaaaaaaa';
    await put(old);
    expect((await uploadTo(h, cookie, old, 'type=PLA', 'plan.pdf', testPdf())).statusCode).toBe(201);
    const submitted = await submitSigned(h, cookie, applicationFor(facts.propertyA));
    h.setNow(new Date(t0.getTime() + 80 * 86_400_000));
    cookie = await login(h, facts.applicantA); // the first session has long expired
    await put(recent);

    const now = new Date(t0.getTime() + 91 * 86_400_000);
    expect(await purgeStaleDrafts(h.app.db, now, 90)).toBe(1);
    const left = (await h.app.db.select({ id: drafts.id }).from(drafts)).map((d) => d.id);
    expect(left).toEqual([recent]);
    // The stale draft's file went with it; the submitted case's files stay.
    const files = await h.app.db.select({ draftId: attachments.draftId, caseId: attachments.caseId }).from(attachments);
    expect(files.some((f) => f.draftId === old)).toBe(false);
    expect(files.filter((f) => f.caseId === submitted.id).length).toBeGreaterThan(0);
    // A case received 91 days ago is a public record: kept.
    expect(await h.app.db.select({ id: cases.id }).from(cases).where(eq(cases.id, submitted.id))).toHaveLength(1);
    expect(await purgeStaleDrafts(h.app.db, new Date(t0.getTime() + 10_000 * 86_400_000), 90)).toBe(1);
    expect(await h.app.db.select({ id: cases.id }).from(cases)).toHaveLength(1);
    h.setNow(t0);
  });
});
