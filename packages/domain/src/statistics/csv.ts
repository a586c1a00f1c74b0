import { measureLabels } from '../measure';
import { swedishText, type DomainMessageId } from '../messages/sv';
import { boverketRowText, type BoverketExport } from './boverket';
import type { HandlingStatistics, VolumeStatistics } from './statistics';

/**
 * CSV for Excel as Swedish offices open it: UTF-8 with a byte-order mark (or Excel reads Å, Ä, Ö as two
 * characters each), semicolons between fields and decimal commas (the Swedish list separator and decimal sign),
 * CRLF line ends (RFC 4180). A field with a separator, a quote or a line break is quoted; a text that starts like
 * a formula gets a leading apostrophe so a spreadsheet never runs it.
 */
export const CSV_BOM = '\uFEFF';

export type CsvCell = string | number | null;

function field(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(Math.round(cell * 1000) / 1000).replace('.', ',');
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + [header, ...rows].map((r) => r.map(field).join(';')).join('\r\n') + '\r\n';
}

const sv = (id: DomainMessageId) => swedishText(id);
const procedureText = (p: 'permit' | 'notification') => sv(`statistics.procedure.${p}`);

export function handlingCsv(stats: HandlingStatistics): string {
  return toCsv(
    [
      'statistics.col.procedure',
      'statistics.col.team',
      'statistics.col.decided',
      'statistics.col.timed',
      'statistics.col.medianDays',
      'statistics.col.p90Days',
      'statistics.col.withinLimit',
      'statistics.col.withinLimitShare',
      'statistics.col.stoppedDaysMean',
      'statistics.col.completionRequests',
      'statistics.col.completionRequestsPerCase',
      'statistics.col.feeReductions',
      'statistics.col.feeReductionMean',
    ].map((id) => sv(id as DomainMessageId)),
    stats.rows.map((r) => [
      procedureText(r.procedure),
      r.teamName ?? sv('statistics.allTeams'),
      r.decided,
      r.timed,
      r.medianDays,
      r.p90Days,
      r.withinLimit,
      r.withinLimitShare,
      r.stoppedDaysMean,
      r.completionRequests,
      r.completionRequestsPerCase,
      r.feeReductions,
      r.feeReductionMean,
    ]),
  );
}

export function volumesCsv(stats: VolumeStatistics): string {
  return toCsv(
    [
      sv('statistics.col.month'),
      sv('statistics.col.measure'),
      sv('statistics.col.received'),
      sv('statistics.col.decided'),
    ],
    stats.rows.map((r) => [r.month, measureLabels[r.measure].sv, r.received, r.decided]),
  );
}

export function boverketCsv(data: BoverketExport): string {
  return toCsv(
    [sv('statistics.col.question'), sv('statistics.col.value'), sv('statistics.col.unit'), sv('statistics.col.status')],
    data.rows.map((r) => [
      sv(boverketRowText(r.id)),
      r.value,
      sv(`statistics.unit.${r.unit}`),
      sv(`statistics.status.${r.status}`),
    ]),
  );
}
