import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DomainError, DomainErrors, localizeMessage, preferredLanguage, RequestContext, type Language } from '@app/common';
import { codeForStatus, statusForCode } from './error-status';
import { MAX_LISTED_ERRORS, problemMessage, RequestValidationError, summarize } from './validation';

export interface ErrorItem {
  code: string;
  message: string;
  field?: string;
}

export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  /** The first {@link MAX_LISTED_ERRORS} problems when there are several. */
  errors?: ReadonlyArray<ErrorItem>;
  /** How many more problems there were than `errors` lists. */
  moreErrors?: number;
  requestId?: string;
}

/** English texts of the errors this filter makes itself (the Chinese ones are in the catalogue). */
const PLATFORM_MESSAGES_EN: Record<string, string> = {
  MALFORMED_JSON: 'The request body is not valid JSON',
  UNSUPPORTED_MEDIA_TYPE: 'The request body’s content type or charset is not supported',
  INTERNAL_ERROR: 'An internal error occurred; quote the request id when reporting it',
};

/**
 * Every error leaves the API as `{code, message, field?, errors?, moreErrors?, requestId}`. Codes are
 * stable; messages are in Chinese unless the request's Accept-Language prefers English. At most
 * {@link MAX_LISTED_ERRORS} problems are listed, so no input can make a response large. Unexpected
 * errors are logged with the request id and answered with a generic 500: no stack trace or SQL
 * reaches a client.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request & { id?: string }>();
    // A body refused by the parser never reached the request-id middleware: give it an id here.
    const requestId = RequestContext.requestId() ?? (typeof request.id === 'string' ? request.id : undefined) ?? givenRequestId(request) ?? randomUUID();
    const language = preferredLanguage(request.headers['accept-language']);
    const { status, body } = this.toBody(exception, language);
    const retryAfter = exception instanceof DomainError ? exception.details?.['retryAfterSeconds'] : undefined;
    if (typeof retryAfter === 'number') response.setHeader('retry-after', String(retryAfter));
    if (status >= 500) {
      this.logger.error(
        { requestId, method: request.method, path: request.path, err: exception instanceof Error ? { message: exception.message, stack: exception.stack } : String(exception) },
        'unhandled error',
      );
    }
    response.setHeader('content-language', language === 'zh' ? 'zh-CN' : 'en');
    response.vary('Accept-Language');
    response.status(status).json({ ...body, requestId });
  }

  private toBody(exception: unknown, language: Language): { status: number; body: ErrorBody } {
    if (exception instanceof RequestValidationError) {
      const problems = exception.problems;
      const listed = problems.slice(0, MAX_LISTED_ERRORS).map((p) => ({ code: p.code, message: problemMessage(p, language), field: p.field }));
      const first = listed[0];
      return {
        status: 400,
        body: {
          code: first?.code ?? 'VALIDATION_FAILED',
          message: first ? summarize(listed.map((p) => p.message), problems.length, language) : localizeMessage(language, { code: 'VALIDATION_FAILED', message: 'The request is invalid' }),
          field: first?.field,
          errors: listed,
          ...more(problems.length),
        },
      };
    }
    if (exception instanceof DomainErrors) {
      // An item's own properties (a statement's `line` and `column`) and its `params` (figures the
      // English text quotes, such as a minimum amount) are the parameters of its Chinese text.
      const listed = exception.errors.slice(0, MAX_LISTED_ERRORS).map(({ params, ...e }: { code: string; message: string; field?: string; params?: Record<string, unknown> }) => ({
        ...e,
        message: localizeMessage(language, { ...e, details: { ...e, ...params } }),
      }));
      return {
        status: statusForCode(exception.code),
        body: { code: exception.code, message: localizeMessage(language, exception), field: exception.field, errors: listed, ...more(exception.errors.length) },
      };
    }
    if (exception instanceof DomainError) {
      return { status: statusForCode(exception.code), body: { code: exception.code, message: localizeMessage(language, exception), field: exception.field } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 400 && isJsonSyntaxError(exception)) return { status, body: platformError('MALFORMED_JSON', language) };
      const payload = exception.getResponse();
      if (typeof payload === 'object' && payload !== null && 'code' in payload && typeof payload.code === 'string') {
        const given = payload as ErrorBody;
        return { status, body: { code: given.code, message: localizeMessage(language, given), ...(given.field ? { field: given.field } : {}) } };
      }
      const message =
        typeof payload === 'string'
          ? payload
          : typeof payload === 'object' && payload !== null && 'message' in payload
            ? String(Array.isArray(payload.message) ? payload.message.slice(0, MAX_LISTED_ERRORS).join('; ') : payload.message)
            : exception.message;
      const code = codeForStatus(status);
      return { status, body: { code, message: localizeMessage(language, { code, message }) } };
    }
    if (isBodyParserError(exception)) {
      const status = exception.status;
      if (status === 413) {
        const limit = typeof exception.limit === 'number' ? formatBytes(exception.limit) : undefined;
        const message = `The request body is too large${limit ? `: at most ${limit} here` : ''}`;
        return { status, body: { code: 'PAYLOAD_TOO_LARGE', message: localizeMessage(language, { code: 'PAYLOAD_TOO_LARGE', message, details: { limit } }) } };
      }
      return { status: status === 415 ? 415 : 400, body: platformError(status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'MALFORMED_JSON', language) };
    }
    return { status: 500, body: platformError('INTERNAL_ERROR', language) };
  }
}

function givenRequestId(request: Request): string | undefined {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : undefined;
}

function platformError(code: string, language: Language): ErrorBody {
  return { code, message: localizeMessage(language, { code, message: PLATFORM_MESSAGES_EN[code] ?? code }) };
}

function more(total: number): { moreErrors?: number } {
  return total > MAX_LISTED_ERRORS ? { moreErrors: total - MAX_LISTED_ERRORS } : {};
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Express's body parser failed on the JSON: Nest hands it over as a 400 caused by a SyntaxError. */
function isJsonSyntaxError(e: HttpException): boolean {
  const payload = e.getResponse();
  if (typeof payload === 'object' && payload !== null && 'code' in payload) return false;
  return e.cause instanceof SyntaxError || /JSON at position|JSON input|Unexpected token|is not valid JSON/.test(e.message);
}

/** An error of the body parser (http-errors): a status, a type and, for 413, the limit in bytes. */
function isBodyParserError(e: unknown): e is { status: number; type: string; limit?: unknown } {
  return typeof e === 'object' && e !== null && 'type' in e && 'status' in e && typeof (e as { status: unknown }).status === 'number';
}
