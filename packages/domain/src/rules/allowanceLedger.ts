import { z } from 'zod';
import { polygonArea, type Polygon } from '@lovisa/geo';
import { PolygonSchema } from '../geometry';
import { MeasureTypeSchema, type MeasureType } from '../measure';
import { finding, type Finding } from './findings';
import type { PermitAssessment } from './permitNeed';
import type { RuleSet, Setting } from './ruleSet';
import type { PlannedMeasure, Site } from './site';

/**
 * The owner carries the burden of keeping within the plot's permit-free allowance (45 m² in a plan, 65 m²
 * outside after 2025-12-01). The ledger is every permit-free building on the plot with the basis it stands on:
 * registered buildings (the basemap's legal basis), earlier notifications, and "no permit needed" answers
 * Lovisa gave and the owner saved. Summed per allowance, it is what the next answer is judged against.
 */
export const LedgerBasisSchema = z.enum(['friggebod', 'attefall', 'exempt']);
export type LedgerBasis = z.infer<typeof LedgerBasisSchema>;

/** One permit-free building Lovisa knows of beyond the register: a saved answer or a notification. */
export const LedgerEntrySchema = z.object({
  id: z.uuid(),
  source: z.enum(['lovisaAnswer', 'notification']),
  legalBasis: LedgerBasisSchema,
  measure: MeasureTypeSchema,
  footprint: PolygonSchema,
  areaM2: z.number().nonnegative(),
  ruleSetId: z.string(),
  recordedAt: z.iso.datetime({ offset: true }),
  /** For a notification: the Lovisa case whose start approval put the building on the ledger. */
  caseId: z.uuid().optional(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

export interface AllowanceBalance {
  id: string;
  label: { sv: string; en: string };
  limitM2: number;
  usedM2: number;
  remainingM2: number;
  /** What the used area is made of: registered buildings and the ledger's entries, per basis. */
  parts: { source: 'register' | LedgerEntry['source']; legalBasis: LedgerBasis; areaM2: number }[];
}

const cm = (v: number) => Math.round(v * 100) / 100;
const settingOf = (site: Site): Setting => (site.plan ? 'insidePlan' : 'outsidePlan');

/** The site with the ledger's buildings standing on it, so the permit-need rules count them like registered ones. */
export function siteWithLedger(site: Site, entries: readonly Pick<LedgerEntry, 'footprint' | 'legalBasis'>[]): Site {
  return {
    ...site,
    buildings: [
      ...site.buildings,
      ...entries.map((e) => ({ footprint: e.footprint, use: 'komplementbyggnad', legalBasis: e.legalBasis })),
    ],
  };
}

/** Each allowance of the rule set on this plot: its limit, what is used and what is left. */
export function allowanceBalances(
  site: Site,
  ruleSet: RuleSet,
  entries: readonly LedgerEntry[] = [],
): AllowanceBalance[] {
  const setting = settingOf(site);
  return ruleSet.allowances.map((allowance) => {
    const counts = allowance.counts as string[];
    const parts: AllowanceBalance['parts'] = [
      ...site.buildings
        .filter((b) => counts.includes(b.legalBasis))
        .map((b) => ({
          source: 'register' as const,
          legalBasis: b.legalBasis as LedgerBasis,
          areaM2: cm(polygonArea(b.footprint)),
        })),
      ...entries
        .filter((e) => counts.includes(e.legalBasis))
        .map((e) => ({ source: e.source, legalBasis: e.legalBasis, areaM2: cm(e.areaM2) })),
    ];
    const usedM2 = cm(parts.reduce((s, p) => s + p.areaM2, 0));
    const limitM2 = allowance.maxM2[setting];
    return {
      id: allowance.id,
      label: allowance.label,
      limitM2,
      usedM2,
      remainingM2: cm(Math.max(0, limitM2 - usedM2)),
      parts,
    };
  });
}

/** "Du har 12 m² kvar av 45 m²": one finding per allowance. */
export const allowanceFindings = (balances: AllowanceBalance[]): Finding[] =>
  balances.map((b) => finding('ALLOWANCE_REMAINING', { remaining: b.remainingM2, limit: b.limitM2 }));

/**
 * What a permit-free answer adds to the ledger: each building that took an exemption drawing on an allowance,
 * with that exemption as its basis. Nothing for a permit, nor for exemptions outside any allowance (an
 * extension, the countryside rule).
 */
export function ledgerAdditions(
  measure: PlannedMeasure,
  assessment: PermitAssessment,
  ruleSet: RuleSet,
): { legalBasis: LedgerBasis; footprint: PlannedMeasure['footprints'][number]; areaM2: number }[] {
  if (assessment.outcome === 'permit') return [];
  const tiers = ruleSet.exemptions[measure.type] ?? [];
  return measure.footprints.flatMap((footprint, i) => {
    const id = assessment.tiers[i];
    const tier = tiers.find((t) => t.id === id);
    if (!tier?.allowance || !LedgerBasisSchema.safeParse(id).success) return [];
    return [{ legalBasis: id as LedgerBasis, footprint, areaM2: cm(polygonArea(footprint)) }];
  });
}

/** A Lovisa case as the ledger reads it: only a notification with a start approval puts buildings on the plot. */
export interface LedgerCase {
  id: string;
  procedure: string;
  status: string;
  outcome: string | null;
  measure: MeasureType;
  footprints: readonly Polygon[];
  /** When the start approval was given (the building may stand from then). */
  decidedAt: string;
}

/** The n-th id of a case's buildings: the case's own uuid with its last 12 hex digits counted on (stable). */
function nthId(caseId: string, n: number): string {
  if (n === 0) return caseId;
  const node = (parseInt(caseId.slice(-12), 16) + n) % 2 ** 48;
  return caseId.slice(0, -12) + node.toString(16).padStart(12, '0');
}

/**
 * The ledger entries of an earlier notification Lovisa handled on the plot: a building the municipality gave a
 * start approval (startbesked) for stands on the plot as an attefall building, and counts against the allowance
 * like a registered one. A notification still open, refused, dismissed or withdrawn adds nothing; nor does one
 * whose measure draws on no allowance under `ruleSet` (an attefall extension, judged by its own 15 m²).
 */
export function notificationEntries(c: LedgerCase, ruleSet: RuleSet): LedgerEntry[] {
  if (c.procedure !== 'notification' || c.status !== 'decided' || c.outcome !== 'startApproval') return [];
  if (!(ruleSet.exemptions[c.measure] ?? []).some((t) => t.allowance !== null)) return [];
  return c.footprints.map((footprint, i) => ({
    id: nthId(c.id, i),
    source: 'notification' as const,
    legalBasis: 'attefall' as const,
    measure: c.measure,
    footprint,
    areaM2: cm(polygonArea(footprint)),
    ruleSetId: ruleSet.id,
    recordedAt: c.decidedAt,
    caseId: c.id,
  }));
}

export const AllowanceBalanceSchema = z.object({
  id: z.string(),
  label: z.object({ sv: z.string(), en: z.string() }),
  limitM2: z.number(),
  usedM2: z.number(),
  remainingM2: z.number(),
  parts: z.array(
    z.object({
      source: z.enum(['register', 'lovisaAnswer', 'notification']),
      legalBasis: LedgerBasisSchema,
      areaM2: z.number(),
    }),
  ),
});

/** A property's ledger as the API gives it: Lovisa's own entries and the balance under today's rule set. */
export const AllowanceLedgerSchema = z.object({
  ruleSetId: z.string(),
  entries: z.array(LedgerEntrySchema),
  balances: z.array(AllowanceBalanceSchema),
});
export type AllowanceLedger = z.infer<typeof AllowanceLedgerSchema>;

/** "Save this answer": the drawn building(s) the owner got "no permit needed" (or a notification) for. */
export const PermitFreeAnswerInputSchema = z.object({
  measure: MeasureTypeSchema,
  footprints: z.array(PolygonSchema).min(1).max(10),
  ridgeHeightM: z.number().positive().max(30),
  grossFloorAreaM2: z.number().positive().max(10_000).optional(),
});
export type PermitFreeAnswerInput = z.infer<typeof PermitFreeAnswerInputSchema>;
