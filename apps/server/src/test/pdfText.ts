import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

/** The text of every page of a PDF, joined, as a reader (or a screen reader) gets it. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    parts.push(
      (await page.getTextContent()).items
        .filter((t): t is TextItem => 'str' in t)
        .map((t) => t.str)
        .join(' '),
    );
  }
  return parts.join('\n').replace(/\s+/g, ' ');
}
