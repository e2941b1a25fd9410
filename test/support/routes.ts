import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ApplicationConfig, DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { isRouteExcluded } from '@nestjs/core/router/utils/exclude-route.util';
import { ACCESS_METADATA, type AccessRule } from '@app/auth';

export interface RouteInfo {
  method: string;
  /** Full path with the global prefix (unless the route is excluded from it), e.g. `/api/users/:id`. */
  path: string;
  access: AccessRule | undefined;
}

function join(...parts: string[]): string {
  return `/${parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/')}`;
}

/** Every HTTP route the running application serves, with its declared access rule. */
export function listRoutes(app: INestApplication, prefix = 'api'): RouteInfo[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = app.get(Reflector);
  const excluded = app.get(ApplicationConfig, { strict: false }).getGlobalPrefixOptions().exclude ?? [];
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const controllerPath = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
      const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (methodPath === undefined || method === undefined) continue;
      const unprefixed = join(controllerPath, methodPath);
      routes.push({
        method: RequestMethod[method],
        path: isRouteExcluded(excluded, unprefixed, method) ? unprefixed : join(prefix, controllerPath, methodPath),
        access: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [handler, wrapper.metatype]),
      });
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/**
 * Concrete paths for a route: every id given for its first parameter, the first given value for the
 * others ('x' where none is given). Used by the scans that call every route with a live sale's ids.
 */
export function concretePaths(path: string, ids: Record<string, string[]>): string[] {
  const params = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  if (params.length === 0) return [path];
  return (ids[params[0]!] ?? ['x']).map((v) => path.replace(`:${params[0]}`, v).replace(/:(\w+)/g, (_m, p: string) => ids[p]?.[0] ?? 'x'));
}
