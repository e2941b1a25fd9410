// Prints the gzipped size of the portal's first load and of every lazy chunk, and exits 1 past the
// budget or when a map or chart library lands in the first load (see bundle-budget.mjs).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { checkBudget, FIRST_LOAD_BUDGET, HEAVY_PACKAGES, kb } from './bundle-budget.mjs';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');

export function report() {
  /** @type {Array<{fileName: string, isEntry: boolean, facadeModuleId: string | null, imports: string[], dynamicImports: string[], packages: string[]}>} */
  const chunks = JSON.parse(readFileSync(path.join(dist, '.vite', 'chunks.json'), 'utf8'));
  const sizes = new Map(chunks.map((c) => [c.fileName, gzipSync(readFileSync(path.join(dist, c.fileName))).length]));
  const { first, firstLoadBytes, problems } = checkBudget(chunks, sizes);
  /** @typedef {(typeof chunks)[number]} C */
  /** @param {C} c */
  const label = (c) => (c.isEntry ? 'entry' : (c.facadeModuleId ?? 'shared'));
  /** @param {C} c */
  const line = (c) => `  ${kb(sizes.get(c.fileName) ?? 0).padStart(9)}  ${c.fileName}  (${label(c)})${noteOf(c)}`;
  /** @param {C} c */
  const noteOf = (c) => {
    const heavy = c.packages.filter((p) => HEAVY_PACKAGES.includes(p));
    return heavy.length ? `  [${heavy.join(', ')}]` : '';
  };
  /** @type {string[]} */
  const out = [];
  out.push(`Portal first load (gzipped JavaScript): ${kb(firstLoadBytes)} of ${kb(FIRST_LOAD_BUDGET)}`);
  chunks.filter((c) => first.has(c.fileName)).sort((a, b) => (sizes.get(b.fileName) ?? 0) - (sizes.get(a.fileName) ?? 0)).forEach((c) => out.push(line(c)));
  out.push('Lazy chunks (loaded by the pages that need them):');
  chunks.filter((c) => !first.has(c.fileName)).sort((a, b) => (sizes.get(b.fileName) ?? 0) - (sizes.get(a.fileName) ?? 0)).forEach((c) => out.push(line(c)));
  console.log(out.join('\n'));
  if (problems.length) {
    console.error(`\nBundle budget exceeded:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return false;
  }
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(report() ? 0 : 1);
