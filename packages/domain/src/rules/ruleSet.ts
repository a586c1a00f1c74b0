import { z } from 'zod';
import { MeasureTypeSchema, type MeasureType } from '../measure';
import { AttachmentTypeSchema } from '../attachment';
import { MinorMeasureRulesSchema } from './minorMeasure';

/**
 * A rule value the sources leave uncertain carries `uncertain: true`; a verdict that rests on it says
 * "bekräfta med kommunen" instead of pretending to know.
 */
const Flagged = <T extends z.ZodType>(value: T) =>
  z.object({ value, uncertain: z.boolean().default(false), note: z.string().optional() });

/** Where the site lies: inside a detailed plan, outside one but in clustered settlement, or in the countryside. */
export const SettingSchema = z.enum(['insidePlan', 'outsidePlan']);
export type Setting = z.infer<typeof SettingSchema>;

const PerSetting = z.object({ insidePlan: z.number().positive(), outsidePlan: z.number().positive() });

/**
 * One way a measure can go ahead without a permit (friggebod, attefall, the 2025 exemption). Tiers are tried
 * in order; the first whose limits hold decides the procedure.
 */
export const ExemptionTierSchema = z.object({
  id: z.enum(['friggebod', 'attefall', 'exempt', 'rural']),
  label: z.object({ sv: z.string(), en: z.string() }),
  /** Which area the limit reads: building area (outbuildings) or gross floor area (extensions). */
  areaKind: z.enum(['buildingArea', 'grossFloorArea']),
  /** Per building; null = no size limit (the countryside exemption of PBL 9 kap. 6 §). */
  maxAreaM2: PerSetting.nullable(),
  /** Ridge height limit; 'mainBuilding' = not above the main building's ridge; null = none. */
  maxRidgeM: z.union([PerSetting, z.literal('mainBuilding')]).nullable(),
  /** The per-plot allowance this tier draws on, if any. */
  allowance: z.string().nullable(),
  procedure: Flagged(z.enum(['none', 'notification'])),
  /** Only outside a detailed plan and outside clustered settlement (PBL 9 kap. 6 §). */
  ruralOnly: z.boolean().default(false),
});
export type ExemptionTier = z.infer<typeof ExemptionTierSchema>;

export const AllowanceSchema = z.object({
  id: z.string(),
  label: z.object({ sv: z.string(), en: z.string() }),
  maxM2: PerSetting,
  /** Legal bases of existing buildings that count against it. */
  counts: z.array(z.enum(['friggebod', 'attefall', 'exempt'])),
});

export const RuleSetSchema = z.object({
  id: z.string(),
  name: z.object({ sv: z.string(), en: z.string() }),
  /** First day in force (YYYY-MM-DD, Stockholm); the set runs until the next set's first day. */
  effectiveFrom: z.iso.date(),
  source: z.string(),
  exemptions: z.record(MeasureTypeSchema, z.array(ExemptionTierSchema)),
  allowances: z.array(AllowanceSchema),
  /** The measures beyond buildings (plank, eldstad, fasad, rivning, …): each a table of lines with their sources. */
  minorMeasures: MinorMeasureRulesSchema,
  /** Which neighbouring building makes a site "next to a dwelling": one- or two-family houses only, or any. */
  dwellingNextTo: z.enum(['oneOrTwoFamily', 'anyResidential']),
  /** How far "immediate proximity" (omedelbar närhet) reaches; municipal practice, not law. */
  immediateProximityM: Flagged(z.number().positive()),
  boundaryDistanceM: z.number().positive(),
  publicLandDistanceM: z.number().positive(),
  shorelineProtectionM: z.number().positive(),
  railwayDistanceM: Flagged(z.number().positive()),
  /** Kontrollansvarig: always for these measures, or from this area upward. */
  kontrollansvarig: z.record(
    MeasureTypeSchema,
    z.object({ always: z.boolean(), fromAreaM2: z.number().positive().nullable() }),
  ),
  /** Drawings a complete application carries, per measure and procedure. */
  requiredAttachments: z.object({
    permit: z.record(MeasureTypeSchema, z.array(AttachmentTypeSchema)),
    notification: z.record(MeasureTypeSchema, z.array(AttachmentTypeSchema)),
  }),
  clock: z.object({
    permitWeeks: z.number().int().positive(),
    notificationWeeks: z.number().int().positive(),
    /** An order to complete issued within this many weeks restarts the clock from the completion. */
    completionOrderWindowWeeks: z.number().int().positive(),
    maxExtensionWeeks: z.object({ permit: z.number().int().positive(), notification: z.number().int().positive() }),
    /** Boverket describes an own-initiative supplement as restarting the time; not settled law. */
    ownSupplementRestarts: Flagged(z.boolean()),
    /** The fee falls by this fraction for each started week past the limit. */
    feeReductionPerWeek: z.number().positive().max(1),
  }),
  /**
   * The neighbour hearing before a lov that deviates from the plan (PBL 9 kap. 25 §): calendar days from the
   * letter to the reply-by day. The act sets no period ("tillfälle att yttra sig"); these are practice.
   */
  hearing: z.object({
    minReplyDays: Flagged(z.number().int().positive()),
    defaultReplyDays: Flagged(z.number().int().positive()),
  }),
  /** What follows a permit: announcement, appeal, the wait before building, and when the permit lapses. */
  afterDecision: z.object({
    /** Where a decision is announced (kungörelse). */
    announcement: Flagged(z.enum(['postOchInrikesTidningar', 'anslagstavla'])),
    /** Those reached only by the announcement count as having received the decision this many days after it. */
    announcementDeliveredAfterDays: Flagged(z.number().int().nonnegative()),
    /** A party may appeal within this many weeks of receiving the decision. */
    appealWeeks: z.number().int().positive(),
    /** Building may start at the earliest this many weeks after the announcement (with a startbesked). */
    startWaitWeeks: z.number().int().nonnegative(),
    /** The permit lapses unless work has started within, and finished within, this many years of legal force. */
    lapse: z.object({ startYears: z.number().int().positive(), finishYears: z.number().int().positive() }),
  }),
});
export type RuleSet = z.infer<typeof RuleSetSchema>;
export type RuleSetInput = z.input<typeof RuleSetSchema>;

export type { MeasureType };
