import { z } from 'zod';
import { CaseVersionSchema } from '../case/schemas';
import { normalizePersonnummer } from '../personnummer';
import { KontrollplanItemInputSchema } from './kontrollplan';

/**
 * The request bodies of the after-permit commands, one per command: the routes, the forms and the OpenAPI
 * document use these. The domain's commands check what depends on the case (order, dates against its days).
 */
const version = CaseVersionSchema;
const day = z.iso.date();
const text = (max: number) => z.string().trim().max(max);
const lines = z.array(z.string().trim().min(2).max(1000)).max(20);

export const ConsultationWaiverInputSchema = z.object({ version, reason: text(2000) });
export const ConsultationSlotsInputSchema = z.object({
  version,
  slots: z
    .array(z.object({ startsAt: z.iso.datetime({ offset: true }), place: z.string().trim().min(2).max(200) }))
    .min(1)
    .max(10),
});
export const ConsultationBookingInputSchema = z.object({ version, slotId: z.uuid() });
export const ConsultationMinutesInputSchema = z.object({ version, heldOn: day, text: text(10_000) });
export const KontrollplanEditInputSchema = z.object({ version, items: z.array(KontrollplanItemInputSchema).max(60) });
export const KontrollplanTickInputSchema = z.object({
  version,
  itemId: z.string().min(1).max(64),
  doneOn: day,
  /** A file on the case (a photo, a certificate) that shows the check. */
  attachmentId: z.uuid().nullable().optional(),
  note: text(1000).optional(),
});
/** The kontrollansvarig who ticks the plan: their personnummer (any usual spelling; checked) and name. */
export const KontrollansvarigInputSchema = z.object({
  version,
  personnummer: z
    .string()
    .trim()
    .max(13)
    .transform((v, ctx) => {
      const pnr = normalizePersonnummer(v);
      if (!pnr) ctx.addIssue({ code: 'custom', message: 'afterPermit.kaPersonnummerInvalid' });
      return pnr ?? '';
    }),
  name: text(200),
});
export const WorkStartedInputSchema = z.object({ version, startedOn: day });
export const StartbeskedInputSchema = z.object({
  version,
  conditions: lines.optional(),
  /** Give it before the decision has legal force (after the 4 weeks of PBL 9 kap. 42 a §), at the builder's risk. */
  beforeLegalForce: z.boolean().optional(),
});
export const SiteVisitInputSchema = z.object({ version, visitedOn: day, note: text(4000) });
export const SiteVisitBookingInputSchema = z.object({ version, visitOn: day, note: text(2000).optional() });
export const SlutbeskedRequestInputSchema = z.object({ version, note: text(2000).optional() });
export const SlutbeskedInputSchema = z.object({
  version,
  kind: z.enum(['interim', 'final']),
  conditions: lines.optional(),
  /** What remains before a final slutbesked (an interim one must say). */
  remaining: lines.optional(),
});
