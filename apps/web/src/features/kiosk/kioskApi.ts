import { GET, type ApiAnswer } from '../../api/http';

/** GET /api/kiosk-config, as apps/server/src/routes/kiosk.ts answers it (public, no personal data). */
export type KioskConfig = ApiAnswer<'/api/kiosk-config', 'get'>;

let config: Promise<KioskConfig> | undefined;

export const kioskApi = {
  /** Asked once per page load (every visit starts with a fresh load of /kiosk). */
  config: () =>
    // Nothing the kiosk asks for is kept by the browser (the server says no-store as well).
    (config ??= GET('/api/kiosk-config', { cache: 'no-store' }).catch((e: unknown) => {
      config = undefined;
      throw e;
    })),
};
