/**
 * A lazy page's first load in a few chunks instead of the 20-odd small ones Rolldown's automatic splitting makes of
 * the modules pages share. Over HTTP/1.1 a phone opens six connections to a host and fetches a page's chunks a few
 * at a time, a round trip each: the map step waited ≈ 1.5 s on simulated slow 4G for its 21 chunks before its
 * text could show (Lighthouse's LCP; docs/performance.md, session 10).
 *
 * Worked out from a first build with the automatic splitting, which knows which modules a page really uses (an
 * import of a package's barrel brings only what is used): the chunks a page's chunk imports statically,
 * transitively, that the entry does not already have, become one group — one chunk — in the second build. Other
 * pages that shared some of those chunks load all of it: more bytes for them, fewer requests.
 */

/** What the grouping needs of a chunk of the first build (Rolldown's OutputChunk has these fields). */
export interface BuiltChunk {
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  /** The chunks it imports statically (file names). */
  imports: string[];
  moduleIds: string[];
}

export interface FirstLoadPage {
  /** The page's module, as the end of its path: `src/features/wizard/WizardPage.tsx`. */
  module: string;
  /** Modules kept in chunks of their own (a library evaluated in a task of its own, say), here and in later pages. */
  keepApart?: RegExp;
}

export interface ChunkGroup {
  /** The chunk's name: the page module's file name (`WizardPage`). */
  name: string;
  moduleIds: Set<string>;
}

/** Every chunk `roots` need before they run: their static imports, transitively. */
function staticClosure(byFile: Map<string, BuiltChunk>, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file) || !byFile.has(file)) continue;
    seen.add(file);
    stack.push(...byFile.get(file)!.imports);
  }
  return seen;
}

/**
 * The groups for `pages`, in order: a later page gets only what the entry and the earlier pages' groups have not
 * taken (the map step after the wizard it is a step of).
 */
export function firstLoadGroups(chunks: BuiltChunk[], pages: FirstLoadPage[]): ChunkGroup[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const taken = staticClosure(
    byFile,
    chunks.filter((c) => c.isEntry).map((c) => c.fileName),
  );
  const groups: ChunkGroup[] = [];
  for (const page of pages) {
    const root = chunks.find((c) => c.facadeModuleId?.endsWith(page.module));
    if (!root) throw new Error(`first-load chunks: no chunk for ${page.module}`);
    const apart = (c: BuiltChunk) =>
      page.keepApart !== undefined && c.moduleIds.every((id) => page.keepApart!.test(id));
    const closure = [...staticClosure(byFile, [root.fileName])].filter((f) => !taken.has(f));
    const load = closure.filter((f) => !apart(byFile.get(f)!));
    const moduleIds = new Set(load.flatMap((f) => byFile.get(f)!.moduleIds));
    if (moduleIds.size)
      groups.push({
        name: page.module
          .split('/')
          .pop()!
          .replace(/\.[jt]sx?$/, ''),
        moduleIds,
      });
    // What a page keeps apart stays apart: a later page's group does not take it either.
    for (const f of closure) taken.add(f);
  }
  return groups;
}

/**
 * A page address (and the addresses under it), the chunks its first load fetches beyond the entry, and the API
 * answers it asks for first (the visitor's own, `signedInFetches`, only for a visitor who is signed in).
 */
export interface PagePreload {
  path: string;
  files: string[];
  fetches: string[];
  signedInFetches: string[];
}

/**
 * For the server to name in the page's HTML (`<link rel="modulepreload">`): the chunks `module`'s page loads
 * before it renders, and those of `withModules` (the texts every lazy page waits for), beyond the entry's own —
 * fetched alongside the entry instead of after it has run. Paths as the browser asks for them (`/assets/…`).
 */
export function pagePreloadFiles(chunks: BuiltChunk[], module: string, withModules: string[] = []): string[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = staticClosure(
    byFile,
    chunks.filter((c) => c.isEntry).map((c) => c.fileName),
  );
  const roots = [module, ...withModules].map((m) => {
    // The chunk the module is in (after grouping, a page's chunk has no facade of its own).
    const root = chunks.find((c) => c.moduleIds.some((id) => id.endsWith(m)));
    if (!root) throw new Error(`page preloads: no chunk for ${m}`);
    return root.fileName;
  });
  return [...staticClosure(byFile, roots)].filter((f) => !entry.has(f)).map((f) => `/${f}`);
}
