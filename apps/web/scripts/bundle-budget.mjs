// The portal's first-load budget: the entry chunk, the portal home page's chunk and everything they
// import statically, in gzipped bytes. Pure functions (bundle-report.mjs does the I/O); specs beside.

/** 300 kB of gzipped JavaScript (kB as Vite prints them: 1000 bytes). */
export const FIRST_LOAD_BUDGET = 300_000;
/** Packages that must load only on the pages that use them. */
export const HEAVY_PACKAGES = ['echarts', 'zrender', 'ol'];
/** The page a newcomer opens first. */
export const PORTAL_HOME = 'apps/web/src/features/portal/home-page.tsx';

/** @typedef {{fileName: string, isEntry: boolean, facadeModuleId: string | null, imports: string[], packages: string[]}} Chunk */

/**
 * @param {Chunk[]} chunks
 * @returns {Set<string>} file names of the first load
 */
export function firstLoadFiles(chunks) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const roots = chunks.filter((c) => c.isEntry || c.facadeModuleId === PORTAL_HOME);
  if (!roots.some((c) => c.isEntry)) throw new Error('no entry chunk in the build');
  if (!roots.some((c) => c.facadeModuleId === PORTAL_HOME)) throw new Error(`no chunk for ${PORTAL_HOME}: is the portal home still a lazy route?`);
  /** @type {Set<string>} */
  const seen = new Set();
  /** @param {string} name */
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const i of byName.get(name)?.imports ?? []) visit(i);
  };
  roots.forEach((c) => visit(c.fileName));
  return seen;
}

/**
 * @param {Chunk[]} chunks
 * @param {Map<string, number>} gzipBytes gzipped size of each chunk file
 */
export function checkBudget(chunks, gzipBytes, budget = FIRST_LOAD_BUDGET) {
  const first = firstLoadFiles(chunks);
  const firstLoadBytes = [...first].reduce((sum, f) => sum + (gzipBytes.get(f) ?? 0), 0);
  /** @type {string[]} */
  const problems = [];
  if (firstLoadBytes > budget) problems.push(`the portal's first load is ${kb(firstLoadBytes)} of gzipped JavaScript, over the budget of ${kb(budget)}`);
  for (const c of chunks) {
    if (!first.has(c.fileName)) continue;
    const heavy = c.packages.filter((p) => HEAVY_PACKAGES.includes(p));
    if (heavy.length) problems.push(`${heavy.join(', ')} landed in the first load (${c.fileName}); import them lazily from the page that needs them`);
  }
  return { first, firstLoadBytes, problems };
}

/** @param {number} bytes */
export function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
