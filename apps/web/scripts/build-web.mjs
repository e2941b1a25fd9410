// npm run build:web — builds apps/web with Vite when its inputs changed since the last build (a hash
// of the sources, the shared libs it imports and the lockfile, kept in dist/.build-stamp), then prints
// the bundle sizes and enforces the budget. `--force` rebuilds anyway; `--check-fresh` only says
// whether the build is current (exit 0) or stale (exit 1); `--no-budget` builds without the size check
// (the browser tests use it: the budget is build:web's own check in npm test).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { report } from './bundle-report.mjs';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(web, '../..');
const stampFile = path.join(web, 'dist', '.build-stamp');

const INPUTS = ['apps/web/src', 'apps/web/public', 'apps/web/index.html', 'apps/web/vite.config.mts', 'libs/contracts/src', 'libs/money/src', 'libs/common/src/domain-error.ts', 'package-lock.json'];

/** @param {string} rel @returns {string[]} */
function files(rel) {
  const abs = path.join(root, rel);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [rel];
  return readdirSync(abs, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? files(path.join(rel, e.name)) : /\.spec\.tsx?$/.test(e.name) ? [] : [path.join(rel, e.name)]));
}

export function inputHash() {
  const h = createHash('sha256');
  for (const f of INPUTS.flatMap(files)) h.update(f).update('\0').update(readFileSync(path.join(root, f))).update('\0');
  return h.digest('hex');
}

export function isFresh() {
  return existsSync(stampFile) && existsSync(path.join(web, 'dist', 'index.html')) && readFileSync(stampFile, 'utf8').trim() === inputHash();
}

function main() {
  const args = process.argv.slice(2);
  if (args.includes('--check-fresh')) process.exit(isFresh() ? 0 : 1);
  if (!args.includes('--force') && isFresh()) {
    console.log('apps/web: the build is up to date (inputs unchanged)');
  } else {
    const hash = inputHash();
    const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const run = spawnSync(process.execPath, [vite, 'build', '--config', path.join(web, 'vite.config.mts'), '--logLevel', 'warn'], {
      cwd: web,
      stdio: 'inherit',
      // NODE_ENV=production whatever the caller's (Jest sets "test", which would bundle React's development build).
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (run.status !== 0) process.exit(run.status ?? 1);
    writeFileSync(stampFile, `${hash}\n`);
  }
  if (args.includes('--no-budget')) process.exit(0);
  process.exit(report() ? 0 : 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
