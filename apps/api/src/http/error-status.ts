import { HttpStatus } from '@nestjs/common';

/**
 * The one table that maps domain error codes to HTTP status. Codes not listed are client errors
 * (400); patterns cover the families (…_NOT_FOUND, …_RATE_LIMITED).
 */
const STATUS_BY_CODE: Record<string, HttpStatus> = {
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  INVALID_CREDENTIALS: HttpStatus.UNAUTHORIZED,
  TOKEN_EXPIRED: HttpStatus.UNAUTHORIZED,
  INVALID_REFRESH_TOKEN: HttpStatus.UNAUTHORIZED,
  SESSION_REVOKED: HttpStatus.UNAUTHORIZED,
  BANK_SIGNATURE_INVALID: HttpStatus.UNAUTHORIZED,
  ACCOUNT_DISABLED: HttpStatus.FORBIDDEN,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  USERNAME_TAKEN: HttpStatus.CONFLICT,
  ALREADY_APPLIED: HttpStatus.CONFLICT,
  ALONE_AND_JOINT: HttpStatus.CONFLICT,
  BIDDER_ALREADY_REGISTERED: HttpStatus.CONFLICT,
  INVALID_STATE_TRANSITION: HttpStatus.CONFLICT,
  STALE_VERSION: HttpStatus.CONFLICT,
  LINE_ALREADY_RESOLVED: HttpStatus.CONFLICT,
  ITEM_NOT_EXPECTED: HttpStatus.CONFLICT,
  ALREADY_REVERSED: HttpStatus.CONFLICT,
  REVERSAL_NOT_REVERSIBLE: HttpStatus.CONFLICT,
  REMITTANCE_REFERENCE_CONFLICT: HttpStatus.CONFLICT,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  INTERNAL_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,
  SERVICE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
};

export function statusForCode(code: string): HttpStatus {
  const exact = STATUS_BY_CODE[code];
  if (exact !== undefined) return exact;
  if (code.endsWith('_NOT_FOUND')) return HttpStatus.NOT_FOUND;
  if (code.endsWith('_RATE_LIMITED') || code === 'RATE_LIMITED') return HttpStatus.TOO_MANY_REQUESTS;
  if (code.endsWith('_CONFLICT') || code.startsWith('ALREADY_')) return HttpStatus.CONFLICT;
  return HttpStatus.BAD_REQUEST;
}

const CODE_BY_STATUS: Partial<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

export function codeForStatus(status: number): string {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
}
