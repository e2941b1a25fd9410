import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, RequestContext, type Actor } from '@app/common';
import { AuthService } from '../application/auth.service';
import { TokenService } from '../application/token.service';
import { hasPermission } from '../domain/permission';
import { ACCESS_METADATA, type AccessRule } from './access.decorators';

/**
 * The one global guard for HTTP routes: 401 when a token is needed and missing or bad, 403 when the
 * roles lack the permission, and 403 for any route that declares no access rule (deny by default).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    const header = request.headers['authorization'];
    if (rule?.kind === 'public') {
      // A public route still learns who is calling when a valid token is sent (e.g. a bidder reading
      // notices), but a bad token never blocks it.
      if (header) await this.identify(header).then((a) => this.attach(request, a), () => undefined);
      return true;
    }
    if (!rule) throw new DomainError('FORBIDDEN', 'This route has no access rule and is closed');
    if (!header) throw new DomainError('UNAUTHENTICATED', 'Sign in first: send "Authorization: Bearer <token>"');
    const actor = await this.identify(header);
    this.attach(request, actor);
    if (rule.kind === 'permission' && !rule.permissions.some((p) => hasPermission(actor.roles, p))) {
      throw new DomainError('FORBIDDEN', `Your roles (${actor.roles.join(', ') || 'none'}) do not allow this: it needs ${rule.permissions.join(' or ')}`);
    }
    return true;
  }

  private async identify(header: string): Promise<Actor> {
    const match = /^Bearer ([A-Za-z0-9\-_.]+)$/.exec(header);
    if (!match?.[1]) throw new DomainError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>"');
    return this.auth.actorFor(await this.tokens.verifyAccess(match[1]));
  }

  private attach(request: { actor?: Actor }, actor: Actor): void {
    request.actor = actor;
    RequestContext.setActor(actor);
  }
}
