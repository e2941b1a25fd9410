import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@app/common/domain-error';
import { Money } from '@app/money/money';
import { resolveListingSettings, type ListingSettingsOverrides } from './listing-settings';

/**
 * The sealed reserve price 底价 (DOMAIN.md §5, DESIGN.md §4 Secrecy).
 *
 * 1. Each member of the lot's pricing committee submits one value ≥ the start price before the
 *    sealing moment ({@link acceptProposal}, {@link validateProposal}).
 * 2. With every member's proposal in ({@link checkProposalsComplete}; at least `minCommitteeSize`, 3),
 *    the reserve is their average rounded to the lot's rounding unit ({@link computeReserve}).
 * 3. A commitment `sha256(canonical)` is published; the canonical string (which holds the value and
 *    the secret salt) is stored only encrypted with AES-256-GCM ({@link sealReserve}).
 * 4. At the close the value and salt are revealed and anyone can check them
 *    ({@link verifyReserveCommitment}).
 *
 * **Rounding** (decision): the exact average Σ/n — never an average first rounded to the fen — is
 * rounded ROUND_HALF_UP to a whole multiple of the rounding unit, in integer fen (bigint), so there is
 * no double rounding: unit "10000.00", average 12,345,678.90 → 12,350,000.00. Every proposal is ≥ the
 * start price, so the average is too, but rounding can fall below the start price (start 12,341,000,
 * average 12,342,000, unit 10,000 → 12,340,000); then the reserve is the smallest multiple of the unit
 * that is ≥ the start price (12,350,000), because a reserve below the start price is meaningless.
 *
 * **Canonical form** (version 1), the exact bytes hashed for the commitment (UTF-8):
 *
 *     land-reserve-v1|<lotId>|<value>|<salt>
 *
 * - `lotId`: the lot's id, 1–128 characters of `[A-Za-z0-9._:-]`, starting with a letter or digit (so it
 *   never contains the separator `|`); binding it in means a commitment cannot be replayed for another lot;
 * - `value`: the reserve in yuan with exactly two decimals, no grouping, no sign: `12350000.00`;
 * - `salt`: 32 random bytes as 64 lowercase hex digits.
 *
 * The commitment is the lowercase hex SHA-256 of that string. Example: lot `lot-42`, value 12350000.00,
 * salt 00…00 → `land-reserve-v1|lot-42|12350000.00|0000…0000` (64 zeros).
 *
 * The salt is as secret as the value until the close: with a known salt the few possible reserves
 * (multiples of the unit above the start price) could be tried against the public commitment. So the
 * whole canonical string is what {@link sealReserve} encrypts. The AES-256-GCM additional
 * authenticated data is `land-reserve-v1|<lotId>`, so a ciphertext moved to another lot fails to open.
 */

export const RESERVE_CANONICAL_VERSION = 'land-reserve-v1';
export const RESERVE_SALT_BYTES = 32;
export const RESERVE_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const LOT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const HEX_64 = /^[0-9a-fA-F]{64}$/;
const CANONICAL = /^land-reserve-v1\|([A-Za-z0-9][A-Za-z0-9._:-]{0,127})\|((?:0|[1-9]\d*)\.\d{2})\|([0-9a-f]{64})$/;

export interface ReserveProposal {
  readonly memberId: string;
  readonly value: Money;
}

// ───────────────────────────── proposals ─────────────────────────────

/**
 * One proposal's own rules: RESERVE_SEALING_CLOSED at or after the sealing moment (proposals come
 * strictly before it), RESERVE_BELOW_START (field `value`) below the start price.
 */
export function validateProposal(value: Money, startPrice: Money, sealingMoment: Date, now: Date): void {
  if (now.getTime() >= sealingMoment.getTime()) {
    throw new DomainError('RESERVE_SEALING_CLOSED', `reserve proposals closed at ${sealingMoment.toISOString()}`, undefined, {
      sealingMoment: sealingMoment.toISOString(),
    });
  }
  if (!Money.isMoney(value) || value.lt(startPrice)) {
    throw new DomainError('RESERVE_BELOW_START', 'a reserve proposal cannot be below the start price', 'value');
  }
}

export interface ProposalContext {
  /** The members named for the lot (user ids). */
  readonly committee: readonly string[];
  readonly startPrice: Money;
  readonly sealingMoment: Date;
  readonly now: Date;
  /** The reserve is already sealed: nothing changes it any more. */
  readonly sealed?: boolean;
}

/**
 * Adds `proposal` to `existing` (returns a new list). Errors: RESERVE_ALREADY_SEALED,
 * NOT_COMMITTEE_MEMBER (field `memberId`), DUPLICATE_PROPOSAL (field `memberId`: each member submits
 * once, and a submitted value cannot be changed), and those of {@link validateProposal}.
 */
export function acceptProposal(existing: readonly ReserveProposal[], proposal: ReserveProposal, ctx: ProposalContext): ReserveProposal[] {
  if (ctx.sealed === true) {
    throw new DomainError('RESERVE_ALREADY_SEALED', 'the reserve is sealed and cannot be changed', undefined);
  }
  if (!ctx.committee.includes(proposal.memberId)) {
    throw new DomainError('NOT_COMMITTEE_MEMBER', "only the lot's pricing committee proposes its reserve", 'memberId');
  }
  if (existing.some((p) => p.memberId === proposal.memberId)) {
    throw new DomainError('DUPLICATE_PROPOSAL', 'each committee member submits one proposal, once', 'memberId');
  }
  validateProposal(proposal.value, ctx.startPrice, ctx.sealingMoment, ctx.now);
  return [...existing, proposal];
}

/** A committee of at least `minCommitteeSize` distinct members: COMMITTEE_TOO_SMALL, DUPLICATE_COMMITTEE_MEMBER. */
export function checkCommittee(committee: readonly string[], settings: ListingSettingsOverrides = {}): void {
  const min = resolveListingSettings(settings).minCommitteeSize;
  if (new Set(committee).size !== committee.length) {
    throw new DomainError('DUPLICATE_COMMITTEE_MEMBER', 'a member is named twice on the pricing committee', 'committee');
  }
  if (committee.length < min) {
    throw new DomainError('COMMITTEE_TOO_SMALL', `a pricing committee has at least ${min} members`, 'committee', {
      required: min,
      given: committee.length,
    });
  }
}

/**
 * Ready to seal: a valid committee ({@link checkCommittee}), one proposal from each member and none
 * from anyone else. Errors: DUPLICATE_PROPOSAL, NOT_COMMITTEE_MEMBER, PROPOSALS_INCOMPLETE (details
 * list the missing members).
 */
export function checkProposalsComplete(
  committee: readonly string[],
  proposals: readonly ReserveProposal[],
  settings: ListingSettingsOverrides = {},
): void {
  checkCommittee(committee, settings);
  const seen = new Set<string>();
  proposals.forEach((p, i) => {
    if (seen.has(p.memberId)) {
      throw new DomainError('DUPLICATE_PROPOSAL', 'each committee member submits one proposal, once', `proposals[${i}].memberId`);
    }
    seen.add(p.memberId);
    if (!committee.includes(p.memberId)) {
      throw new DomainError('NOT_COMMITTEE_MEMBER', "only the lot's pricing committee proposes its reserve", `proposals[${i}].memberId`);
    }
  });
  const missing = committee.filter((m) => !seen.has(m));
  if (missing.length > 0) {
    throw new DomainError('PROPOSALS_INCOMPLETE', `${missing.length} committee member(s) have not submitted a proposal`, 'proposals', {
      missing,
    });
  }
}

// ───────────────────────────── the value ─────────────────────────────

/**
 * The reserve: the exact average of `proposals` rounded ROUND_HALF_UP to a whole multiple of
 * `roundingUnit`; if that falls below `startPrice`, the smallest multiple of the unit ≥ `startPrice`
 * (see the file comment). Errors: NO_PROPOSALS, INVALID_ROUNDING_UNIT (field `roundingUnit`),
 * RESERVE_BELOW_START (field `proposals[i]`).
 */
export function computeReserve(proposals: readonly Money[], roundingUnit: Money, startPrice: Money): Money {
  if (proposals.length === 0) throw new DomainError('NO_PROPOSALS', 'the reserve is the average of at least one proposal', 'proposals');
  if (!roundingUnit.isPositive()) {
    throw new DomainError('INVALID_ROUNDING_UNIT', 'the rounding unit must be greater than zero', 'roundingUnit');
  }
  proposals.forEach((p, i) => {
    if (p.lt(startPrice)) throw new DomainError('RESERVE_BELOW_START', 'a reserve proposal cannot be below the start price', `proposals[${i}]`);
  });
  const unit = roundingUnit.toFen();
  const sum = proposals.reduce((acc, p) => acc + p.toFen(), 0n);
  const divisor = BigInt(proposals.length) * unit;
  // round half up of sum / divisor, all non-negative: floor((2·sum + divisor) / (2·divisor))
  const units = (2n * sum + divisor) / (2n * divisor);
  let reserve = units * unit;
  const start = startPrice.toFen();
  if (reserve < start) reserve = ((start + unit - 1n) / unit) * unit;
  return Money.fromFen(reserve);
}

/** "Meets the reserve" is price ≥ reserve (never >). */
export function meetsReserve(price: Money, reserve: Money): boolean {
  return price.gte(reserve);
}

// ───────────────────────────── commitment ─────────────────────────────

function checkLotId(lotId: string): void {
  if (typeof lotId !== 'string' || !LOT_ID.test(lotId)) {
    throw new DomainError('INVALID_LOT_ID', 'a lot id is 1–128 characters of A–Z, a–z, 0–9, ".", "_", ":", "-"', 'lotId');
  }
}

function checkSalt(salt: Buffer): void {
  if (!Buffer.isBuffer(salt) || salt.length !== RESERVE_SALT_BYTES) {
    throw new DomainError('INVALID_SALT', `the salt must be ${RESERVE_SALT_BYTES} random bytes`, 'salt');
  }
}

/** The canonical string of version 1 (see the file comment); the value must be positive. */
export function reserveCanonicalForm(lotId: string, value: Money, salt: Buffer): string {
  checkLotId(lotId);
  checkSalt(salt);
  if (!value.isPositive()) throw new DomainError('INVALID_RESERVE_VALUE', 'a reserve is greater than zero', 'value');
  return `${RESERVE_CANONICAL_VERSION}|${lotId}|${value.toString()}|${salt.toString('hex')}`;
}

/** Splits a canonical string back into its parts; INVALID_RESERVE_CANONICAL when it is not one. */
export function parseReserveCanonical(canonical: string): { lotId: string; value: Money; saltHex: string } {
  const match = CANONICAL.exec(canonical);
  if (!match) throw new DomainError('INVALID_RESERVE_CANONICAL', 'not a land-reserve-v1 canonical string', 'canonical');
  return { lotId: match[1], value: Money.of(match[2]), saltHex: match[3] };
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** `{ commitment: hex sha256(canonical), canonical }`; the salt (32 bytes) is injected by the caller. */
export function commitReserve(lotId: string, value: Money, salt: Buffer): { commitment: string; canonical: string } {
  const canonical = reserveCanonicalForm(lotId, value, salt);
  return { commitment: sha256(canonical).toString('hex'), canonical };
}

/**
 * Does the revealed `value` (a decimal string, e.g. "12350000.00") and `saltHex` match the published
 * `commitment` for `lotId`? Compares in constant time; any malformed input is simply `false`.
 */
export function verifyReserveCommitment(lotId: string, value: string, saltHex: string, commitment: string): boolean {
  if (typeof commitment !== 'string' || !HEX_64.test(commitment) || typeof saltHex !== 'string' || !HEX_64.test(saltHex)) {
    return false;
  }
  let canonical: string;
  try {
    canonical = reserveCanonicalForm(lotId, Money.parse(value, 'value'), Buffer.from(saltHex, 'hex'));
  } catch {
    return false;
  }
  return timingSafeEqual(sha256(canonical), Buffer.from(commitment, 'hex'));
}

// ───────────────────────────── encryption at rest ─────────────────────────────

/** AES-256-GCM output, each part base64. */
export interface SealedReserveValue {
  readonly ciphertext: string;
  readonly iv: string;
  readonly tag: string;
}

function checkKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== RESERVE_KEY_BYTES) {
    throw new DomainError('INVALID_KEY', `the reserve encryption key must be ${RESERVE_KEY_BYTES} bytes`, 'key');
  }
}

