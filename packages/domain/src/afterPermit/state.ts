import { z } from 'zod';
import type { MeasureType } from '../measure';
import { PersonnummerSchema } from '../personnummer';
import { KontrollplanSchema, kontrollplanFor } from './kontrollplan';

/**
 * What happens to a case after its decision, as one record per case: tekniskt samråd, kontrollplan, startbesked,
 * the building work, and slutbesked. It changes only through the after-permit commands (commands.ts).
 */
export const ConsultationSlotSchema = z.object({
  id: z.uuid(),
  startsAt: z.iso.datetime({ offset: true }),
  place: z.string().trim().min(2).max(200),
});
export type ConsultationSlot = z.infer<typeof ConsultationSlotSchema>;

const ByOn = { on: z.iso.date(), by: z.string() };

export const ConsultationSchema = z.object({
  /** The officer found it not needed (PBL 10 kap. 14 § 2 p.); never where a kontrollansvarig is required (1 p.). */
  waived: z.object({ ...ByOn, reason: z.string() }).nullable(),
  slots: z.array(ConsultationSlotSchema),
  bookedSlotId: z.uuid().nullable(),
  /** The protocol (minutes) of the meeting: held on, what was said and agreed, who wrote it. */
  minutes: z.object({ heldOn: z.iso.date(), text: z.string(), by: z.string() }).nullable(),
});
export type Consultation = z.infer<typeof ConsultationSchema>;

export const StartbeskedSchema = z.object({
  ...ByOn,
  conditions: z.array(z.string()),
  /** Given before the decision gained legal force (after the 4-week wait, PBL 9 kap. 42 a §): at the builder's risk. */
  beforeLegalForce: z.boolean(),
});

export const SlutbeskedSchema = z.object({
  ...ByOn,
  /** `interim`: interimistiskt slutbesked (10 kap. 36 §), with what remains; `final`: slutbesked (10 kap. 34 §). */
  kind: z.enum(['interim', 'final']),
  conditions: z.array(z.string()),
  remaining: z.array(z.string()),
});
export type Slutbesked = z.infer<typeof SlutbeskedSchema>;

export const KontrollansvarigPersonSchema = z.object({
  personnummer: PersonnummerSchema,
  name: z.string().trim().min(2).max(200),
});
export type KontrollansvarigPerson = z.infer<typeof KontrollansvarigPersonSchema>;

export const AfterPermitStateSchema = z.object({
  consultation: ConsultationSchema,
  kontrollplan: KontrollplanSchema,
  startbesked: StartbeskedSchema.nullable(),
  /** The day the applicant reported the work started: what the 2-year limit (9 kap. 43 §) asks about. */
  startedOn: z.iso.date().nullable(),
  /** Arbetsplatsbesök (10 kap. 27 §): noted by the officer. */
  siteVisits: z.array(z.object({ ...ByOn, note: z.string() })),
  /** The next arbetsplatsbesök the officer booked, until it is noted; absent in records made before booking existed. */
  siteVisitBooked: z
    .object({ ...ByOn, note: z.string() })
    .nullable()
    .default(null),
  finalRequest: z.object({ on: z.iso.date(), note: z.string().nullable() }).nullable(),
  /** Every slutbesked given, interim ones first; the last one says where the case stands. */
  slutbesked: z.array(SlutbeskedSchema),
  /**
   * The certified kontrollansvarig the byggherre named to tick the kontrollplan: they log in with BankID and see the
   * case's plan with tick rights only. Absent in records made before it existed.
   */
  kontrollansvarigPerson: KontrollansvarigPersonSchema.nullable().default(null),
});
export type AfterPermitState = z.infer<typeof AfterPermitStateSchema>;

/** The state the decision leaves: the measure's kontrollplan template, nothing else done. */
export function initialAfterPermitState(measure: MeasureType): AfterPermitState {
  return {
    consultation: { waived: null, slots: [], bookedSlotId: null, minutes: null },
    kontrollplan: kontrollplanFor(measure),
    startbesked: null,
    startedOn: null,
    siteVisits: [],
    siteVisitBooked: null,
    finalRequest: null,
    slutbesked: [],
    kontrollansvarigPerson: null,
  };
}

export const finalSlutbesked = (s: AfterPermitState): Slutbesked | null =>
  s.slutbesked.find((b) => b.kind === 'final') ?? null;
