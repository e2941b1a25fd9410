import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '@app/common';

/** Opens the request's context (request id, caller address; the guard adds the actor). */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: Request & { id?: unknown }, _res: Response, next: NextFunction): void {
    const requestId = typeof req.id === 'string' ? req.id : randomUUID();
    RequestContext.run({ requestId, ip: req.ip }, next);
  }
}
