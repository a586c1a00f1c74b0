/**
 * The one place an uploaded file is judged: size, type by content (magic bytes, never by name or declared
 * type), active content in PDFs, and a file name that is safe to store and show. Routes call this; nothing
 * else decides what is accepted.
 */
import { once } from 'node:events';
import { constants as zlibConstants, createInflate, type Inflate } from 'node:zlib';

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

export type AcceptedType = 'application/pdf' | 'image/png' | 'image/jpeg';

export type UploadVerdict =
  { ok: true; contentType: AcceptedType; fileName: string } | { ok: false; reason: UploadRefusal };

/** Why a file is refused; the server's answer words each by message id (attachments/receive.ts). */
export type UploadRefusal = 'empty' | 'tooLarge' | 'unsupportedType' | 'activeContent';

const extensionOf: Record<AcceptedType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** The type the bytes say they are, whatever the name says. */
export function sniffType(bytes: Uint8Array): AcceptedType | null {
  const starts = (sig: number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

// PDF names may hide letters as #xx escapes ("/J#61vaScript"); decode before looking.
const decodePdfName = (s: string) =>
  s.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

const ACTIVE_NAMES = 'JavaScript|JS|Launch|EmbeddedFile|SubmitForm|ImportData|RichMedia|XFA';
const ACTIVE = new RegExp(`/(${ACTIVE_NAMES})\\b`);

/** What all object streams of one file may inflate to: a compressed bomb is refused, not unpacked. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
/** How far back from `stream` a stream's dictionary is looked for. */
const DICT_SPAN = 4096;
/** The longest active name with every letter escaped (/#45#6d#62…), and the character after it. */
const NAME_SPAN = 64;
const STREAM = /(?<!end)stream(\r\n|\n|\r)/g;
/** ACTIVE where more text follows: a name at the very end of a piece may go on in the next ("/JS" of "/JSON"). */
const ACTIVE_WITH_MORE = new RegExp(`/(${ACTIVE_NAMES})(?=[^A-Za-z0-9_])`);

/** Looks for an active name in text that arrives in pieces; one cut between two pieces is found with the next. */
class NameScanner {
  private tail = '';
  found = false;
  push(text: string, last = false) {
    if (this.found) return;
    const window = this.tail + text;
    this.found = (last ? ACTIVE : ACTIVE_WITH_MORE).test(decodePdfName(window));
    this.tail = window.slice(-NAME_SPAN);
  }
}

interface ObjectStream {
  names: NameScanner;
  /** Null for an object stream stored without a filter. */
  inflate: Inflate | null;
  done: Promise<void>;
}

/**
 * Whether a PDF carries anything that runs or acts when opened (JavaScript, launch actions, embedded files, forms
 * that submit), in plain objects or inside compressed object streams (`/Type /ObjStm`, PDF 1.5+), where a scan of
 * the raw bytes cannot see them. Other compressed streams (page content, images) cannot hold such objects. What
 * cannot be checked (an unknown filter, broken data, more than MAX_INFLATED_BYTES unpacked) counts as active.
 *
 * Fed the file piece by piece as it arrives, keeping only a window of text (the last DICT_SPAN characters) and an
 * object stream's inflater, never the file: a 25 MB drawing is checked on its way to disk. A defence in depth
 * alongside serving attachments as downloads, never inline.
 */
class PdfScanner {
  private raw = new NameScanner();
  private text = '';
  private pos = 0;
  private objStm: ObjectStream | null = null;
  private budget = MAX_INFLATED_BYTES;
  private active = false;

  async push(piece: Buffer, last = false): Promise<void> {
    const s = piece.toString('latin1');
    this.raw.push(s, last);
    this.text += s;
    await this.advance(last);
    const drop = Math.max(0, this.pos - DICT_SPAN - 16);
    this.text = this.text.slice(drop);
    this.pos -= drop;
  }

  async end(): Promise<boolean> {
    await this.push(Buffer.alloc(0), true);
    return this.active || this.raw.found;
  }

  private async advance(last: boolean) {
    while (!this.active) {
      if (this.objStm) {
        const end = this.text.indexOf('endstream', this.pos);
        // Without its end yet, the data so far goes on, less what may be the start of "endstream".
        const upTo = end !== -1 ? end : last ? this.text.length : Math.max(this.pos, this.text.length - 8);
        await this.feed(this.text.slice(this.pos, upTo));
        this.pos = upTo;
        if (end === -1 && !last) return;
        await this.closeObjectStream();
        if (end === -1) return;
        continue;
      }
      STREAM.lastIndex = this.pos;
      const m = STREAM.exec(this.text);
      if (!m) {
        this.pos = last ? this.text.length : Math.max(this.pos, this.text.length - 8);
        return;
      }
      if (!last && m.index + m[0].length >= this.text.length) {
        this.pos = m.index; // "stream\r" may yet be "stream\r\n"
        return;
      }
      this.pos = m.index + m[0].length;
      const head = this.text.slice(Math.max(0, m.index - DICT_SPAN), m.index);
      const dict = decodePdfName(head.slice(head.lastIndexOf(' obj') + 1));
      if (!/\/Type\s*\/ObjStm\b/.test(dict)) continue;
      const filters = dict.match(/\/Filter\s*(\[[^\]]*\]|\/\w+)/)?.[1]?.match(/\/\w+/g) ?? [];
      if (filters.length > 1 || (filters.length === 1 && filters[0] !== '/FlateDecode')) this.active = true;
      else this.openObjectStream(filters.length === 1);
    }
  }

  private openObjectStream(compressed: boolean) {
    const names = new NameScanner();
    if (!compressed) {
      this.objStm = { names, inflate: null, done: Promise.resolve() };
      return;
    }
    // Sync flush: a stream whose end marker is missing still yields what it holds.
    const inflate = createInflate({ finishFlush: zlibConstants.Z_SYNC_FLUSH });
    inflate.on('data', (out: Buffer) => {
      this.budget -= out.length;
      if (this.budget < 0) {
        this.active = true;
        inflate.destroy();
      } else names.push(out.toString('latin1'));
    });
    const done = new Promise<void>((resolve) => {
      inflate.on('end', resolve).on('close', resolve);
      inflate.on('error', () => {
        this.active = true; // broken data: not taken on trust
        resolve();
      });
    });
    this.objStm = { names, inflate, done };
  }

  private async feed(data: string) {
    const o = this.objStm!;
    if (!data) return;
    if (!o.inflate) return o.names.push(data);
    if (o.inflate.destroyed) return;
    if (!o.inflate.write(Buffer.from(data, 'latin1'))) await Promise.race([once(o.inflate, 'drain'), o.done]);
  }

  private async closeObjectStream() {
    const o = this.objStm!;
    this.objStm = null;
    if (o.inflate && !o.inflate.destroyed) o.inflate.end();
    await o.done;
    o.names.push('', true);
    if (o.names.found) this.active = true;
  }
}

/** The bytes a type needs to be told by its magic bytes (PNG's signature is the longest). */
const SNIFF_BYTES = 8;

/**
 * Judges a file as it streams past, piece by piece, holding none of it: its size, its type by its first bytes,
 * and for a PDF its active content. `verdict` gives the answer once the last piece is in.
 */
export class UploadInspector {
  private head: Buffer[] = [];
  private type: AcceptedType | null | undefined;
  private pdf: PdfScanner | null = null;
  size = 0;

  async push(piece: Buffer): Promise<void> {
    this.size += piece.length;
    if (this.size > MAX_UPLOAD_BYTES) return; // refused anyway: not worth reading on
    if (this.type !== undefined) return void (await this.pdf?.push(piece));
    this.head.push(piece);
    if (this.size >= SNIFF_BYTES) await this.sniff();
  }

  private async sniff() {
    const start = Buffer.concat(this.head);
    this.head = [];
    this.type = sniffType(start);
    if (this.type === 'application/pdf') {
      this.pdf = new PdfScanner();
      await this.pdf.push(start);
    }
  }

  async verdict(name: string, truncated = false): Promise<UploadVerdict> {
    if (truncated || this.size > MAX_UPLOAD_BYTES) return { ok: false, reason: 'tooLarge' };
    if (this.size === 0) return { ok: false, reason: 'empty' };
    if (this.type === undefined) await this.sniff();
    if (!this.type) return { ok: false, reason: 'unsupportedType' };
    if (this.pdf && (await this.pdf.end())) return { ok: false, reason: 'activeContent' };
    return { ok: true, contentType: this.type, fileName: safeFileName(name, this.type) };
  }
}

/**
 * A name safe to store and show: no directories, no control or bidi characters, no leading dots, at most
 * 100 characters, and the extension of the real type.
 */
export function safeFileName(name: string, type: AcceptedType): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069<>:"|?*]/g, '')
    .replace(/^[.\s]+/, '')
    .trim();
  const stem =
    base
      .replace(/\.[^.]*$/, '')
      .slice(0, 90)
      .trim() || 'bilaga';
  return `${stem}.${extensionOf[type]}`;
}

/** Judges a file held in memory (a small one, or a test's), the same way as one streamed through an UploadInspector. */
export async function checkUpload(file: {
  name: string;
  bytes: Uint8Array;
  truncated?: boolean;
}): Promise<UploadVerdict> {
  const inspector = new UploadInspector();
  await inspector.push(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  return inspector.verdict(file.name, file.truncated);
}
