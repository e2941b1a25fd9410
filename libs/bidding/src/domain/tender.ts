import { createHash } from 'node:crypto';
import { DomainError } from '@app/common/domain-error';
import { Money } from '@app/money/money';
import type { SealedReveal } from './commands';
import type { OpenedSealedValue } from './events';
import { assertBidderNumber, rejection, type BidderNumber, type Rejection } from './rejections';
import type { SealedEntry } from './trading-state';

/**
 * Sealed values: tender bids (招标, DOMAIN.md §5) and the one sealed price at the cap (一次报价, §6).
 *
 * **Secrecy.** Until the opening nobody — staff included — can read a sealed price. The engine sees
 * the price only for the moment it checks it (≥ start price, within the band) and keeps a salted
 * commitment; the service keeps price and salt encrypted (as it does the reserve). The state and the
 * events hold only the commitment until the opening.
 *
 * **Commitment** (version 1): lowercase hex SHA-256 of the UTF-8 string
 *
 *     land-sealed-bid-v1|<lotId>|<bidderNumber>|<price>|<saltHex>
 *
 * with `price` in yuan, exactly two decimals, no grouping (`12350000.00`) and `saltHex` 32 random
 * bytes as 64 lowercase hex digits. Binding the lot and the bidder means a commitment cannot be
 * replayed for another lot or claimed by another bidder; the salt stops anyone trying the few likely
 * prices against a published commitment.
 *
 * **Opening.** The service decrypts every sealed value and sends them all (`OpenSealed`): each must
 * match its bidder's commitment (REVEAL_MISMATCH), none may be missing (REVEAL_MISSING) or unknown
 * (REVEAL_UNKNOWN). The opening event publishes prices and salts so anyone can recompute every
 * commitment.
 *
 * **Tender award** (decision): by highest price; on equal prices the earlier submission. The weighted
 * score of an evaluation panel is out of scope for the engine (createTradingState refuses such a
 * tender): the panel's result would be recorded by the listing context. Fewer than `minTenderBids`
 * (default 3) sealed bids at the deadline → unsold (`TOO_FEW_BIDS`) without opening; a re-tender is a
 * new lot. One sealed bid per bidder (ALREADY_SUBMITTED); a tender bid below the start price is
 * rejected (PRICE_TOO_LOW).
 */

export const SEALED_BID_VERSION = 'land-sealed-bid-v1';
const HEX_64 = /^[0-9a-f]{64}$/;

export function isHex64(value: unknown): value is string {
  return typeof value === 'string' && HEX_64.test(value);
}

/** Programming error: a salt must be 32 random bytes as 64 lowercase hex digits. */
export function assertSaltHex(saltHex: unknown, field = 'saltHex'): asserts saltHex is string {
  if (!isHex64(saltHex)) throw new DomainError('INVALID_SALT', 'a salt is 32 random bytes as 64 lowercase hex digits', field);
}

/** The canonical string hashed into a sealed value's commitment. */
export function sealedBidCanonical(lotId: string, bidderNumber: BidderNumber, price: Money, saltHex: string): string {
  assertBidderNumber(bidderNumber);
  assertSaltHex(saltHex);
  if (!Money.isMoney(price) || price.isNegative()) throw new DomainError('INVALID_PRICE', 'a sealed price is a non-negative Money', 'price');
  return `${SEALED_BID_VERSION}|${lotId}|${bidderNumber}|${price.toString()}|${saltHex}`;
}

/** hex sha256 of {@link sealedBidCanonical}. */
export function sealedBidCommitment(lotId: string, bidderNumber: BidderNumber, price: Money, saltHex: string): string {
  return createHash('sha256').update(sealedBidCanonical(lotId, bidderNumber, price, saltHex), 'utf8').digest('hex');
}

export interface VerifiedSealedValue extends OpenedSealedValue {
  /** Submission order (index in the commitments). */
  readonly order: number;
  readonly at: Date;
}

/**
 * Matches the reveals against the commitments: every committed bidder exactly once, each hash equal.
 * Returns the opened values in submission order, or the first problem as a rejection (field `reveals[i]`
 * or `reveals`).
 */
export function verifyReveals(
  lotId: string,
  commitments: readonly SealedEntry[],
  reveals: readonly SealedReveal[],
): { readonly values: readonly VerifiedSealedValue[] } | { readonly rejection: Rejection } {
  if (!Array.isArray(reveals)) throw new DomainError('INVALID_REVEALS', 'reveals must be a list', 'reveals');
  const byBidder = new Map<BidderNumber, { reveal: SealedReveal; index: number }>();
  for (let i = 0; i < reveals.length; i++) {
    const r = reveals[i];
    const entry = commitments.find((c) => c.bidderNumber === r.bidderNumber);
    if (entry === undefined || byBidder.has(r.bidderNumber)) {
      return { rejection: rejection('REVEAL_UNKNOWN', `reveal ${i} does not belong to one sealed value of this lot`, `reveals[${i}]`) };
    }
    byBidder.set(r.bidderNumber, { reveal: r, index: i });
  }
  const values: VerifiedSealedValue[] = [];
  for (let order = 0; order < commitments.length; order++) {
    const c = commitments[order];
    const found = byBidder.get(c.bidderNumber);
    if (found === undefined) {
      return { rejection: rejection('REVEAL_MISSING', `the sealed value of bidder ${c.bidderNumber} was not revealed`, 'reveals') };
    }
    const { reveal, index } = found;
    if (!isHex64(reveal.saltHex) || !Money.isMoney(reveal.price) || sealedBidCommitment(lotId, c.bidderNumber, reveal.price, reveal.saltHex) !== c.commitment) {
      return {
        rejection: rejection('REVEAL_MISMATCH', `the revealed value of bidder ${c.bidderNumber} does not match its commitment`, `reveals[${index}]`),
      };
    }
    values.push({ bidderNumber: c.bidderNumber, price: reveal.price, saltHex: reveal.saltHex, commitment: c.commitment, order, at: c.at });
  }
  return { values };
}

/** Highest price wins; equal prices: the earlier submission. Undefined for an empty list. */
export function tenderWinner<T extends { readonly price: Money; readonly at: Date; readonly order: number }>(values: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const v of values) {
    if (
      best === undefined ||
      v.price.gt(best.price) ||
      (v.price.eq(best.price) && (v.at.getTime() < best.at.getTime() || (v.at.getTime() === best.at.getTime() && v.order < best.order)))
    ) {
      best = v;
    }
  }
  return best;
}

/** The opened values as published (without the engine's bookkeeping). */
export function publishedValues(values: readonly VerifiedSealedValue[]): OpenedSealedValue[] {
  return values.map((v) => ({ bidderNumber: v.bidderNumber, price: v.price, saltHex: v.saltHex, commitment: v.commitment }));
}
