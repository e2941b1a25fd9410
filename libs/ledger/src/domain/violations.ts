import { DomainErrors } from '@app/common/domain-error';

/** One broken rule: a stable code, a message for people and, where one input is to blame, its field. */
export interface RuleViolation {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

/** Throws `DomainErrors(code, …)` listing `violations` when there are any; returns otherwise. */
export function throwIfViolations(code: string, what: string, violations: ReadonlyArray<RuleViolation>): void {
  if (violations.length === 0) return;
  const first = violations[0].message;
  const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : '';
  throw new DomainErrors(code, `${what}: ${first}${more}`, violations);
}
