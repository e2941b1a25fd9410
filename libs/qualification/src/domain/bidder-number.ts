import { randomInt } from 'node:crypto';
import { DomainError } from '@app/common/domain-error';
import { checkIntegerSetting, QUALIFICATION_DEFAULTS } from './qualification-settings';

/**
 * Bidder numbers (号牌, DOMAIN.md §4): a qualified bidder gets a number unique within the lot, and
 * during trading everyone but trading staff sees only numbers.
 *
 * Decisions:
 * - Drawn **at random** among the numbers still free in the lot, uniformly: numbers are not handed
 *   out in sequence, so "037" says nothing about when its bidder applied or qualified, nor how many
 *   bidders there are.
 * - `digits` (setting `bidderNumberDigits`, default 3) zero-padded digits, from "001" to "999"; the
 *   all-zero "000" is never issued (it reads as "no number" on screens and in minutes).
 * - `taken` holds the numbers already issued in the lot, as strings of the same width; anything else
 *   in it is ignored. When none is left: `BIDDER_NUMBERS_EXHAUSTED` (raise `digits`).
 * - The random source is injected: `random(n)` returns an integer in [0, n); use
 *   {@link secureRandomInt} (node:crypto) in production.
 */

/** `crypto.randomInt(maxExclusive)`: uniform, from the operating system's CSPRNG. */
export function secureRandomInt(maxExclusive: number): number {
  return randomInt(maxExclusive);
}

/** A number zero-padded to `digits`, e.g. 37 → "037". */
export function formatBidderNumber(n: number, digits: number = QUALIFICATION_DEFAULTS.bidderNumberDigits): string {
  return String(n).padStart(digits, '0');
}

/** True for "001" … "999" (with `digits` 3). */
export function isBidderNumber(value: unknown, digits: number = QUALIFICATION_DEFAULTS.bidderNumberDigits): value is string {
  return typeof value === 'string' && value.length === digits && /^\d+$/.test(value) && !/^0+$/.test(value);
}

/**
 * A number not in `taken`, chosen uniformly among the free ones with one call of `random`; throws
 * `BIDDER_NUMBERS_EXHAUSTED` when every number of the width is taken.
 */
export function drawBidderNumber(
  taken: ReadonlySet<string>,
  random: (maxExclusive: number) => number,
  digits: number = QUALIFICATION_DEFAULTS.bidderNumberDigits,
): string {
  checkIntegerSetting('bidderNumberDigits', digits, 'digits');
  const largest = 10 ** digits - 1;
  let takenCount = 0;
  for (const t of taken) if (isBidderNumber(t, digits)) takenCount++;
  const free = largest - takenCount;
  if (free <= 0) {
    throw new DomainError(
      'BIDDER_NUMBERS_EXHAUSTED',
      `all ${largest} bidder numbers of ${digits} digits are taken in this lot`,
      undefined,
      { digits, taken: takenCount },
    );
  }
  const pick = random(free);
  if (!Number.isSafeInteger(pick) || pick < 0 || pick >= free) {
    throw new RangeError(`random(${free}) must return an integer in [0, ${free}), got ${String(pick)}`);
  }
  // The pick-th free number in increasing order.
  let remaining = pick;
  for (let n = 1; n <= largest; n++) {
    const candidate = formatBidderNumber(n, digits);
    if (taken.has(candidate)) continue;
    if (remaining === 0) return candidate;
    remaining--;
  }
  throw new Error('unreachable: fewer free bidder numbers than counted');
}
