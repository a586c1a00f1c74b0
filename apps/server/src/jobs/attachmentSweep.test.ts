import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, isNotNull } from 'drizzle-orm';
import { attachments, caseDocuments } from '../db/schema';
import { fileAttachmentStore, type AttachmentStore } from '../attachments/store';
import { dbKinds } from '../test/databases';
import { startHarness, login, submitSigned, testPdf, uploadTo, withDrawings, type Harness } from '../test/harness';
import { applicationFor, fixtureFacts } from '../test/fixtureFacts';
import { ORPHAN_GRACE_MS, runRetention, sweepUnreferencedFiles } from './retention';

const DAY = 86_400_000;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function listed(store: AttachmentStore): Promise<string[]> {
  const all: string[] = [];
  for await (const f of store.list()) all.push(f.sha256);
  return all.sort();
}

describe('the attachment store: listing and guarded deletion', () => {
  let dir: string;
  let store: AttachmentStore;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lovisa-store-'));
    store = fileAttachmentStore(path.join(dir, 'attachments'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists nothing before the first upload, then every stored file with its write time; never temporary names', async () => {
    expect(await listed(store)).toEqual([]);
    const before = Date.now();
    const a = await store.put(new TextEncoder().encode('a'));
    const b = await store.put(new TextEncoder().encode('b'));
    // An upload under way (its temporary name) and a stray file are not the store's files.
    await writeFile(path.join(dir, 'attachments', a.slice(0, 2), `${a.slice(2)}.${randomUUID()}.tmp`), 'half');
    await writeFile(path.join(dir, 'attachments', 'README'), 'not ours');
    expect(await listed(store)).toEqual([a, b].sort());
    for await (const f of store.list()) expect(f.modifiedAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
  });

  it('deletes only a file written before the given time, and storing the bytes again makes it young', async () => {
    const bytes = new TextEncoder().encode('orphan');
    const s = await store.put(bytes);
    const file = path.join(dir, 'attachments', s.slice(0, 2), s.slice(2));
    const longAgo = new Date(Date.now() - 2 * DAY);
    await utimes(file, longAgo, longAgo);
    const cutoff = new Date(Date.now() - DAY);
    // An upload of the same bytes after the sweep listed the file: the file is new again and stays.
    await store.put(bytes);
    expect(await store.delete(s, cutoff)).toBe(false);
    expect(await store.get(s)).not.toBeNull();
    await utimes(file, longAgo, longAgo);
    expect(await store.delete(s, cutoff)).toBe(true);
    expect(await store.get(s)).toBeNull();
    expect(await store.delete(s, cutoff)).toBe(false); // already gone (another server's sweep)
    expect(await store.delete('../../etc/passwd', cutoff)).toBe(false);
    // Nothing is left behind under a temporary name.
    expect((await readdir(path.join(dir, 'attachments', s.slice(0, 2)))).filter((n) => n.includes('swept'))).toEqual(
      [],
    );
  });
});

describe.each(dbKinds)('retention removes attachment files no row points at (%s)', (kind) => {
  let h: Harness;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  beforeAll(async () => {
    h = await startHarness(kind);
    facts = await fixtureFacts(h.registers);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a stale draft’s file goes, one it shares with a case stays, young orphans and every case file stay', async () => {
    const store = h.app.attachmentStore;
    // The app's clock runs with the files' real write times, so the sweep's grace is judged as in production.
    const t0 = new Date();
    h.setNow(t0);
    let cookie = await login(h, facts.applicantA);
    const put = async (id: string) =>
      expect(
        (
          await h.app.inject({
            method: 'PUT',
            url: `/api/drafts/${id}`,
            headers: { cookie },
            payload: { data: { step: 'attachments' } },
          })
        ).statusCode,
      ).toBe(200);

    // A case with its drawings (SITU, PLA, FAS, SEK) and, once decided, its decision PDF.
    const submitted = await submitSigned(h, cookie, await withDrawings(h, cookie, applicationFor(facts.propertyA)));
    const officer = await login(h, facts.officer);
    const decided = await h.app.inject({
      method: 'POST',
      url: `/api/officer/cases/${submitted.id}/decision`,
      headers: { cookie: officer },
      payload: { version: 0, outcome: 'approved', reason: 'Följer detaljplanen.' },
    });
    expect(decided.statusCode).toBe(200);
    const caseFiles = (
      await h.app.db.select({ sha256: attachments.sha256 }).from(attachments).where(isNotNull(attachments.caseId))
    ).map((r) => r.sha256);
    const documents = (await h.app.db.select({ sha256: caseDocuments.sha256 }).from(caseDocuments)).map(
      (r) => r.sha256,
    );
    expect(caseFiles.length).toBe(4);
    expect(documents.length).toBe(1);

    // A draft left alone for good: one file of its own, and one with the very bytes of the case's facade drawing.
    const stale = randomUUID();
    await put(stale);
    const staleOnly = testPdf('bara i det gamla utkastet');
    expect((await uploadTo(h, cookie, stale, 'type=PLA', 'plan.pdf', staleOnly)).statusCode).toBe(201);
    expect((await uploadTo(h, cookie, stale, 'type=FAS', 'fasad.pdf', testPdf('FAS'))).statusCode).toBe(201);
    expect(caseFiles).toContain(sha(testPdf('FAS')));

    // A draft still in use, 80 days on: its plan drawing was replaced, so the first version has no row any more.
    h.setNow(new Date(t0.getTime() + 80 * DAY));
    cookie = await login(h, facts.applicantA);
    const recent = randomUUID();
    await put(recent);
    const replaced = testPdf('första versionen');
    const current = testPdf('andra versionen');
    expect((await uploadTo(h, cookie, recent, 'type=PLA', 'plan.pdf', replaced)).statusCode).toBe(201);
    expect((await uploadTo(h, cookie, recent, 'type=PLA', 'plan.pdf', current)).statusCode).toBe(201);

    // Right now every file is younger than the grace period: nothing goes, rows or not.
    const everything = await listed(store);
    const early = await sweepUnreferencedFiles(h.app.db, store, new Date());
    expect(early).toEqual({ files: everything.length, referenced: 0, young: everything.length, removed: 0 });
    expect(await listed(store)).toEqual(everything);

    // 91 days on: the retention job deletes the stale draft, then the files nobody points at.
    const result = await runRetention(h.app.db, store, new Date(t0.getTime() + 91 * DAY), 90);
    expect(result.drafts).toBe(1);
    expect(result.files).toMatchObject({ files: everything.length, removed: 2, young: 0 });
    const left = await listed(store);
    expect(left).not.toContain(sha(staleOnly)); // the stale draft's own file
    expect(left).not.toContain(sha(replaced)); // a replaced upload
    expect(left).toContain(sha(testPdf('FAS'))); // shared with the case
    expect(left).toContain(sha(current)); // the live draft's file
    for (const s of [...caseFiles, ...documents]) expect(left).toContain(s);
    expect(left.length).toBe(everything.length - 2);

    // An orphan written just now (an upload whose row is not in yet) is kept until the grace period has passed.
    const young = await store.put(testPdf('uppladdning pågår'));
    expect((await sweepUnreferencedFiles(h.app.db, store, new Date())).removed).toBe(0);
    expect(await store.get(young)).not.toBeNull();
    expect(
      (await sweepUnreferencedFiles(h.app.db, store, new Date(Date.now() + ORPHAN_GRACE_MS + 60_000))).removed,
    ).toBe(1);
    expect(await store.get(young)).toBeNull();

    // A submitted case's files are never removed, however much later, and still download.
    const farFuture = new Date(t0.getTime() + 10_000 * DAY);
    await runRetention(h.app.db, store, farFuture, 90);
    const after = await listed(store);
    for (const s of [...caseFiles, ...documents]) expect(after).toContain(s);
    h.setNow(new Date(t0.getTime() + 80 * DAY));
    const [first] = await h.app.db
      .select({ id: attachments.id })
      .from(attachments)
      .where(eq(attachments.caseId, submitted.id));
    const download = await h.app.inject({ method: 'GET', url: `/api/attachments/${first!.id}`, headers: { cookie } });
    expect(download.statusCode).toBe(200);
    const decision = await h.app.inject({
      method: 'GET',
      url: `/api/me/cases/${submitted.id}/documents/decision`,
      headers: { cookie },
    });
    expect(decision.statusCode).toBe(200);
  });
});
