import { createHash } from 'node:crypto';
import { DomainError } from '@app/common/domain-error';

/**
 * The lot's event log as a hash chain anyone can verify (DESIGN.md §4):
 * `hash_n = sha256(hash_{n-1} ‖ canonical event n)`.
 *
 * **Canonical form of an event** (version 1), {@link canonicalEvent}: the event object with its `seq`
 * added as a key, written as JSON with
 * - no whitespace at all;
 * - object keys sorted ascending by UTF-16 code units (JavaScript's default sort; all keys are ASCII,
 *   so this is plain byte order), recursively; keys whose value is `undefined` are left out;
 * - strings escaped exactly as `JSON.stringify` escapes them (the form is pure ASCII for ASCII text;
 *   other characters are written as themselves, UTF-8 encoded for hashing);
 * - amounts as strings with their type's fixed places: Money and Area with 2 decimals
 *   (`"12500000.00"`, `"3500.00"`), Ratio with 4 (`"0.1500"`); never a JSON number;
 * - instants as ISO 8601 in UTC with milliseconds: `"2025-10-14T07:00:00.000Z"`;
 * - integers (seq, seconds, counts, indices) as JSON numbers; anything that is not a safe integer
 *   (a fraction, NaN, 1e21) is refused, as are bigint, functions and class instances other than the
 *   ones above;
 * - arrays keep their order.
 *
 * Money, Area, Ratio and Date are written through their `toJSON`, so an event and its JSON round trip
 * (`JSON.parse(JSON.stringify(event))`, what a client or the database holds) have the same canonical
 * form: a verifier needs only the published JSON.
 *
 * **Link**: `chainHash(prev, seq, event) = lowercase hex SHA-256 of the UTF-8 bytes of
 * (prev ?? "") + canonicalEvent(seq, event)`, where `prev` is the previous event's hash as 64
 * lowercase hex characters and the first event of a lot (seq 1) has no previous hash (empty string).
 *
 * The same rules are published with every chain, in words a verifier can follow without this code:
 * {@link CANONICAL_FORM_SPEC} (`canonicalForm` of `GET /api/public/lots/:id/chain`); keep the two in step.
 *
 * Example: seq 1, `{type: "lot:closed", at: 2025-10-14T07:00:00Z, outcome: "unsold", reason: "NO_BIDS"}`
 * → `{"at":"2025-10-14T07:00:00.000Z","outcome":"unsold","reason":"NO_BIDS","seq":1,"type":"lot:closed"}`
 * → `sha256` of exactly that text.
 */

const HEX_64 = /^[0-9a-f]{64}$/;

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function hasToJSON(value: object): value is { toJSON(): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

function notCanonical(message: string, path: string): never {
  throw new DomainError('NOT_CANONICAL', `${path}: ${message}`, path);
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value)) notCanonical(`only safe integers are numbers in the canonical form, got ${String(value)}`, path);
      return Object.is(value, -0) ? '0' : String(value);
    case 'object':
      break;
    default:
      notCanonical(`a ${typeof value} has no canonical form`, path);
  }
  const obj = value as object;
  if (Array.isArray(obj)) {
    return `[${obj.map((item: unknown, i) => {
      if (item === undefined) notCanonical('an array may not hold undefined', `${path}[${i}]`);
      return write(item, `${path}[${i}]`);
    }).join(',')}]`;
  }
  if (obj instanceof Date) {
    if (Number.isNaN(obj.getTime())) notCanonical('an invalid Date', path);
    return JSON.stringify(obj.toISOString());
  }
  if (!isPlainObject(obj)) {
    // Money, Area, Ratio: their toJSON is the fixed-place decimal string.
    if (hasToJSON(obj)) {
      const json = obj.toJSON();
      if (typeof json !== 'string') notCanonical('toJSON must give a string', path);
      return JSON.stringify(json);
    }
    notCanonical('only plain objects, arrays, Dates and decimal types have a canonical form', path);
  }
  const record = obj as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${write(record[k], path === '' ? k : `${path}.${k}`)}`).join(',')}}`;
}

/** The canonical JSON of any JSON-like value (rules in the file comment). */
export function canonicalJson(value: unknown): string {
  return write(value, '');
}

function checkSeq(seq: number): void {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new DomainError('INVALID_SEQ', 'seq is a whole number ≥ 1', 'seq');
}

/** The canonical text of event `seq`: the event with `seq` added, as {@link canonicalJson}. */
export function canonicalEvent(seq: number, event: object): string {
  checkSeq(seq);
  if (event === null || typeof event !== 'object' || Array.isArray(event)) throw new DomainError('NOT_CANONICAL', 'an event is an object', 'event');
  if ('seq' in event) throw new DomainError('NOT_CANONICAL', 'an event does not carry its own seq', 'event.seq');
  return canonicalJson({ ...event, seq });
}

/** `hex sha256(UTF-8(prev ?? "" + canonicalEvent(seq, event)))`. */
export function chainHash(prevHashHex: string | null, seq: number, event: object): string {
  if (prevHashHex !== null && !HEX_64.test(prevHashHex)) {
    throw new DomainError('INVALID_HASH', 'a previous hash is 64 lowercase hex digits', 'prevHash');
  }
  if ((prevHashHex === null) !== (seq === 1)) {
    throw new DomainError('INVALID_CHAIN_START', 'the first event (seq 1) and only it has no previous hash', 'prevHash');
  }
  return createHash('sha256')
    .update((prevHashHex ?? '') + canonicalEvent(seq, event), 'utf8')
    .digest('hex');
}

export interface ChainedEvent<E extends object = object> {
  readonly seq: number;
  readonly event: E;
  readonly hash: string;
}

/** Numbers and links `events` after `prev` (null for a new lot), starting at `prev.seq + 1`. */
export function chainEvents<E extends object>(events: readonly E[], prev: { readonly seq: number; readonly hash: string } | null = null): ChainedEvent<E>[] {
  let prevHash = prev?.hash ?? null;
  let seq = prev?.seq ?? 0;
  return events.map((event) => {
    seq += 1;
    const hash = chainHash(prevHash, seq, event);
    prevHash = hash;
    return { seq, event, hash };
  });
}

export type ChainVerdict =
  | { readonly ok: true; readonly lastSeq: number; readonly lastHash: string | null }
  | { readonly ok: false; readonly seq: number; readonly reason: 'seq_gap' | 'hash_mismatch' | 'not_canonical' };

/**
 * Checks a lot's log from its first event (seq 1), or from the event after `prev` for a later slice:
 * consecutive seqs and every hash. Returns the first bad seq (the seq found where it should not be,
 * or the event whose hash does not match), or ok with the last seq and hash.
 */
export function verifyChain(
  entries: readonly ChainedEvent[],
  prev: { readonly seq: number; readonly hash: string } | null = null,
): ChainVerdict {
  let expectedSeq = (prev?.seq ?? 0) + 1;
  let prevHash = prev?.hash ?? null;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return { ok: false, seq: entry.seq, reason: 'seq_gap' };
    let hash: string;
    try {
      hash = chainHash(prevHash, entry.seq, entry.event);
    } catch (e) {
      if (e instanceof DomainError) return { ok: false, seq: entry.seq, reason: 'not_canonical' };
      throw e;
    }
    if (hash !== entry.hash) return { ok: false, seq: entry.seq, reason: 'hash_mismatch' };
    prevHash = hash;
    expectedSeq += 1;
  }
  return { ok: true, lastSeq: expectedSeq - 1, lastHash: prevHash };
}

const SPEC_EXAMPLE_EVENT = Object.freeze({ type: 'lot:closed', at: '2025-10-14T07:00:00.000Z', outcome: 'unsold', reason: 'NO_BIDS' });

/**
 * The canonical form as published with every chain (`GET /api/public/lots/:id/chain`): the rules of the
 * file comment, precise enough to verify a chain without this code. Version 1.
 */
export const CANONICAL_FORM_SPEC = Object.freeze({
  version: 1,
  hash: 'hash[n] = SHA-256 of the UTF-8 bytes of (link[n] + canonical[n]), written as 64 lowercase hexadecimal digits.',
  link:
    'link[n] is hash[n-1] exactly as published (64 lowercase hex digits, the prevHash of entry n); for the first event (seq 1) link is the empty string: there is no genesis value. The two texts are concatenated with nothing between them (no separator, no newline).',
  canonical:
    'canonical[n] is the canonical JSON of the published event object (events[i].event) with one key added: "seq" with the value n. The event never carries seq itself.',
  whitespace: 'No whitespace anywhere: no spaces, tabs or newlines between tokens.',
  objects:
    'Objects are written {"key":value,...} with their keys sorted in ascending order of UTF-16 code units (every key is ASCII, so this is byte order, e.g. "at" < "bidderNumber" < "deadline" < "seq" < "type"), at every depth. A key without a value is left out; the published events have none.',
  arrays: 'Arrays are written [value,...] and keep their order.',
  strings:
    'Strings are written as ECMAScript JSON.stringify writes them: between double quotes, with " as \\" and \\ as \\\\, the control characters U+0008, U+0009, U+000A, U+000C, U+000D as \\b \\t \\n \\f \\r, every other character below U+0020 and every lone surrogate as \\u followed by 4 lowercase hex digits; every other character, non-ASCII (Chinese) and "/" included, is written as itself and so enters the hash as its UTF-8 bytes.',
  numbers:
    'Numbers appear only as integers (seq, secondsLeft, count, index, frozenMs), written in decimal with a leading "-" when negative, without leading zeros, fraction, exponent or "+"; -0 is written 0. No other number occurs.',
  decimals:
    'Amounts are never JSON numbers: money (元) and areas (㎡) are strings with exactly 2 decimal places ("12500000.00", "3500.00"), ratios and shares are strings with exactly 4 ("0.1500"), as published.',
  instants: 'Instants are strings in ISO 8601 UTC with milliseconds: "2025-10-14T07:00:00.000Z".',
  literals: 'null, true and false are written as null, true and false.',
  verification:
    'For each entry in seq order (1, 2, 3, … without gaps), prevHash must equal the previous entry\'s hash (null for seq 1) and hash must equal hash[n] computed as above; the last hash is the published head and the last seq the published length.',
  example: Object.freeze({
    seq: 1,
    event: SPEC_EXAMPLE_EVENT,
    canonical: canonicalEvent(1, SPEC_EXAMPLE_EVENT),
    hash: chainHash(null, 1, SPEC_EXAMPLE_EVENT),
  }),
});
