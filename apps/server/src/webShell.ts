import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * The web app's page, index.html, and for some page addresses the chunks their first load needs beyond the
 * entry, named in the page as `<link rel="modulepreload">` so a phone fetches them alongside the entry instead of
 * after it has run (`page-preloads.json`, written by the web build: apps/web/vite.config.ts).
 */
const PagePreloadsSchema = z.array(
  z.object({
    path: z.string().regex(/^\/[a-z0-9/-]*$/),
    // Only the build's own chunks: the names go into HTML.
    files: z.array(z.string().regex(/^\/assets\/[\w.-]+\.js$/)),
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

/** The chunks to preload for a page address: those of the page at that path or a path above it. */
export function preloadsFor(preloads: PagePreloads, url: string): string[] {
  return preloads.filter((p) => url === p.path || url.startsWith(`${p.path}/`)).flatMap((p) => p.files);
}

/** index.html with the preload links at the end of its head (where Vite's own modulepreload links are). */
export function withPreloads(html: string, files: string[]): string {
  if (!files.length || !html.includes('</head>')) return html;
  const links = files.map((f) => `<link rel="modulepreload" crossorigin href="${f}">`).join('');
  return html.replace('</head>', `${links}</head>`);
}
