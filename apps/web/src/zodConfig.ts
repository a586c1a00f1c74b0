/**
 * Zod 4 decides once whether it may compile its object parsers with `new Function`, by trying it. The page's
 * CSP (`script-src 'self'`, apps/server/src/app.ts) refuses that, so in the browser the try only costs: a
 * refused eval is a CSP violation (an event and a report on the page), ≈ 15–30 ms of the task that builds the
 * domain's schemas on the map step (4× that on Lighthouse's phone). Saying `jitless` before zod loads skips the
 * try. Zod takes its global config from `globalThis.__zod_globalConfig` when it first loads (the object
 * `z.config()` writes), and the entry holds no zod, so this is set in time without pulling zod into the entry;
 * map.e2e.ts fails on any `securitypolicyviolation` event. Servers keep the compiled parsers.
 */
const scope = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };
