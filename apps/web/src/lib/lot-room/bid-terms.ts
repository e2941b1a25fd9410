import { Area } from '@app/money/area';
import { Decimal } from '@app/money/decimal';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import { DomainError } from '@app/common/domain-error';

/**
 * The rules of one lot a bidder needs before sending a value, read from the lot's terms (a JSON object
 * in the API's lot views). The server checks every bid again and is the only judge; these let the room
 * say the policy in words, step in whole increments, and catch a mistyped price before it leaves.
 */
export type IncrementPolicy = 'at_least_one' | 'whole_multiple';

export interface BidTerms {
  policy: IncrementPolicy;
  /** The largest jump above the current price, in increments (none: unlimited). */
  maxJumpIncrements: number | null;
  /** Seconds before the deadline at which the server warns (countdown:warning). */
  warningSeconds: number[];
  /** 竞配建: the area step (㎡); 竞自持: the share step (ratio 0–1). */
  areaStep: string | null;
  shareStep: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const wholeSeconds = (v: unknown): number[] => (Array.isArray(v) ? v.filter((n): n is number => Number.isSafeInteger(n) && (n as number) > 0) : []);
const decimalText = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** Reads what it knows from a lot's terms; anything missing falls back to the common default. */
export function readBidTerms(terms: unknown, extraWarnings: readonly number[] = []): BidTerms {
  const t = isObject(terms) ? terms : {};
  const round = isObject(t.timedFinalRound) ? t.timedFinalRound : {};
  const cap = isObject(t.capRule) ? t.capRule : {};
  const jump = t.maxJumpIncrements;
  const warnings = new Set([...wholeSeconds(t.warningSeconds), ...wholeSeconds(round.warningSeconds), ...extraWarnings]);
  return {
    policy: t.incrementPolicy === 'whole_multiple' ? 'whole_multiple' : 'at_least_one',
    maxJumpIncrements: typeof jump === 'number' && Number.isSafeInteger(jump) && jump > 0 ? jump : null,
    warningSeconds: [...warnings].sort((a, b) => b - a),
    areaStep: decimalText(cap.areaStep),
    shareStep: decimalText(cap.shareStep),
  };
}

export interface PriceContext {
  /** The current (highest) price, or null before the first bid. */
  current: string | null;
  /** The minimum next price the server announced (start price before the first bid). */
  minimum: string;
  increment: string;
  policy: IncrementPolicy;
  maxJumpIncrements: number | null;
  cap: string | null;
}

/** The refusal code the server would give this price (the same names), or null when it passes. */
export function checkPrice(price: string, ctx: PriceContext): 'PRICE_TOO_LOW' | 'NOT_MULTIPLE_OF_INCREMENT' | 'JUMP_TOO_LARGE' | 'ABOVE_CAP' | null {
  const p = Money.of(price);
  if (ctx.cap && p.compare(Money.of(ctx.cap)) > 0) return 'ABOVE_CAP';
  if (p.compare(Money.of(ctx.minimum)) < 0) return 'PRICE_TOO_LOW';
  // The grid is anchored on the current price, or on the start price (= the minimum) before the first bid.
  const base = Money.of(ctx.current ?? ctx.minimum).toDecimal();
  const step = Money.of(ctx.increment).toDecimal();
  if (ctx.policy === 'whole_multiple' && !p.toDecimal().minus(base).mod(step).isZero()) return 'NOT_MULTIPLE_OF_INCREMENT';
  if (ctx.maxJumpIncrements !== null && p.toDecimal().gt(base.plus(step.times(new Decimal(String(ctx.maxJumpIncrements)))))) return 'JUMP_TOO_LARGE';
  return null;
}

/** The increment in 万元 when it is a whole number of them, for "加价幅度 50 万元". */
export function incrementInWan(increment: string): string {
  return Money.of(increment).toDecimal().div(new Decimal('10000')).toString();
}

export type ParsedValue = { ok: true; value: string } | { ok: false; code: string };

/** A typed floor area in ㎡ (at most 2 places) as the decimal string the socket takes. */
export function parseAreaInput(text: string): ParsedValue {
  const cleaned = text.replace(/[,，\s㎡]/g, '');
  if (cleaned === '') return { ok: false, code: 'REQUIRED' };
  try {
    return { ok: true, value: Area.parse(cleaned, 'area').toString() };
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, code: err.code };
    throw err;
  }
}

/** A typed share in percent ("15.5" or "15.5%") as the ratio string the socket takes ("0.1550"). */
export function parseShareInput(text: string): ParsedValue {
  const cleaned = text.replace(/[\s%％]/g, '');
  if (cleaned === '') return { ok: false, code: 'REQUIRED' };
  try {
    return { ok: true, value: Ratio.fromPercentString(cleaned, 'share').toString() };
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, code: err.code };
    throw err;
  }
}

/** "0.1550" → "15.50%" */
export function formatShare(share: string): string {
  return Ratio.of(share).formatPercent();
}

/** "1200.00" → "1,200.00㎡" */
export function formatAreaM2(area: string): string {
  return Area.of(area).formatSquareMetres();
}

/** An area (㎡) plus n steps, exactly: "1200.00" + 2 × "100.00" → "1400.00". */
export function addAreaSteps(area: string, step: string, n: number): string {
  return Area.of(new Decimal(area).plus(new Decimal(step).times(new Decimal(String(n))))).toString();
}

/** A share plus n steps, as a percentage to type: "0.1500" + 1 × "0.0100" → "16.00". */
export function addShareStepsAsPercent(share: string, step: string, n: number): string {
  return Ratio.of(new Decimal(share).plus(new Decimal(step).times(new Decimal(String(n))))).toPercentString(2);
}
