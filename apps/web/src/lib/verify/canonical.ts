/**
 * The canonical JSON of a published chain event, as libs/bidding/src/domain/hash-chain.ts defines it
 * (version 1, published with every chain as `canonicalForm`): no whitespace, object keys sorted by
 * UTF-16 code units at every depth, strings as JSON.stringify writes them, numbers only as safe
 * integers (-0 as 0), arrays in order. The published JSON holds amounts and instants as strings
 * already, so a verifier needs nothing else.
 */

export class NotCanonicalError extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path || '(event)'}: ${message}`);
    this.name = 'NotCanonicalError';
  }
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value)) throw new NotCanonicalError(path, `only safe integers are numbers in the canonical form, got ${String(value)}`);
      return Object.is(value, -0) ? '0' : String(value);
    case 'object':
      break;
    default:
      throw new NotCanonicalError(path, `a ${typeof value} has no canonical form`);
  }
  if (Array.isArray(value)) return `[${value.map((item: unknown, i) => write(item, `${path}[${i}]`)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${write(record[k], path ? `${path}.${k}` : k)}`).join(',')}}`;
}

export function canonicalJson(value: unknown): string {
  return write(value, '');
}

/** The canonical text of event `seq`: the published event with `seq` added. */
export function canonicalEvent(seq: number, event: Record<string, unknown>): string {
  if ('seq' in event) throw new NotCanonicalError('seq', 'an event does not carry its own seq');
  return canonicalJson({ ...event, seq });
}
