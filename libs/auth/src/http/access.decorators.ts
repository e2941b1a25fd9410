import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@app/common';
import type { Permission } from '../domain/permission';

export const ACCESS_METADATA = 'land:access';

/**
 * How a route is protected. Every route must say one of these; the global AccessGuard refuses routes
 * that say nothing (deny by default), and the permission-matrix test lists any that slip through.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'permission'; permissions: readonly Permission[] };

/** Open to anyone, without a token (public notices, health, login). */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/** Any signed-in account, whatever its role (e.g. reading one's own profile). */
export const Authenticated = () => SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies AccessRule);

/** Signed in with a role that grants at least one of the permissions. */
export const RequirePermission = (...permissions: Permission[]) =>
  SetMetadata(ACCESS_METADATA, { kind: 'permission', permissions } satisfies AccessRule);

/** The signed-in actor of the request (set by the AccessGuard). */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor | undefined => {
  const request = ctx.switchToHttp().getRequest<{ actor?: Actor }>();
  return request.actor;
});
