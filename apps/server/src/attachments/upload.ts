/**
 * The one place an uploaded file is judged: size, type by content (magic bytes, never by name or declared
 * type), active content in PDFs, and a file name that is safe to store and show. Routes call this; nothing
 * else decides what is accepted.
 */
import { constants as zlibConstants, inflateSync } from 'node:zlib';

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

const ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFile|SubmitForm|ImportData|RichMedia|XFA)\b/;

/** What all object streams of one file may inflate to: a compressed bomb is refused, not unpacked. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/**
 * The objects a PDF keeps in compressed object streams (`/Type /ObjStm`, PDF 1.5+): an action or a script
 * there is invisible to a scan of the raw bytes. Returns them inflated, or null when one cannot be read (an
 * unknown filter, broken data, or too much of it): what cannot be checked is not accepted.
 */
function objectStreams(text: string, bytes: Buffer): string[] | null {
  const out: string[] = [];
  let budget = MAX_INFLATED_BYTES;
  for (const m of text.matchAll(/(?<!end)stream(\r\n|\n|\r)/g)) {
    const head = text.slice(Math.max(0, m.index - 4096), m.index);
    const dict = decodePdfName(head.slice(head.lastIndexOf(' obj') + 1));
    if (!/\/Type\s*\/ObjStm\b/.test(dict)) continue;
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    const data = bytes.subarray(start, end === -1 ? bytes.length : end);
    const filters = dict.match(/\/Filter\s*(\[[^\]]*\]|\/\w+)/)?.[1]?.match(/\/\w+/g) ?? [];
    if (filters.length === 0) {
      out.push(data.toString('latin1'));
      continue;
    }
    if (filters.length > 1 || filters[0] !== '/FlateDecode') return null;
    try {
      // Sync flush: a stream whose end marker is missing still yields what it holds.
      const inflated = inflateSync(data, { maxOutputLength: budget, finishFlush: zlibConstants.Z_SYNC_FLUSH });
      budget -= inflated.length;
      out.push(inflated.toString('latin1'));
    } catch {
      return null;
    }
  }
  return out;
}

/**
 * Whether a PDF carries anything that runs or acts when opened: JavaScript, launch actions, embedded files,
 * forms that submit, in plain objects or inside compressed object streams. Other compressed streams (page
 * content, images) cannot hold such objects. A defence in depth alongside serving attachments as downloads,
 * never inline.
 */
export function pdfHasActiveContent(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const raw = buffer.toString('latin1');
  if (ACTIVE.test(decodePdfName(raw))) return true;
  const streams = objectStreams(raw, buffer);
  return streams === null || streams.some((s) => ACTIVE.test(decodePdfName(s)));
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

export function checkUpload(file: { name: string; bytes: Uint8Array; truncated?: boolean }): UploadVerdict {
  if (file.truncated || file.bytes.length > MAX_UPLOAD_BYTES) return { ok: false, reason: 'tooLarge' };
  if (file.bytes.length === 0) return { ok: false, reason: 'empty' };
  const type = sniffType(file.bytes);
  if (!type) return { ok: false, reason: 'unsupportedType' };
  if (type === 'application/pdf' && pdfHasActiveContent(file.bytes)) return { ok: false, reason: 'activeContent' };
  return { ok: true, contentType: type, fileName: safeFileName(file.name, type) };
}
