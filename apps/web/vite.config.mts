/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const apiPort = process.env.PORT ?? '3000';

/**
 * Writes dist/.vite/chunks.json: each chunk with its static and dynamic imports and the npm packages
 * inside it, so scripts/bundle-report.mjs can add up the first load and tell where echarts and ol went.
 */
function chunkStats(): Plugin {
  return {
    name: 'land:chunk-stats',
    apply: 'build',
    // writeBundle, not generateBundle: by then Vite has dropped the empty JS of CSS-only chunks (a stylesheet
    // shared by two lazy pages), which would otherwise be listed here without a file.
    writeBundle(options, bundle) {
      const chunks = Object.values(bundle)
        .filter((c) => c.type === 'chunk')
        .map((c) => ({
          fileName: c.fileName,
          isEntry: c.isEntry,
          facadeModuleId: c.facadeModuleId ? path.relative(root, c.facadeModuleId) : null,
          imports: c.imports,
          dynamicImports: c.dynamicImports,
          packages: [...new Set(c.moduleIds.map(packageOf).filter((p): p is string => p !== null))].sort(),
        }));
      const dir = path.resolve(options.dir ?? path.join(here, 'dist'), '.vite');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'chunks.json'), JSON.stringify(chunks, null, 2));
    },
  };
}

function packageOf(id: string): string | null {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id.replace(/\\/g, '/'));
  return m ? m[1] : null;
}

export default defineConfig({
  root: here,
  plugins: [react(), chunkStats()],
  resolve: {
    alias: [
      { find: /^@web\//, replacement: `${path.join(here, 'src')}/` },
      { find: /^@app\/contracts$/, replacement: path.join(root, 'libs/contracts/src/index.ts') },
      { find: /^@app\/money\//, replacement: `${path.join(root, 'libs/money/src')}/` },
      { find: /^@app\/common\/domain-error$/, replacement: path.join(root, 'libs/common/src/domain-error.ts') },
    ],
  },
  server: {
    port: 5173,
    // `npm run dev:web`: the API runs on PORT (npm start); the browser talks to Vite, which forwards.
    proxy: {
      '/api': { target: `http://localhost:${apiPort}`, changeOrigin: true },
      '/socket.io': { target: `http://localhost:${apiPort}`, ws: true, changeOrigin: true },
    },
    fs: { allow: [root] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    root: here,
    include: ['src/**/*.spec.{ts,tsx}', 'scripts/**/*.spec.mjs'],
    environment: 'happy-dom',
    setupFiles: ['src/test/setup.ts'],
  },
});
