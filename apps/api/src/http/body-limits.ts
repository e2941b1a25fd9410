import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createRequire } from 'node:module';
import { TokenService } from '@app/auth';
import { UPLOAD_ROUTE_METADATA } from '@app/common';

// The express of Nest's adapter (the platform's HTTP server), for its body parsers.
const express = createRequire(require.resolve('@nestjs/platform-express'))('express') as typeof import('express');

export interface BodyLimits {
  /** Every route: small, so no anonymous request can make the server parse or validate much. */
  bodyLimitBytes: number;
  /** Routes marked @AcceptsUpload(), for a caller with a valid access token. */
  uploadBodyLimitBytes: number;
}

interface UploadRoute {
  method: string;
  path: RegExp;
}

/**
 * The JSON and form body parsers, with the limit chosen per request before a byte is parsed: the
 * upload limit on an upload route for a caller whose access token verifies, the small limit
 * everywhere else. A larger body is refused with 413 PAYLOAD_TOO_LARGE as soon as its
 * Content-Length says so. The exact bytes are kept as `rawBody` (the bank's notices are signed).
 */
export function installBodyParsers(app: NestExpressApplication, limits: BodyLimits, globalPrefix: string): void {
  const uploads = uploadRoutes(app, globalPrefix);
  const tokens = app.get(TokenService);
  const keepRawBody = (req: Request & { rawBody?: Buffer }, _res: Response, buf: Buffer) => {
    req.rawBody = buf;
  };
  const small = chain(
    express.json({ limit: limits.bodyLimitBytes, verify: keepRawBody }),
    express.urlencoded({ extended: true, limit: limits.bodyLimitBytes, verify: keepRawBody }),
  );
  const large = express.json({ limit: limits.uploadBodyLimitBytes, verify: keepRawBody });

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!uploads.some((r) => r.method === req.method && r.path.test(req.path))) return small(req, res, next);
    void signedIn(tokens, req.headers.authorization).then((ok) => (ok ? large : small)(req, res, next));
  });
}

async function signedIn(tokens: TokenService, header: string | undefined): Promise<boolean> {
  const match = /^Bearer ([A-Za-z0-9\-_.]{1,4096})$/.exec(header ?? '');
  if (!match?.[1]) return false;
  return tokens.verifyAccess(match[1]).then(
    () => true,
    () => false,
  );
}

function chain(first: RequestHandler, second: RequestHandler): RequestHandler {
  return (req, res, next) => first(req, res, (err?: unknown) => (err ? next(err) : second(req, res, next)));
}

/** Every route marked @AcceptsUpload(), as its HTTP method and a pattern of its full path. */
export function uploadRoutes(app: NestExpressApplication, globalPrefix: string): UploadRoute[] {
  const routes: UploadRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (typeof controller !== 'function') continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function' || !Reflect.getMetadata(UPLOAD_ROUTE_METADATA, handler)) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        for (const base of paths(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const own of paths(Reflect.getMetadata(PATH_METADATA, handler))) {
            routes.push({ method, path: pathPattern([globalPrefix, base, own]) });
          }
        }
      }
    }
  }
  return routes;
}

function paths(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [typeof value === 'string' ? value : ''];
}

/** `['api', 'applications', ':id/documents']` → /^\/api\/applications\/[^/]+\/documents\/?$/i */
function pathPattern(parts: string[]): RegExp {
  const segments = parts.flatMap((p) => p.split('/')).filter(Boolean);
  const body = segments.map((s) => (s.startsWith(':') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
  return new RegExp(`^/${body}/?$`, 'i');
}
