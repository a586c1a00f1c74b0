import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startHarness, login, submitSigned, type Harness } from './test/harness';
import { dbKinds } from './test/databases';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';

describe.each(dbKinds)('the audit log on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('takes new events but refuses to change or remove any, in the database itself', async () => {
    const facts = await fixtureFacts(h.registers);
    const created = await submitSigned(h, await login(h, facts.applicantA), applicationFor(facts.propertyA));
    const count = async () =>
      Number(
        (
          (await h.app.db.execute(sql`select count(*)::int as n from case_events`)) as unknown as {
            rows: { n: number }[];
          }
        ).rows[0]!.n,
      );
    const before = await count();
    expect(before).toBeGreaterThanOrEqual(2);
    // Drizzle wraps the database's error; the reason is the trigger's.
    const refusal = (query: ReturnType<typeof sql>) =>
      h.app.db.execute(query).then(
        () => 'allowed',
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(await refusal(sql`update case_events set actor = 'someone else' where case_id = ${created.id}`)).toMatch(
      /append-only \(UPDATE refused\)/,
    );
    expect(await refusal(sql`delete from case_events where case_id = ${created.id}`)).toMatch(
      /append-only \(DELETE refused\)/,
    );
    expect(await refusal(sql`truncate case_events cascade`)).toMatch(/append-only \(TRUNCATE refused\)/);
    expect(await count()).toBe(before);
  });
});
