import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { checkUpload, MAX_UPLOAD_BYTES, safeFileName, sniffType } from './upload';

const pdf = (body = '1 0 obj << /Type /Catalog >> endobj') => new TextEncoder().encode(`%PDF-1.7\n${body}\n%%EOF`);
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);

describe('checkUpload', () => {
  it('accepts PDF, PNG and JPEG by their content', () => {
    expect(checkUpload({ name: 'plan.pdf', bytes: pdf() })).toEqual({
      ok: true,
      contentType: 'application/pdf',
      fileName: 'plan.pdf',
    });
    expect(checkUpload({ name: 'fasad.png', bytes: png })).toMatchObject({ ok: true, contentType: 'image/png' });
    expect(checkUpload({ name: 'foto.jpeg', bytes: jpeg })).toMatchObject({
      ok: true,
      contentType: 'image/jpeg',
      fileName: 'foto.jpg',
    });
  });

  it('names the file by what it is, not by what it claims', () => {
    expect(checkUpload({ name: 'ritning.pdf', bytes: png })).toMatchObject({
      ok: true,
      contentType: 'image/png',
      fileName: 'ritning.png',
    });
  });

  it('refuses an HTML file renamed .pdf, and anything else unknown', () => {
    expect(
      checkUpload({ name: 'ritning.pdf', bytes: new TextEncoder().encode('<html><script>alert(1)</script></html>') }),
    ).toMatchObject({ ok: false, reason: 'unsupportedType' });
    expect(checkUpload({ name: 'a.gif', bytes: new TextEncoder().encode('GIF89a') })).toMatchObject({
      ok: false,
      reason: 'unsupportedType',
    });
    expect(checkUpload({ name: 'a.pdf', bytes: new TextEncoder().encode('%PD') })).toMatchObject({
      ok: false,
      reason: 'unsupportedType',
    });
  });

  it.each([
    ['JavaScript', '<< /S /JavaScript /JS (app.alert(1)) >>'],
    ['an escaped JavaScript name', '<< /S /J#61vaScript /JS (x) >>'],
    ['a launch action', '<< /OpenAction << /S /Launch /F (cmd.exe) >> >>'],
    ['an embedded file', '<< /Type /EmbeddedFile >>'],
  ])('refuses a PDF with %s', (_name, body) => {
    expect(checkUpload({ name: 'plan.pdf', bytes: pdf(body) })).toMatchObject({ ok: false, reason: 'activeContent' });
  });

  const objStm = (objects: string, dict = '/Filter /FlateDecode', compress = true, type = '/Type /ObjStm') => {
    const data = compress ? deflateSync(Buffer.from(objects, 'latin1')) : Buffer.from(objects, 'latin1');
    const head = Buffer.from(`%PDF-1.7\n5 0 obj << ${type} /N 1 /First 4 /Length ${data.length} ${dict} >> stream\n`);
    return new Uint8Array(
      Buffer.concat([head, data, Buffer.from('\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')]),
    );
  };

  it('looks inside compressed object streams', () => {
    expect(checkUpload({ name: 'plan.pdf', bytes: objStm('6 0 << /Type /Catalog /Pages 2 0 R >>') })).toMatchObject({
      ok: true,
    });
    expect(
      checkUpload({ name: 'plan.pdf', bytes: objStm('6 0 << /S /JavaScript /JS (app.alert(1)) >>') }),
    ).toMatchObject({ ok: false, reason: 'activeContent' });
    expect(checkUpload({ name: 'plan.pdf', bytes: objStm('6 0 << /S /J#61vaScript /JS (x) >>') })).toMatchObject({
      ok: false,
      reason: 'activeContent',
    });
    // An escaped type name, a filter given as an array, no filter at all.
    expect(
      checkUpload({ name: 'plan.pdf', bytes: objStm('6 0 << /S /Launch >>', undefined, true, '/Ty#70e /Obj#53tm') }),
    ).toMatchObject({ ok: false, reason: 'activeContent' });
    expect(
      checkUpload({ name: 'plan.pdf', bytes: objStm('6 0 << /S /Launch >>', '/Filter [/FlateDecode]') }),
    ).toMatchObject({ ok: false, reason: 'activeContent' });
    expect(checkUpload({ name: 'plan.pdf', bytes: objStm('6 0 << /Type /EmbeddedFile >>', '', false) })).toMatchObject({
      ok: false,
      reason: 'activeContent',
    });
    // What cannot be unpacked is not taken on trust.
    expect(
      checkUpload({ name: 'plan.pdf', bytes: objStm('6 0 << /Type /Catalog >>', '/Filter /LZWDecode', false) }),
    ).toMatchObject({ ok: false, reason: 'activeContent' });
  });

  it('accepts a drawing saved with object streams, and refuses it once a script is added', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Fasad mot söder');
    const clean = await doc.save({ useObjectStreams: true });
    expect(Buffer.from(clean).toString('latin1')).toContain('/ObjStm');
    expect(checkUpload({ name: 'fasad.pdf', bytes: clean })).toMatchObject({ ok: true });
    doc.addJavaScript('hello', 'app.alert(1)');
    const scripted = await doc.save({ useObjectStreams: true });
    expect(Buffer.from(scripted).toString('latin1')).not.toContain('/JavaScript'); // only compressed
    expect(checkUpload({ name: 'fasad.pdf', bytes: scripted })).toMatchObject({ ok: false, reason: 'activeContent' });
  });

  it('refuses an empty file and one over the limit, or one the stream cut short', () => {
    expect(checkUpload({ name: 'a.pdf', bytes: new Uint8Array() })).toMatchObject({ ok: false, reason: 'empty' });
    expect(checkUpload({ name: 'a.pdf', bytes: new Uint8Array(MAX_UPLOAD_BYTES + 1) })).toMatchObject({
      ok: false,
      reason: 'tooLarge',
    });
    expect(checkUpload({ name: 'a.pdf', bytes: pdf(), truncated: true })).toMatchObject({
      ok: false,
      reason: 'tooLarge',
    });
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
