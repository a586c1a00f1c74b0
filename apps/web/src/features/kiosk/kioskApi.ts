import { z } from 'zod';
import { fetchJson } from '../../api/http';

/** GET /api/kiosk-config, as apps/server/src/routes/kiosk.ts answers it (public, no personal data). */
export const KioskConfigSchema = z.object({
  kioskOnly: z.boolean(),
  idleSeconds: z.number().int().positive(),
  countdownSeconds: z.number().int().positive(),
  helpText: z.string(),
});
export type KioskConfig = z.infer<typeof KioskConfigSchema>;

let config: Promise<KioskConfig> | undefined;

export const kioskApi = {
  /** Asked once per page load (every visit starts with a fresh load of /kiosk). */
  config: () =>
    // Nothing the kiosk asks for is kept by the browser (the server says no-store as well).
    (config ??= fetchJson('GET', '/api/kiosk-config', undefined, { cache: 'no-store' })
      .then((answer) => KioskConfigSchema.parse(answer))
      .catch((e: unknown) => {
        config = undefined;
        throw e;
      })),
};
