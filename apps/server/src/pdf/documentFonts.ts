import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';

/** The font files, read once per process; every document embeds only the glyphs it uses (å, ä, ö, §, ≤, −). */
let fontFiles: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;
function loadFonts() {
  fontFiles ??= (async () => {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    const [regular, bold] = await Promise.all([
      readFile(path.join(dir, 'DejaVuSans.ttf')),
      readFile(path.join(dir, 'DejaVuSans-Bold.ttf')),
    ]);
    return { regular, bold };
  })().catch((error: unknown) => {
    // A failed read (a missing package) must not stick: the next request tries again.
    fontFiles = undefined;
    throw error;
  });
  return fontFiles;
}

/** What a document says of itself; `date` (YYYY-MM-DD) is its creation and modification date. */
export interface DocumentInfo {
  title: string;
  subject: string;
  author?: string;
  date: string;
}

/**
 * A new PDF with DejaVu Sans (regular and bold) embedded as subsets: every Lovisa document starts here. The
 * metadata comes from `info` only, never the clock, so the same input renders to the same bytes.
 */
export async function newDocument(
  info: DocumentInfo,
): Promise<{ doc: PDFDocument; fonts: { regular: PDFFont; bold: PDFFont } }> {
  const files = await loadFonts();
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  doc.setTitle(info.title);
  doc.setSubject(info.subject);
  if (info.author !== undefined) doc.setAuthor(info.author);
  doc.setCreator('Lovisa');
  doc.setProducer('Lovisa');
  doc.setLanguage('sv-SE');
  // Noon UTC is the same calendar day in Stockholm all year.
  const day = new Date(`${info.date}T12:00:00Z`);
  if (!Number.isNaN(day.getTime())) {
    doc.setCreationDate(day);
    doc.setModificationDate(day);
  }
  return {
    doc,
    fonts: {
      regular: await doc.embedFont(files.regular, { subset: true }),
      bold: await doc.embedFont(files.bold, { subset: true }),
    },
  };
}
