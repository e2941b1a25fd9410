import { DomainError } from '@app/common/domain-error';
import { Decimal, DecimalErrorCode } from './decimal';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const POSITIONS = ['', '拾', '佰', '仟'] as const;

/** Largest amount spelt out: 16 integer digits (NUMERIC(18,2)). */
export const MAX_CHINESE_CAPITAL = '9999999999999999.99';

function digit(ch: string): string {
  return DIGITS[Number(ch)];
}

/**
 * Integer yuan as 大写, 16 digits at most, in groups of four: 万, 亿, 万(亿).
 * - 壹拾 is always written in full (10 → 壹拾, not 拾), as on contracts and cheques.
 * - Zeros at the end of a non-zero group are silent (壹拾亿壹仟万); any other run of zeros before a
 *   non-zero digit, inside a group or across group boundaries, is one 零 (壹拾万零壹佰, 壹亿零壹仟).
 * - When the 亿 group is all zeros but a higher group is not, 亿 is still written (壹仟万亿).
 */
function integerToCapital(integer: string): string {
  const digits = integer.replace(/^0+/, '');
  const n = digits.length;
  let out = '';
  let pendingZero = false;
  const groupValue = (p: number): boolean => {
    // digits at positions p..p+3 (counted from the right) contain a non-zero digit
    const start = Math.max(0, n - p - 4);
    const end = n - p;
    return end > 0 && /[1-9]/.test(digits.slice(start, end));
  };
  for (let i = 0; i < n; i++) {
    const p = n - 1 - i;
    const ch = digits[i];
    if (ch === '0') {
      pendingZero = out !== '';
    } else {
      if (pendingZero) out += '零';
      pendingZero = false;
      out += digit(ch) + POSITIONS[p % 4];
    }
    if (p > 0 && p % 4 === 0) {
      const groupNonZero = groupValue(p);
      if (p === 8) {
        if (groupNonZero || groupValue(12)) out += '亿';
      } else if (groupNonZero) {
        out += '万';
      }
      // Trailing zeros of a non-zero group are not read; an all-zero group keeps the pending 零.
      if (groupNonZero) pendingZero = false;
    }
  }
  return out;
}

/**
 * An amount in yuan (at most 2 decimal places, |amount| ≤ 9999999999999999.99) as 中文大写金额.
 *
 * Convention (中国人民银行《支付结算办法》附件《正确填写票据和结算凭证的基本规定》):
 * - an amount that ends at 元 gets 整: 壹仟贰佰伍拾万元整; 0.00 → 零元整;
 * - no 整 after 角 (the rules make it optional; we never write it): 10.50 → 壹拾元伍角;
 *   never 整 after 分: 壹仟零贰元零伍分;
 * - 角 zero and 分 non-zero: 零 after 元 (1002.05 → 壹仟零贰元零伍分);
 * - 元 digit zero and 角 non-zero: no 零 (the rules allow either; 1680.32 → 壹仟陆佰捌拾元叁角贰分);
 * - below one yuan there is no 元: 0.05 → 伍分, 0.50 → 伍角;
 * - negative amounts are prefixed with 负.
 */
export function toChineseCapital(amount: Decimal): string {
  const value = new Decimal(amount);
  if (!value.isFinite() || value.decimalPlaces() > 2) {
    throw new DomainError(DecimalErrorCode.INVALID_DECIMAL, 'amount must have at most 2 decimal places');
  }
  if (value.abs().gt(MAX_CHINESE_CAPITAL)) {
    throw new DomainError(
      DecimalErrorCode.OUT_OF_RANGE,
      `amount is out of range for 大写: at most ${MAX_CHINESE_CAPITAL} in absolute value`,
    );
  }
  const sign = value.isNegative() && !value.isZero() ? '负' : '';
  const [integer, fraction] = value.abs().toFixed(2).split('.');
  const jiao = fraction[0];
  const fen = fraction[1];
  const yuan = integerToCapital(integer);

  if (yuan === '') {
    if (jiao === '0' && fen === '0') return '零元整';
    return sign + (jiao === '0' ? '' : `${digit(jiao)}角`) + (fen === '0' ? '' : `${digit(fen)}分`);
  }
  let out = `${sign}${yuan}元`;
  if (jiao === '0' && fen === '0') return `${out}整`;
  if (jiao === '0') return `${out}零${digit(fen)}分`;
  out += `${digit(jiao)}角`;
  if (fen !== '0') out += `${digit(fen)}分`;
  return out;
}
