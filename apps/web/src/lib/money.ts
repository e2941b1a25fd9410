import { Area } from '@app/money/area';
import { Money } from '@app/money/money';
import { Decimal, groupThousands } from '@app/money/decimal';
import { DomainError } from '@app/common/domain-error';

/**
 * Money in the browser: decimal strings from the API, Decimal (decimal.js) in code, never a JS number.
 * The parsing, 大写 and rounding are the server's own (libs/money), imported, not copied.
 */
export { Money };

const WAN = new Decimal('10000');

/** "13900000.00" → "13,900,000.00" */
export function formatYuanAmount(amount: string): string {
  return groupThousands(Money.of(amount).toString());
}

/** "13950000.00" → "1,395"; exact (a fen is 0.000001 万元, so 6 places never round), trailing zeros dropped. */
export function formatWanAmount(amount: string): string {
  const wan = Money.of(amount).toDecimal().div(WAN);
  const [int, frac] = wan.toFixed(6).split('.');
  const fraction = (frac ?? '').replace(/0+$/, '');
  return groupThousands(int!) + (fraction ? `.${fraction}` : '');
}

/** 中文大写金额: "13900000.00" → "壹仟叁佰玖拾万元整" */
export function toChineseCapital(amount: string): string {
  return Money.of(amount).toChineseCapital();
}

export type MoneyParse = { ok: true; value: string } | { ok: false; code: string; message: string };

/**
 * What a person typed, as an amount in yuan with at most 2 places: the server's own strict parser, after
 * removing the thousands separators and spaces people type. The canonical string is what is sent.
 */
export function parseMoneyInput(text: string, opts: { min?: string; max?: string } = {}): MoneyParse {
  const cleaned = text.replace(/[,，\s]/g, '');
  if (cleaned === '') return { ok: false, code: 'REQUIRED', message: 'required' };
  try {
    return { ok: true, value: Money.parse(cleaned, 'amount', { min: opts.min, max: opts.max }).toString() };
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
}

/** a + n × step, exactly. */
export function addSteps(amount: string, step: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError('steps must be whole');
  // A count of steps, not an amount: it becomes a Decimal from its decimal digits.
  return Money.of(amount).add(Money.of(step).multiply(new Decimal(String(n)))).toString();
}

export function compareMoney(a: string, b: string): -1 | 0 | 1 {
  return Money.of(a).compare(Money.of(b));
}

/** An area in square metres as sent by the API ("17800.00") with thousands separators: "17,800.00". */
export function formatArea(area: string): string {
  return groupThousands(Area.of(area).toString());
}
