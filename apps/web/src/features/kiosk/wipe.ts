import { POST } from '../../api/http';

/**
 * Ends a kiosk visit and leaves nothing of the visitor behind:
 * 1. the server forgets the session (and any login the visitor started and left);
 * 2. every browser store this origin has is emptied (Lovisa keeps no personal data in them; they are
 *    emptied all the same, including the remembered language);
 * 3. the page is loaded afresh at the attract screen with location.replace: all memory (the wizard machine,
 *    forms, fetched data, the language, high contrast, staff mode) goes with the old page, and the kiosk's
 *    single history entry (see history.ts) now holds /kiosk, so "back" finds nothing of the visit.
 * The visitor's draft stays on the server, to finish at home.
 */
let ending = false;

export async function endVisit(settleMs = 0): Promise<void> {
  if (ending) return;
  ending = true;
  // A change made just before "Avsluta" is still on its way to the server (the wizard saves a moment after
  // the last change): it gets there before the session ends.
  if (settleMs > 0) await new Promise((r) => window.setTimeout(r, settleMs));
  // Never wait long for a server that does not answer: the page is wiped either way (and the kiosk session
  // ends on the server by itself a little later).
  const timeout = new AbortController();
  const timer = window.setTimeout(() => timeout.abort(), 4000);
  try {
    await POST('/api/auth/logout', { cache: 'no-store', signal: timeout.signal });
  } catch {
    // The session ends on the server at its kiosk lifetime.
  } finally {
    window.clearTimeout(timer);
  }
  await clearBrowserStores();
  window.location.replace('/kiosk');
}

export async function clearBrowserStores(): Promise<void> {
  for (const store of [() => window.localStorage, () => window.sessionStorage]) {
    try {
      store().clear();
    } catch {
      // Storage disabled: nothing in it.
    }
  }
  try {
    const dbs = (await window.indexedDB?.databases?.()) ?? [];
    await Promise.all(
      dbs.map(
        (db) =>
          new Promise<void>((resolve) => {
            if (!db.name) return resolve();
            const req = window.indexedDB.deleteDatabase(db.name);
            req.onsuccess = req.onerror = req.onblocked = () => resolve();
          }),
      ),
    );
  } catch {
    // No IndexedDB here.
  }
  try {
    if ('caches' in window) await Promise.all((await window.caches.keys()).map((k) => window.caches.delete(k)));
  } catch {
    // No Cache Storage (not a secure context).
  }
}
