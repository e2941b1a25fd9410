/**
 * A failure the caller can act on: it carries a stable machine code, a human message and, where one
 * input is to blame, the name of that field. The HTTP exception filter maps `code` to a status in one
 * table (apps/api/src/http/error-status.ts); nothing else decides status codes.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The same error, blamed on a (possibly nested) field name: `price` → `terms.price`. */
  withField(field: string): DomainError {
    return new DomainError(this.code, this.message, field, this.details);
  }
}

/** Several rule violations reported together (e.g. publishing checks), one 400 listing all of them. */
export class DomainErrors extends DomainError {
  constructor(
    code: string,
    message: string,
    /** `params`: figures the message quotes (amounts, dates), which its Chinese text fills in too. */
    readonly errors: ReadonlyArray<{ code: string; message: string; field?: string; params?: Readonly<Record<string, string>> }>,
  ) {
    super(code, message, errors[0]?.field);
    this.name = 'DomainErrors';
  }
}
