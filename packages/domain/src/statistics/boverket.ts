import { z } from 'zod';
import { MeasureTypeSchema, type MeasureType } from '../measure';
import type { DecisionOutcome, Procedure } from '../case/schemas';
import type { DomainMessageId } from '../messages/sv';
import { StatisticsPeriodSchema, type HandlingRow } from './statistics';

/**
 * The figures Boverket's annual Plan- och byggenkät (kommundelen, "lov och byggande") asks a building committee
 * for, as far as Lovisa records them. Mapping and sources: docs/statistics.md. Each row names its question by a
 * stable id (its text is the message `statistics.boverket.<id>`), so the export keeps its shape when the wording
 * changes. A figure Lovisa does not record yet is `notYetRecorded` with a null value, never a zero that would
 * be read as "none were given".
 */
export const BoverketRowIdSchema = z.enum([
  'permit.received',
  'permit.approved',
  'permit.approved.newMainBuilding',
  'permit.approved.extension',
  'permit.approved.outbuilding',
  'permit.approved.smallDwelling',
  'permit.approved.carport',
  'permit.refused',
  'permit.dismissed',
  'permit.withdrawn',
  'permit.medianDays',
  'permit.withinLimitShare',
  'permit.feeReductions',
  'notification.received',
  'notification.refused',
  'notification.medianDays',
  'notification.withinLimitShare',
  'startApproval.notification',
  'startApproval.permit',
]);
export type BoverketRowId = z.infer<typeof BoverketRowIdSchema>;

export const BoverketRowSchema = z.object({
  id: BoverketRowIdSchema,
  unit: z.enum(['count', 'days', 'share']),
  value: z.number().nullable(),
  status: z.enum(['recorded', 'notYetRecorded']),
});
export type BoverketRow = z.infer<typeof BoverketRowSchema>;

export const BoverketExportSchema = z.object({ period: StatisticsPeriodSchema, rows: z.array(BoverketRowSchema) });
export type BoverketExport = z.infer<typeof BoverketExportSchema>;

/** What the server counts for the export; handling figures come from the all-teams rows of the handling query. */
export interface BoverketCounts {
  received: Record<Procedure, number>;
  withdrawn: Record<Procedure, number>;
  decided: { procedure: Procedure; outcome: DecisionOutcome; measure: MeasureType; n: number }[];
  handling: Pick<HandlingRow, 'procedure' | 'teamId' | 'medianDays' | 'withinLimitShare' | 'feeReductions'>[];
}

export const boverketRowText = (id: BoverketRowId): DomainMessageId => `statistics.boverket.${id}`;

/**
 * Start approvals (startbesked) belong to the process after the permit (technical consultation, control plan),
 * which Lovisa does not run yet: a count now would miss those given outside it.
 */
const NOT_YET_RECORDED: readonly BoverketRowId[] = ['startApproval.notification', 'startApproval.permit'];

export function boverketRows(counts: BoverketCounts): BoverketRow[] {
  const decided = (procedure: Procedure, outcome: DecisionOutcome, measure?: MeasureType) =>
    counts.decided
      .filter((d) => d.procedure === procedure && d.outcome === outcome && (!measure || d.measure === measure))
      .reduce((sum, d) => sum + d.n, 0);
  const all = (procedure: Procedure) => counts.handling.find((h) => h.procedure === procedure && h.teamId === null);
  const value: Record<BoverketRowId, number | null> = {
    'permit.received': counts.received.permit,
    'permit.approved': decided('permit', 'approved'),
    ...(Object.fromEntries(
      MeasureTypeSchema.options.map((m) => [`permit.approved.${m}`, decided('permit', 'approved', m)]),
    ) as Record<`permit.approved.${MeasureType}`, number>),
    'permit.refused': decided('permit', 'refused'),
    'permit.dismissed': decided('permit', 'dismissed'),
    'permit.withdrawn': counts.withdrawn.permit,
    'permit.medianDays': all('permit')?.medianDays ?? null,
    'permit.withinLimitShare': all('permit')?.withinLimitShare ?? null,
    'permit.feeReductions': all('permit')?.feeReductions ?? 0,
    'notification.received': counts.received.notification,
    'notification.refused': decided('notification', 'refused'),
    'notification.medianDays': all('notification')?.medianDays ?? null,
    'notification.withinLimitShare': all('notification')?.withinLimitShare ?? null,
    'startApproval.notification': null,
    'startApproval.permit': null,
  };
  return BoverketRowIdSchema.options.map((id) => ({
    id,
    unit: id.endsWith('medianDays') ? 'days' : id.endsWith('Share') ? 'share' : 'count',
    value: value[id],
    status: NOT_YET_RECORDED.includes(id) ? 'notYetRecorded' : 'recorded',
  }));
}
