import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { checkUpload, MAX_UPLOAD_BYTES, safeFileName, sniffType, UploadInspector } from './upload';

const pdf = (body = '1 0 obj << /Type /Catalog >> endobj') => new TextEncoder().encode(`%PDF-1.7\n${body}\n%%EOF`);
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);

describe('checkUpload', () => {
  it('accepts PDF, PNG and JPEG by their content', async () => {
    expect(await checkUpload({ name: 'plan.pdf', bytes: pdf() })).toEqual({
      ok: true,
      contentType: 'application/pdf',
      fileName: 'plan.pdf',
    });
    expect(await checkUpload({ name: 'fasad.png', bytes: png })).toMatchObject({ ok: true, contentType: 'image/png' });
    expect(await checkUpload({ name: 'foto.jpeg', bytes: jpeg })).toMatchObject({
      ok: true,
      contentType: 'image/jpeg',
      fileName: 'foto.jpg',
    });
  });

  it('names the file by what it is, not by what it claims', async () => {
    expect(await checkUpload({ name: 'ritning.pdf', bytes: png })).toMatchObject({
      ok: true,
      contentType: 'image/png',
      fileName: 'ritning.png',
    });
  });

  it('refuses an HTML file renamed .pdf, and anything else unknown', async () => {
    expect(
      await checkUpload({
        name: 'ritning.pdf',
        bytes: new TextEncoder().encode('<html><script>alert(1)</script></html>'),
      }),
    ).toMatchObject({ ok: false, reason: 'unsupportedType' });
    expect(await checkUpload({ name: 'a.gif', bytes: new TextEncoder().encode('GIF89a') })).toMatchObject({
      ok: false,
      reason: 'unsupportedType',
    });
    expect(await checkUpload({ name: 'a.pdf', bytes: new TextEncoder().encode('%PD') })).toMatchObject({
      ok: false,
      reason: 'unsupportedType',
    });
  });

  it.each([
    ['JavaScript', '<< /S /JavaScript /JS (app.alert(1)) >>'],
    ['an escaped JavaScript name', '<< /S /J#61vaScript /JS (x) >>'],
    ['a launch action', '<< /OpenAction << /S /Launch /F (cmd.exe) >> >>'],
    ['an embedded file', '<< /Type /EmbeddedFile >>'],
  ])('refuses a PDF with %s', async (_name, body) => {
    expect(await checkUpload({ name: 'plan.pdf', bytes: pdf(body) })).toMatchObject({
      ok: false,
      reason: 'activeContent',
    });
  });

  const objStm = (objects: string, dict = '/Filter /FlateDecode', compress = true, type = '/Type /ObjStm') => {
    const data = compress ? deflateSync(Buffer.from(objects, 'latin1')) : Buffer.from(objects, 'latin1');
    const head = Buffer.from(`%PDF-1.7\n5 0 obj << ${type} /N 1 /First 4 /Length ${data.length} ${dict} >> stream\n`);
    return new Uint8Array(
      Buffer.concat([head, data, Buffer.from('\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')]),
    );
  };

  it('looks inside compressed object streams', async () => {
    expect(
      await checkUpload({ name: 'plan.pdf', bytes: objStm('6 0 << /Type /Catalog /Pages 2 0 R >>') }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await checkUpload({ name: 'plan.pdf', bytes: objStm('6 0 << /S /JavaScript /JS (app.alert(1)) >>') }),
    ).toMatchObject({ ok: false, reason: 'activeContent' });
    expect(await checkUpload({ name: 'plan.pdf', bytes: objStm('6 0 << /S /J#61vaScript /JS (x) >>') })).toMatchObject({
      ok: false,
      reason: 'activeContent',
    });
    // An escaped type name, a filter given as an array, no filter at all.
    expect(
      await checkUpload({
        name: 'plan.pdf',
        bytes: objStm('6 0 << /S /Launch >>', undefined, true, '/Ty#70e /Obj#53tm'),
      }),
    ).toMatchObject({ ok: false, reason: 'activeContent' });
    expect(
      await checkUpload({ name: 'plan.pdf', bytes: objStm('6 0 << /S /Launch >>', '/Filter [/FlateDecode]') }),
    ).toMatchObject({ ok: false, reason: 'activeContent' });
    expect(
      await checkUpload({ name: 'plan.pdf', bytes: objStm('6 0 << /Type /EmbeddedFile >>', '', false) }),
    ).toMatchObject({
      ok: false,
      reason: 'activeContent',
    });
    // What cannot be unpacked is not taken on trust.
    expect(
      await checkUpload({ name: 'plan.pdf', bytes: objStm('6 0 << /Type /Catalog >>', '/Filter /LZWDecode', false) }),
    ).toMatchObject({ ok: false, reason: 'activeContent' });
  });

  it('accepts a drawing saved with object streams, and refuses it once a script is added', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Fasad mot söder');
    const clean = await doc.save({ useObjectStreams: true });
    expect(Buffer.from(clean).toString('latin1')).toContain('/ObjStm');
    expect(await checkUpload({ name: 'fasad.pdf', bytes: clean })).toMatchObject({ ok: true });
    doc.addJavaScript('hello', 'app.alert(1)');
    const scripted = await doc.save({ useObjectStreams: true });
    expect(Buffer.from(scripted).toString('latin1')).not.toContain('/JavaScript'); // only compressed
    expect(await checkUpload({ name: 'fasad.pdf', bytes: scripted })).toMatchObject({
      ok: false,
      reason: 'activeContent',
    });
  });

  it('refuses an empty file and one over the limit, or one the stream cut short', async () => {
    expect(await checkUpload({ name: 'a.pdf', bytes: new Uint8Array() })).toMatchObject({ ok: false, reason: 'empty' });
    expect(await checkUpload({ name: 'a.pdf', bytes: new Uint8Array(MAX_UPLOAD_BYTES + 1) })).toMatchObject({
      ok: false,
      reason: 'tooLarge',
    });
    expect(await checkUpload({ name: 'a.pdf', bytes: pdf(), truncated: true })).toMatchObject({
      ok: false,
      reason: 'tooLarge',
    });
  });
});

