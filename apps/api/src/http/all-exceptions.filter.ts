import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, DomainErrors, RequestContext } from '@app/common';
import { codeForStatus, statusForCode } from './error-status';

export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  errors?: ReadonlyArray<{ code: string; message: string; field?: string }>;
  requestId?: string;
}

/**
 * Every error leaves the API as `{code, message, field?, errors?, requestId}`. Unexpected errors are
 * logged with the request id and answered with a generic 500: no stack trace or SQL reaches a client.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request & { id?: string }>();
    const requestId = RequestContext.requestId() ?? (typeof request.id === 'string' ? request.id : undefined);
    const { status, body } = this.toBody(exception);
    const retryAfter = exception instanceof DomainError ? exception.details?.['retryAfterSeconds'] : undefined;
    if (typeof retryAfter === 'number') response.setHeader('retry-after', String(retryAfter));
    if (status >= 500) {
      this.logger.error(
        { requestId, method: request.method, path: request.path, err: exception instanceof Error ? { message: exception.message, stack: exception.stack } : String(exception) },
        'unhandled error',
      );
    }
    response.status(status).json({ ...body, requestId });
  }

  private toBody(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof DomainErrors) {
      return {
        status: statusForCode(exception.code),
        body: { code: exception.code, message: exception.message, field: exception.field, errors: exception.errors },
      };
    }
    if (exception instanceof DomainError) {
      return {
        status: statusForCode(exception.code),
        body: { code: exception.code, message: exception.message, field: exception.field },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 400 && isJsonSyntaxError(exception)) {
        return { status, body: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' } };
      }
      const payload = exception.getResponse();
      if (typeof payload === 'object' && payload !== null && 'code' in payload && typeof payload.code === 'string') {
        return { status, body: payload as ErrorBody };
      }
      const message =
        typeof payload === 'string'
          ? payload
          : typeof payload === 'object' && payload !== null && 'message' in payload
            ? String(Array.isArray(payload.message) ? payload.message.join('; ') : payload.message)
            : exception.message;
      return { status, body: { code: codeForStatus(status), message } };
    }
    if (isBodyParserError(exception)) {
      const status = exception.status;
      return {
        status,
        body: {
          code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'MALFORMED_JSON',
          message: status === 413 ? 'The request body is too large' : 'The request body is not valid JSON',
        },
      };
    }
    return { status: 500, body: { code: 'INTERNAL_ERROR', message: 'An internal error occurred; quote the request id when reporting it' } };
  }
}

/** Express's body parser failed on the JSON: Nest hands it over as a 400 caused by a SyntaxError. */
function isJsonSyntaxError(e: HttpException): boolean {
  const payload = e.getResponse();
  if (typeof payload === 'object' && payload !== null && 'code' in payload) return false;
  return e.cause instanceof SyntaxError || /JSON at position|JSON input|Unexpected token|is not valid JSON/.test(e.message);
}

function isBodyParserError(e: unknown): e is { status: number; type: string } {
  return typeof e === 'object' && e !== null && 'type' in e && 'status' in e && typeof (e as { status: unknown }).status === 'number';
}
