import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * The web app's page, index.html, and for some page addresses the chunks their first load needs beyond the
 * entry, named in the page as `<link rel="modulepreload">` so a phone fetches them alongside the entry instead of
 * after it has run (`page-preloads.json`, written by the web build: apps/web/vite.config.ts). Likewise the API
 * answers the page asks for first (`fetches`), as `<link rel="preload" as="fetch">`: the entry's own request for
 * them then takes the answer that is already there (docs/performance.md, session 12).
 */
const ApiAddress = z.string().regex(/^\/api\/[a-z0-9/-]+$/);
const PagePreloadsSchema = z.array(
  z.object({
    path: z.string().regex(/^\/[a-z0-9/-]*$/),
    // Only the build's own chunks: the names go into HTML.
    files: z.array(z.string().regex(/^\/assets\/[\w.-]+\.js$/)),
    // Only the API's own addresses, without a query: the same reason. `signedInFetches` are the visitor's own
    // answers, preloaded only for a visitor with a session.
    fetches: z.array(ApiAddress).default([]),
    signedInFetches: z.array(ApiAddress).default([]),
  }),
);
export type PagePreloads = z.infer<typeof PagePreloadsSchema>;

/** The build's preloads; none when the build wrote none (an older build) or the file is not what the build writes. */
export async function readPagePreloads(webDist: string): Promise<PagePreloads> {
  const text = await readFile(path.join(webDist, 'page-preloads.json'), 'utf8').catch(() => null);
  if (text === null) return [];
  try {
    return PagePreloadsSchema.parse(JSON.parse(text));
  } catch {
    return [];
  }
}

export interface Preloads {
  files: string[];
  fetches: string[];
}

/**
 * What to preload for a page address: the chunks and API answers of the page at that path or a path above it ("/"
 * is above every page), with the visitor's own answers only for a visitor who is signed in (anyone else would be
 * refused them).
 */
export function preloadsFor(preloads: PagePreloads, url: string, signedIn: boolean): Preloads {
  const pages = preloads.filter((p) => p.path === '/' || url === p.path || url.startsWith(`${p.path}/`));
  return {
    files: pages.flatMap((p) => p.files),
    fetches: pages.flatMap((p) => [...p.fetches, ...(signedIn ? p.signedInFetches : [])]),
  };
}

/**
 * index.html with the preload links at the end of its head (where Vite's own modulepreload links are). The
 * answers' links are `crossorigin` so that they match the app's fetch (CORS mode, same-origin credentials), and
 * come after the chunks: over HTTP/1.1 a browser opens six connections to a host, and the chunks are what the first
 * paint waits for longest; the answers are small and still come before them.
 */
export function withPreloads(html: string, { files, fetches }: Preloads): string {
  if ((!files.length && !fetches.length) || !html.includes('</head>')) return html;
  const links = [
    ...files.map((f) => `<link rel="modulepreload" crossorigin href="${f}">`),
    ...fetches.map((f) => `<link rel="preload" as="fetch" crossorigin href="${f}">`),
  ].join('');
  return html.replace('</head>', `${links}</head>`);
}