describe('UploadInspector: the same verdict for a file streamed in pieces', () => {
  const objectStream = (objects: string, type = '/Type /ObjStm') => {
    const data = deflateSync(Buffer.from(objects, 'latin1'));
    const head = `%PDF-1.7\n% ${'x'.repeat(5000)}\n5 0 obj << ${type} /N 1 /Filter /FlateDecode >> stream\r\n`;
    return Buffer.concat([Buffer.from(head, 'latin1'), data, Buffer.from('\r\nendstream endobj\n%%EOF')]);
  };
  const files: [string, Buffer, string | null][] = [
    ['a clean PDF', Buffer.from(pdf()), null],
    ['a PNG', Buffer.from(png), null],
    ['a script name at the very end', Buffer.from(pdf('<< /S /JavaScript')), 'activeContent'],
    ['an escaped launch name', Buffer.from(pdf('<< /S /L#61#75nch >>')), 'activeContent'],
    ['/JSON, which is not /JS', Buffer.from(pdf('<< /JSON (x) >>')), null],
    ['a clean object stream after 5 000 bytes', objectStream('6 0 << /Type /Catalog >>'), null],
    ['a script in an object stream', objectStream('6 0 << /S /JavaScript /JS (x) >>'), 'activeContent'],
    ['an escaped object stream type', objectStream('6 0 << /S /Launch >>', '/Ty#70e /Obj#53tm'), 'activeContent'],
    ['text', Buffer.from('not a drawing at all'), 'unsupportedType'],
  ];
  it.each([1, 3, 7, 64, 4096])('in pieces of %i bytes', async (n) => {
    for (const [what, bytes, refusal] of files) {
      const inspector = new UploadInspector();
      for (let i = 0; i < bytes.length; i += n) await inspector.push(bytes.subarray(i, i + n));
      const verdict = await inspector.verdict('fil.pdf');
      expect([what, verdict.ok ? null : verdict.reason]).toEqual([what, refusal]);
      expect([what, (await checkUpload({ name: 'fil.pdf', bytes })).ok]).toEqual([what, refusal === null]);
    }
  });

  it('refuses a file past the limit without reading on', async () => {
    const inspector = new UploadInspector();
    const piece = Buffer.alloc(1024 * 1024, 0x20);
    await inspector.push(Buffer.from('%PDF-1.7\n'));
    for (let i = 0; i < 26; i++) await inspector.push(piece);
    expect(await inspector.verdict('stor.pdf')).toEqual({ ok: false, reason: 'tooLarge' });
  });
});

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\Users\\anna\\Fasad söder.pdf', 'Fasad söder.pdf'],
    ['.htaccess', 'htaccess.pdf'],
    ['plan\u0000\u202eFDP.exe', 'planFDP.pdf'],
    ['', 'bilaga.pdf'],
    ['<script>.pdf', 'script.pdf'],
  ])('%j → %j', (name, safe) => expect(safeFileName(name, 'application/pdf')).toBe(safe));

  it('keeps a very long name to 100 characters with its extension', () => {
    const name = safeFileName(`${'å'.repeat(300)}.pdf`, 'application/pdf');
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('sniffType', () => {
  it('reads only the first bytes', () =>
    expect(sniffType(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]))).toBe('application/pdf'));
});
