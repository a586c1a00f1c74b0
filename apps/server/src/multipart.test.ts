import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '@lovisa/domain';
import { MAX_UPLOAD_BYTES } from './attachments/upload';
import { login, multipartFile, startHarness, testPdf, type Harness } from './test/harness';
import { fixtureFacts } from './test/fixtureFacts';

/** A broken or over-large multipart body is the sender's mistake: 400 or 413 in the API's shape, never 500. */
describe('broken multipart uploads', () => {
  let h: Harness;
  let cookie: string;
  let url: string;
  beforeAll(async () => {
    h = await startHarness('pglite');
    const facts = await fixtureFacts(h.registers);
    cookie = await login(h, facts.applicantA);
    const id = randomUUID();
    const put = await h.app.inject({
      method: 'PUT',
      url: `/api/drafts/${id}`,
      headers: { cookie },
      payload: { data: { step: 'attachments' } },
    });
    expect(put.statusCode).toBe(200);
    url = `/api/drafts/${id}/attachments?type=SITU`;
  });
  afterAll(async () => {
    await h?.close();
  });

  const send = (contentType: string, payload: Buffer | string) =>
    h.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': contentType }, payload });
  const part = (boundary: string, headers: string, body: string | Buffer) =>
    Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')]);
  const expectError = (res: { statusCode: number; json(): unknown }, status: number, message?: RegExp) => {
    expect(res.statusCode).toBe(status);
    const { error } = ApiErrorSchema.parse(res.json());
    expect(error.code).toBe(status === 413 ? 'payloadTooLarge' : 'invalidInput');
    if (message) expect(error.message).toMatch(message);
    // Every refusal is said by id too, so the English face can say it.
    expect(error.messageId).toMatch(/^server\./);
  };

  it('a good upload still arrives', async () => {
    const ok = multipartFile('ritning.pdf', testPdf());
    expect((await send(ok.contentType, ok.payload)).statusCode).toBe(201);
  });

  it('answers 400 for a body without boundary, cut before its end, or malformed', async () => {
    const ok = multipartFile('ritning.pdf', testPdf());
    expectError(await send('multipart/form-data', ok.payload), 400, /multipart\/form-data/);
    expectError(await send(ok.contentType, ok.payload.subarray(0, ok.payload.length - 10)), 400, /kom inte fram hel/);
    expectError(await send(ok.contentType, ok.payload.subarray(0, 30)), 400);
    expectError(await send('multipart/form-data; boundary=x', 'inget formulär alls'), 400);
    expectError(
      await send(
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\r\n--x--\r\n',
      ),
      400,
    );
  });

  it('answers 400 naming the problem for a field beside the file, and for two files', async () => {
    const b = 'lovisaboundary';
    const field = part(b, 'Content-Disposition: form-data; name="note"', 'hej');
    const file = part(
      b,
      'Content-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf',
      Buffer.from(testPdf()),
    );
    const end = Buffer.from(`--${b}--\r\n`);
    expectError(await send(`multipart/form-data; boundary=${b}`, Buffer.concat([field, file, end])), 400, /andra fält/);
    expectError(await send(`multipart/form-data; boundary=${b}`, Buffer.concat([field, end])), 400, /andra fält/);
    const file2 = part(
      b,
      'Content-Disposition: form-data; name="file2"; filename="b.pdf"\r\nContent-Type: application/pdf',
      Buffer.from(testPdf()),
    );
    const two = await send(`multipart/form-data; boundary=${b}`, Buffer.concat([file, file2, end]));
    // The first file is read and the rest ignored, or the request is refused: never a 5xx.
    expect([201, 400]).toContain(two.statusCode);
  });

  it('answers 413 for a file over the limit', async () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1024, 0x20);
    big.write('%PDF-1.7\n');
    const body = multipartFile('stor.pdf', big);
    expectError(await send(body.contentType, body.payload), 413, /för stor/);
  });
});
