/**
 * Whether this page shows the kiosk face. Once it does, it stays so until the page is loaded afresh (which is
 * how a visit ends): an address typed into the kiosk, a 401 that sends to /logga-in, a link to "/" — none of
 * them leads out to the ordinary face, with its "BankID på den här enheten" and its officer link.
 * Kept in memory only, never in storage.
 */
let kioskMode = false;

export const isKioskPath = (path: string) => path === '/kiosk' || path.startsWith('/kiosk/');

export function kioskFace(path: string, sessionIsKiosk: boolean | undefined): boolean {
  if (isKioskPath(path) || sessionIsKiosk) kioskMode = true;
  return kioskMode;
}
