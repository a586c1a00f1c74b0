import { z } from 'zod';
import { MeasureTypeSchema, type MeasureType } from '../measure';

/**
 * A municipality's fee schedule (taxa) as data. Swedish schedules price in thousandths of the price base
 * amount (prisbasbelopp), so a new year's amount updates every fee without editing the schedule.
 */
const Amount = z.union([
  z.object({ kind: z.literal('permille'), value: z.number().nonnegative() }),
  z.object({ kind: z.literal('fixed'), sek: z.number().nonnegative() }),
  z.object({ kind: z.literal('permillePerNeighbour'), value: z.number().nonnegative() }),
  z.object({
    kind: z.literal('permilleByArea'),
    bands: z.array(z.object({ upToM2: z.number().positive().nullable(), value: z.number().nonnegative() })).min(1),
  }),
]);

export const FeeScheduleSchema = z.object({
  name: z.object({ sv: z.string(), en: z.string() }),
  /** An example schedule must say so wherever a fee is shown. */
  example: z.boolean(),
  year: z.number().int(),
  priceBaseAmountSEK: z.number().positive(),
  items: z.array(
    z.object({
      code: z.string(),
      label: z.object({ sv: z.string(), en: z.string() }),
      procedures: z.array(z.enum(['permit', 'notification'])),
      measures: z.array(MeasureTypeSchema).optional(),
      onlyWithDeviation: z.boolean().optional(),
      amount: Amount,
    }),
  ),
});
export type FeeSchedule = z.infer<typeof FeeScheduleSchema>;

export interface FeeInput {
  procedure: 'none' | 'notification' | 'permit';
  measure: MeasureType;
  /** Building area for new buildings, gross floor area for extensions. */
  areaM2: number;
  deviation: boolean;
  /** Neighbours to be heard (a deviation's hearing is priced per party). */
  neighbours: number;
}

export interface FeeEstimate {
  lines: { code: string; label: { sv: string; en: string }; sek: number }[];
  totalSEK: number;
  example: boolean;
  schedule: { sv: string; en: string };
}

/** What the application will cost under the schedule; nothing when no application is needed. */
export function estimateFee(schedule: FeeSchedule, input: FeeInput): FeeEstimate {
  const { procedure } = input;
  const pbb = schedule.priceBaseAmountSEK;
  const lines: FeeEstimate['lines'] = [];
  if (procedure !== 'none') {
    for (const item of schedule.items) {
      if (!item.procedures.includes(procedure)) continue;
      if (item.measures && !item.measures.includes(input.measure)) continue;
      if (item.onlyWithDeviation && !input.deviation) continue;
      const a = item.amount;
      let sek: number;
      if (a.kind === 'fixed') sek = a.sek;
      else if (a.kind === 'permille') sek = (a.value / 1000) * pbb;
      else if (a.kind === 'permillePerNeighbour') sek = (a.value / 1000) * pbb * input.neighbours;
      else {
        const band = a.bands.find((b) => b.upToM2 === null || input.areaM2 <= b.upToM2) ?? a.bands.at(-1)!;
        sek = (band.value / 1000) * pbb;
      }
      lines.push({ code: item.code, label: item.label, sek: Math.round(sek) });
    }
  }
  return { lines, totalSEK: lines.reduce((s, l) => s + l.sek, 0), example: schedule.example, schedule: schedule.name };
}

/** The fee after the reduction for a late decision (one fifth per started week), in whole kronor. */
export function reducedFee(totalSEK: number, reduction: number): number {
  return Math.round(totalSEK * (1 - Math.min(1, Math.max(0, reduction))));
}
