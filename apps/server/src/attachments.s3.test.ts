import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentInfoSchema, type AttachmentInfo } from '@lovisa/domain';
import { dbKinds, emptyPostgresDatabase, type EmptyPostgresDatabase } from './test/databases';
import { fixtureFacts } from './test/fixtureFacts';
import { bootOn, login, multipartFile, startHarness, type Harness } from './test/harness';
import { startTestS3, type TestS3 } from './test/s3Server';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A clean PDF of about `megabytes` MB: a comment of hex digits (no slash, so no PDF name in it) between head and trailer. */
function bigPdf(megabytes: number): Buffer {
  const filler = randomBytes((megabytes * 1024 * 1024) / 2).toString('hex');
  return Buffer.from(
    `%PDF-1.7\n% ${filler}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

type Server = Pick<Harness, 'app' | 'baseUrl'>;

/** A draft of the person's, with a property, as the wizard makes it. */
async function newDraft(server: Server, cookie: string, propertyId: string): Promise<string> {
  const id = randomUUID();
  const res = await server.app.inject({
    method: 'PUT',
    url: `/api/drafts/${id}`,
    headers: { cookie },
    payload: { data: { step: 'attachments', propertyId } },
  });
  expect(res.statusCode).toBe(200);
  return id;
}

/** Uploads over HTTP, on the server's real socket, as a browser does. */
async function upload(server: Server, cookie: string, draftId: string, bytes: Buffer): Promise<AttachmentInfo> {
  const body = multipartFile('Fasad mot söder.pdf', bytes);
  const res = await fetch(`${server.baseUrl}/api/drafts/${draftId}/attachments?type=FAS`, {
    method: 'POST',
    headers: { cookie, 'content-type': body.contentType },
    body: body.payload,
  });
  expect(res.status).toBe(201);
  return AttachmentInfoSchema.parse(await res.json());
}

async function download(server: Server, cookie: string, id: string): Promise<Buffer> {
  const res = await fetch(`${server.baseUrl}/api/attachments/${id}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
  return Buffer.from(await res.arrayBuffer());
}

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(async () => {
  await s3?.close();
});

describe.each(dbKinds)('attachments in an S3 bucket (%s)', (kind) => {
  let h: Harness;
  let bucket: Awaited<ReturnType<TestS3['store']>>;
  beforeAll(async () => {
    bucket = await s3.store();
    h = await startHarness(kind, {}, { attachmentStore: bucket });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('takes a 6 MB drawing through the upload route into the bucket, and gives the same bytes back', async () => {
    const facts = await fixtureFacts(h.registers);
    const cookie = await login(h, facts.applicantA);
    const draftId = await newDraft(h, cookie, facts.propertyA.id);
    const pdf = bigPdf(6);
    const info = await upload(h, cookie, draftId, pdf);
    expect(info).toMatchObject({ fileName: 'Fasad mot söder.pdf', size: pdf.length, contentType: 'application/pdf' });
    // In the bucket under its hash, and nowhere else.
    const stored: string[] = [];
    for await (const f of bucket.list()) stored.push(f.sha256);
    expect(stored).toEqual([sha(pdf)]);
    const back = await download(h, cookie, info.id);
    expect(back.length).toBe(pdf.length);
    expect(back.equals(pdf)).toBe(true);
  });

  it('still refuses what the checks refuse, and stores nothing of it', async () => {
    const facts = await fixtureFacts(h.registers);
    const cookie = await login(h, facts.applicantB);
    const draftId = await newDraft(h, cookie, facts.propertyB.id);
    const scripted = Buffer.concat([bigPdf(1), Buffer.from('<< /S /JavaScript /JS (app.alert(1)) >>\n')]);
    const body = multipartFile('plan.pdf', scripted);
    const res = await fetch(`${h.baseUrl}/api/drafts/${draftId}/attachments?type=PLA`, {
      method: 'POST',
      headers: { cookie, 'content-type': body.contentType },
      body: body.payload,
    });
    expect(res.status).toBe(415);
    expect(await bucket.get(sha(scripted))).toBeNull();
  });
});

// Several instances share one PostgreSQL database; with PGlite there is only ever one server.
describe.skipIf(!process.env.TEST_DATABASE_URL)('two servers sharing one database and one bucket', () => {
  let database: EmptyPostgresDatabase;
  let a: Awaited<ReturnType<typeof bootOn>>;
  let b: Awaited<ReturnType<typeof bootOn>>;
  beforeAll(async () => {
    database = await emptyPostgresDatabase('lovisa_s3');
    const where = { kind: 'postgres' as const, url: database.url, poolSize: 3 };
    // Each server has its own client on the same bucket, as two hosts would. The first finds it from its
    // configuration (S3_* as loadConfig reads them), as a server in production does.
    const bucketName = s3.settings().bucket;
    const bStore = await s3.store(bucketName);
    a = await bootOn(where, { config: { s3: s3.settings(bucketName) } });
    b = await bootOn(where, { attachmentStore: bStore });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('a file uploaded through one is downloaded through the other, identical', async () => {
    const facts = await fixtureFacts(a.registers);
    const cookie = await login(a, facts.applicantA);
    const draftId = await newDraft(a, cookie, facts.propertyA.id);
    const pdf = bigPdf(3);
    const info = await upload(a, cookie, draftId, pdf);
    expect(a.app.attachmentStore).not.toBe(b.app.attachmentStore);
    expect((await download(b, cookie, info.id)).equals(pdf)).toBe(true);
    // And the other way round.
    const other = bigPdf(2);
    const second = await upload(b, cookie, await newDraft(b, cookie, facts.propertyA.id), other);
    expect((await download(a, cookie, second.id)).equals(other)).toBe(true);
  });
});
