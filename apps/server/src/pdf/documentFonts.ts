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

/** A new PDF with DejaVu Sans (regular and bold) embedded as subsets: every Lovisa document starts here. */
export async function newDocument(): Promise<{ doc: PDFDocument; fonts: { regular: PDFFont; bold: PDFFont } }> {
  const files = await loadFonts();
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  return {
    doc,
    fonts: {
      regular: await doc.embedFont(files.regular, { subset: true }),
      bold: await doc.embedFont(files.bold, { subset: true }),
    },
  };
}