function aad(lotId: string): Buffer {
  return Buffer.from(`${RESERVE_CANONICAL_VERSION}|${lotId}`, 'utf8');
}

/** Encrypts `plain` with AES-256-GCM (fresh random 96-bit IV), the lot id bound in as additional data. */
export function sealReserveValue(lotId: string, plain: string, key: Buffer): SealedReserveValue {
  checkLotId(lotId);
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(lotId));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return { ciphertext: ciphertext.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Decrypts what {@link sealReserveValue} sealed for the same lot; RESERVE_DECRYPTION_FAILED otherwise. */
export function openReserveValue(lotId: string, sealed: SealedReserveValue, key: Buffer): string {
  checkLotId(lotId);
  checkKey(key);
  try {
    const iv = Buffer.from(sealed.iv, 'base64');
    const tag = Buffer.from(sealed.tag, 'base64');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('bad iv or tag length');
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(lotId));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new DomainError('RESERVE_DECRYPTION_FAILED', 'the sealed reserve cannot be opened with this key for this lot', undefined);
  }
}

// ───────────────────────────── sealing and revealing ─────────────────────────────

export interface SealReserveInput {
  readonly lotId: string;
  readonly committee: readonly string[];
  readonly proposals: readonly ReserveProposal[];
  readonly startPrice: Money;
  readonly roundingUnit: Money;
  /** 32 random bytes (crypto.randomBytes(32) in production). */
  readonly salt: Buffer;
  /** The 32-byte encryption key of the reserve at rest. */
  readonly key: Buffer;
  readonly settings?: ListingSettingsOverrides;
}

export interface SealedReserve {
  /** The reserve; secret until the close — for the committee's own view only. */
  readonly value: Money;
  /** Public from the moment of sealing. */
  readonly commitment: string;
  /** The encrypted canonical string (value and salt), stored on reserve_seal. */
  readonly sealed: SealedReserveValue;
}

/** Checks the proposals are complete, computes the reserve, commits to it and encrypts value and salt. */
export function sealReserve(input: SealReserveInput): SealedReserve {
  checkProposalsComplete(input.committee, input.proposals, input.settings);
  const value = computeReserve(
    input.proposals.map((p) => p.value),
    input.roundingUnit,
    input.startPrice,
  );
  const { commitment, canonical } = commitReserve(input.lotId, value, input.salt);
  return { value, commitment, sealed: sealReserveValue(input.lotId, canonical, input.key) };
}

/**
 * Opens the sealed reserve at the close: `{ value, saltHex, canonical, commitment }` to publish.
 * RESERVE_DECRYPTION_FAILED for another lot, key or tampered data; INVALID_RESERVE_CANONICAL if the
 * plaintext is not a canonical string of this lot.
 */
export function revealReserve(
  lotId: string,
  sealed: SealedReserveValue,
  key: Buffer,
): { value: Money; saltHex: string; canonical: string; commitment: string } {
  const canonical = openReserveValue(lotId, sealed, key);
  const parts = parseReserveCanonical(canonical);
  if (parts.lotId !== lotId) throw new DomainError('INVALID_RESERVE_CANONICAL', 'the sealed reserve belongs to another lot', 'lotId');
  return { value: parts.value, saltHex: parts.saltHex, canonical, commitment: sha256(canonical).toString('hex') };
}
