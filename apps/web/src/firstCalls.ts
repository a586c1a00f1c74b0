/**
 * The API answers pages ask for first. The web build lists them in page-preloads.json (vite.config.ts), and the
 * server names them in the page's HTML as preloads (apps/server/src/webShell.ts): they are fetched alongside the
 * entry's chunks, and the app's own request for them takes the answer already there. Plain constants, so the build
 * config can import them.
 */

/** Every page's: who is signed in (session.tsx) and the municipality (components/municipality.ts). */
export const EVERY_PAGE_FIRST_CALLS = { session: '/api/session', municipality: '/api/municipality' } as const;

/**
 * The wizard's (api/early.ts): which step to show, and the applicant's properties. Preloaded only for a visitor
 * who is signed in: anyone else would be refused them.
 */
export const WIZARD_FIRST_CALLS = { drafts: '/api/drafts', myProperties: '/api/me/properties' } as const;
