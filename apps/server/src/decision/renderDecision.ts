import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { DecisionDocument } from '@lovisa/domain';
import { newDocument } from '../pdf/documentFonts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 62;
const WIDTH = A4[0] - 2 * MARGIN;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);

/** Splits a paragraph into lines that fit `width` at `size` (words kept whole unless one is wider than a line). */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      // A single word wider than the line (a long URL) is cut where it must be.
      while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

export interface RenderOptions {
  municipality: string;
  board: string;
  diaryNumber: string;
  /** YYYY-MM-DD: the document's date (its metadata too, so the same decision renders to the same bytes). */
  date: string;
  /** The municipality's logo (PNG or JPEG) for the letterhead; none: the name alone heads the letter. */
  logo?: { bytes: Uint8Array; type: 'png' | 'jpeg' } | null;
}

const LOGO_HEIGHT = 44;
const RIGHT_COLUMN = 330;

/** A decision (or start approval) as an A4 PDF with DejaVu Sans embedded, paginated, with a running footer. */
export async function renderDecision(document: DecisionDocument, opts: RenderOptions): Promise<Uint8Array> {
  const {
    doc,
    fonts: { regular, bold },
  } = await newDocument({
    title: `${document.title} ${opts.diaryNumber}`,
    subject: `${document.subtitle}, ${opts.diaryNumber}`,
    author: `${opts.board}, ${opts.municipality}`,
    date: opts.date,
  });

  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = doc.addPage(A4);
    pages.push(page);
    y = A4[1] - MARGIN;
    page.drawText(`${opts.municipality} · ${opts.board}`, { x: MARGIN, y, size: 9, font: bold, color: MUTED });
    y -= 28;
  };
  const ensure = (height: number) => {
    if (y - height < MARGIN + 30) newPage();
  };
  const text = (
    s: string,
    size: number,
    font: PDFFont,
    opts2: { color?: ReturnType<typeof rgb>; indent?: number; gap?: number } = {},
  ) => {
    const indent = opts2.indent ?? 0;
    const leading = size * 1.4;
    for (const line of wrap(s, font, size, WIDTH - indent)) {
      ensure(leading);
      y -= leading;
      if (line) page.drawText(line, { x: MARGIN + indent, y, size, font, color: opts2.color ?? INK });
    }
    y -= opts2.gap ?? 0;
  };

  newPage();
  if (opts.logo) {
    const image = opts.logo.type === 'png' ? await doc.embedPng(opts.logo.bytes) : await doc.embedJpg(opts.logo.bytes);
    const scaled = image.scale(LOGO_HEIGHT / image.height);
    const width = Math.min(scaled.width, 160);
    const height = (image.height * width) / image.width;
    page.drawImage(image, { x: A4[0] - MARGIN - width, y: A4[1] - MARGIN - height + 10, width, height });
  }
  const top = y;
  text(document.title, 22, bold, { gap: 2 });
  text(document.subtitle, 14, bold, { gap: 12 });
  // The address block in the right column, beside the title, as a window envelope shows it.
  const recipient = document.recipient ?? [];
  if (recipient.length > 0) {
    let ry = top - 18;
    page.drawText('Till', { x: RIGHT_COLUMN, y: ry, size: 8.5, font: regular, color: MUTED });
    recipient.forEach((line, i) => {
      ry -= 14;
      page.drawText(line, { x: RIGHT_COLUMN, y: ry, size: 10.5, font: i === 0 ? bold : regular, color: INK });
    });
    y = Math.min(y, ry - 16);
  }

  // The facts as a two-column table.
  const labelWidth = Math.max(...document.facts.map(([label]) => bold.widthOfTextAtSize(label, 10))) + 16;
  for (const [label, value] of document.facts) {
    const lines = wrap(value, regular, 10, WIDTH - labelWidth);
    ensure(lines.length * 14);
    y -= 14;
    page.drawText(label, { x: MARGIN, y, size: 10, font: bold, color: INK });
    lines.forEach((line, i) =>
      page.drawText(line, { x: MARGIN + labelWidth, y: y - i * 14, size: 10, font: regular, color: INK }),
    );
    y -= (lines.length - 1) * 14;
  }
  y -= 10;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 0.6, color: MUTED });
  y -= 6;

  for (const section of document.sections) {
    ensure(40);
    y -= 8;
    text(section.heading, 12.5, bold, { gap: 2 });
    for (const p of section.paragraphs) text(p, 10.5, regular, { gap: 5 });
  }
  y -= 10;
  for (const line of document.signature) text(line, 10.5, regular, { gap: 3 });
  if (document.signatureBlock) {
    // A signature block: a line to sign on, the name and title under it (the signed original is in the case file).
    ensure(80);
    y -= 40;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + 200, y }, thickness: 0.6, color: INK });
    text(document.signatureBlock.name, 10.5, bold);
    text(document.signatureBlock.title, 10, regular);
    text(document.signatureBlock.on, 10, regular, { color: MUTED });
  }

  pages.forEach((p, i) => {
    const footer = `${opts.diaryNumber} · sida ${i + 1} av ${pages.length}`;
    p.drawText(footer, {
      x: A4[0] - MARGIN - regular.widthOfTextAtSize(footer, 8.5),
      y: MARGIN - 24,
      size: 8.5,
      font: regular,
      color: MUTED,
    });
  });
  return doc.save();
}
