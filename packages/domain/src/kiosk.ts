import { z } from 'zod';

/** What the kiosk face needs before anyone logs in (docs/kiosk.md). Public: it holds no personal data. */
export const KioskConfigSchema = z.object({
  /** This server is a kiosk: every page is the kiosk face. */
  kioskOnly: z.boolean(),
  /** Seconds without a touch before "Vill du fortsätta?". */
  idleSeconds: z.number().int().positive(),
  /** Seconds the question waits before the visit ends and everything is wiped. */
  countdownSeconds: z.number().int().positive(),
  /** How to get help from the staff at this town hall (KIOSK_HELP_TEXT). */
  helpText: z.string(),
});
export type KioskConfig = z.infer<typeof KioskConfigSchema>;
