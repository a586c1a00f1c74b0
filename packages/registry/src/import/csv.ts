import { issue, type ImportIssue } from './issues';

export interface CsvRow {
  /** 1-based line number in the file (the header is line 1), for row-level errors. */
  line: number;
  /** Values by lower-cased header name, trimmed. */
  values: Record<string, string>;
}

/**
 * Reads a CSV file the way Swedish Excel writes it: semicolon-separated (a comma is accepted when the header has
 * no semicolon), UTF-8 with or without BOM, CRLF or LF, "quoted" fields with "" for a quotation mark. Blank
 * lines are skipped. Header names are matched without regard to case, spaces or Swedish letters (e-post,
 * E-post, epost all read as "epost").
 */
export function parseCsv(text: string, file: string): { header: string[]; rows: CsvRow[]; issues: ImportIssue[] } {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = firstLine.includes(';') || !firstLine.includes(',') ? ';' : ',';
  const records: { line: number; fields: string[] }[] = [];
  const issues: ImportIssue[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === sep) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += c;
  }
  if (quoted) issues.push(issue(file, recordLine, null, 'csv.quote'));
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  const nonBlank = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [head, ...body] = nonBlank;
  if (!head) return { header: [], rows: [], issues: [...issues, issue(file, null, null, 'file.empty')] };
  const header = head.fields.map(headerKey);
  const rows: CsvRow[] = [];
  for (const r of body) {
    if (r.fields.length !== header.length) {
      issues.push(issue(file, r.line, null, 'csv.columns', { count: r.fields.length, expected: header.length }));
      continue;
    }
    rows.push({ line: r.line, values: Object.fromEntries(header.map((h, i) => [h, r.fields[i]!.trim()])) });
  }
  return { header, rows, issues };
}

/** "E-post" → "epost", "Förnamn" → "fornamn", "Enhet ID" → "enhetid". */
export function headerKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}
