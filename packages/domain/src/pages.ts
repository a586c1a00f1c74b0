/**
 * The page addresses the web app serves (apps/web/src/App.tsx `route`, and the kiosk face under /kiosk). The
 * server answers these with the app shell and 200, and any other page address with the same shell and 404, so
 * a mistyped link is a 404 to crawlers, monitors and the browser alike while the app still shows its
 * "Sidan finns inte" page. Kept here, not in apps/web, because the server never imports the web app.
 * Add a page to App.tsx and here together; `pages.test.ts` lists the known ones.
 */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const APP_PAGE_PATTERNS: readonly RegExp[] = [
  /^\/$/,
  /^\/logga-in$/,
  /^\/tillganglighet$/,
  /^\/personuppgifter$/,
  // The wizard's steps are addresses of their own (/ansokan/karta …); the wizard decides which exist.
  /^\/ansokan(\/[a-z0-9-]+)*$/,
  /^\/mina-arenden$/,
  // Powers of attorney: given, held, revoked (issue #20, ADR 0023).
  /^\/fullmakter$/,
  new RegExp(`^/mina-arenden/${UUID}$`),
  // The kontrollansvarig's view of a case they tick (issue #21).
  new RegExp(`^/kontrollansvarig/${UUID}$`),
  /^\/handlaggare$/,
  /^\/handlaggare\/statistik$/,
  /^\/handlaggare\/namnd$/,
  new RegExp(`^/handlaggare/namnd/${UUID}$`),
  new RegExp(`^/handlaggare/arenden/${UUID}$`),
  /^\/dev\/e-post$/,
  /^\/anslagstavla$/,
  // The public register of permit cases, list and map (issue #25).
  /^\/bygglovsregister$/,
  // A neighbour's consent, by the invitation's code (neighbours/consent.ts ConsentCodeSchema).
  /^\/medgivande\/[A-Za-z0-9_-]{22,64}$/,
  // A co-owner's signing link (issue #20, parties/schemas.ts PartyCodeSchema).
  /^\/underskrift\/[A-Za-z0-9_-]{32}$/,
  // The neighbour hearing: the code field, and a letter's code (issue 19).
  /^\/underrattelse$/,
  /^\/underrattelse\/[0-9A-Za-z-]{8,20}$/,
  // A remiss body's link (issue #22): the 32-character key its e-mail carries.
  /^\/remiss\/[A-Za-z0-9_-]{32}$/,
  // The kiosk face routes its own sub-pages and says "not here" for the rest.
  /^\/kiosk(\/[a-z0-9-]+)*$/,
];

/** Whether a path (without query string; a trailing slash is not the same page) is one of the app's pages. */
export const isAppPage = (path: string): boolean => APP_PAGE_PATTERNS.some((p) => p.test(path));
