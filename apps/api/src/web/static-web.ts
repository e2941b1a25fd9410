import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Paths the web app never answers: the API (its unknown routes stay coded 404 JSON) and socket.io. */
const NOT_WEB = ['api', 'socket.io'];
/** Vite's content-hashed files: a new build gets new names, so they may be cached for a year. */
const HASHED_ASSETS = `${path.sep}assets${path.sep}`;

const PACKAGE_NAME = 'land-trading-platform';

function isProjectRoot(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

/** The project's root: the nearest folder above this file whose package.json is the platform's (source, dist or image). */
export function projectRoot(from = __dirname): string {
  let dir = from;
  for (;;) {
    if (isProjectRoot(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function defaultWebDir(): string {
  return path.join(projectRoot(), 'apps', 'web', 'dist');
}

/**
 * Serves the built single-page app (apps/web/dist) at `/`: hashed assets with a year's cache,
 * index.html with `no-cache` (so a new build is picked up at once), and index.html for any other GET
 * outside /api, /socket.io and the API's `apiPages`, so deep links such as /lots/:id open the app, which routes them itself.
 * Returns false (and serves nothing) when the build is missing.
 */
export function serveWebApp(app: NestExpressApplication, webDir: string | undefined, apiPages: readonly string[] = []): boolean {
  if (webDir === 'off') return false;
  const dir = path.resolve(webDir ?? defaultWebDir());
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) {
    new Logger('Web').warn(`no web app at ${dir}: run "npm run build:web" (npm start does it) to serve it at /`);
    return false;
  }
  // The build holds no api/ or socket.io/ folder, so the files never shadow those paths.
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (res, filePath) => {
      res.setHeader('Cache-Control', filePath.includes(HASHED_ASSETS) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // The API's own pages outside /api (e.g. /verify, the link printed on a 成交确认书) stay the API's.
  const firstSegments = new Set([...NOT_WEB, ...apiPages.map((p) => p.replace(/^\/+/, '').split('/')[0]!)]);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isPage =
      (req.method === 'GET' || req.method === 'HEAD') && !firstSegments.has(req.path.split('/')[1] ?? '') && !req.path.startsWith('/assets/') && !path.posix.basename(req.path).includes('.');
    if (!isPage) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
