import { z } from 'zod';
import { LoginStartResultSchema } from '@lovisa/domain';
import { ApiError } from '../../api/client';
import { currentLang, translate } from '../../i18n/i18n';

/** GET /api/kiosk-config, as apps/server/src/routes/kiosk.ts answers it (public, no personal data). */
export const KioskConfigSchema = z.object({
  kioskOnly: z.boolean(),
  idleSeconds: z.number().int().positive(),
  countdownSeconds: z.number().int().positive(),
  helpText: z.string(),
});
export type KioskConfig = z.infer<typeof KioskConfigSchema>;

export async function json<T extends z.ZodType>(schema: T, method: string, url: string, body?: unknown): Promise<z.output<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      // Nothing the kiosk asks for is kept by the browser (the server says no-store as well).
      cache: 'no-store',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', translate(currentLang(), 'common.network'));
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = data as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(res.status, err?.error?.code ?? 'unknown', err?.error?.message ?? translate(currentLang(), 'common.serverError'));
  }
  return schema.parse(data);
}

let config: Promise<KioskConfig> | undefined;

export const kioskApi = {
  /** Asked once per page load (every visit starts with a fresh load of /kiosk). */
  config: () =>
    (config ??= json(KioskConfigSchema, 'GET', '/api/kiosk-config').catch((e: unknown) => {
      config = undefined;
      throw e;
    })),
  /** A BankID login on another device, marked as started at the kiosk. */
  startLogin: () => json(LoginStartResultSchema, 'POST', '/api/auth/bankid/start', { mode: 'qr', kiosk: true }),
};
