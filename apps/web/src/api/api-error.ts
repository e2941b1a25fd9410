/** One failed API call: the API's coded error body `{code, message, field?, errors?, requestId}`. */
export interface ApiErrorItem {
  code: string;
  message: string;
  field?: string;
}

export class ApiError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly errors: readonly ApiErrorItem[];
  readonly requestId?: string;

  constructor(
    readonly status: number,
    body: unknown,
  ) {
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const message = typeof b.message === 'string' ? b.message : `HTTP ${status}`;
    super(message);
    this.name = 'ApiError';
    this.code = typeof b.code === 'string' ? b.code : status === 0 ? 'NETWORK_ERROR' : `HTTP_${status}`;
    this.field = typeof b.field === 'string' ? b.field : undefined;
    this.errors = Array.isArray(b.errors) ? (b.errors as ApiErrorItem[]) : this.field ? [{ code: this.code, message, field: this.field }] : [];
    this.requestId = typeof b.requestId === 'string' ? b.requestId : undefined;
  }

  /** Messages by field name, for showing next to a form's inputs. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) if (e.field && !(e.field in out)) out[e.field] = e.message;
    return out;
  }
}
