import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { toChineseCapital } from './chinese-capital';
import { Decimal } from './decimal';
import { Money } from './money';

const cap = (amount: string): string => Money.of(amount).toChineseCapital();

/** Independent reader of 大写 amounts, used to check the writer: returns fen. */
function readCapital(text: string): bigint {
  const DIGITS = '零壹贰叁肆伍陆柒捌玖';
  let rest = text;
  const negative = rest.startsWith('负');
  if (negative) rest = rest.slice(1);
  rest = rest.replace(/整$/, '');
  let yuanText = '';
  let fractionText = rest;
  if (rest.includes('元')) [yuanText, fractionText] = rest.split('元');

  let total = 0n; // ≥ 亿
  let current = 0n; // < 亿
  let section = 0n; // < 万
  let num = 0n;
  for (const ch of yuanText) {
    const d = DIGITS.indexOf(ch);
    if (d >= 0) {
      num = BigInt(d);
    } else if (ch === '拾' || ch === '佰' || ch === '仟') {
      section += num * { 拾: 10n, 佰: 100n, 仟: 1000n }[ch];
      num = 0n;
    } else if (ch === '万') {
      current += (section + num) * 10000n;
      section = 0n;
      num = 0n;
    } else if (ch === '亿') {
      total = (total + current + section + num) * 100000000n;
      current = 0n;
      section = 0n;
      num = 0n;
    } else {
      throw new Error(`unexpected ${ch} in ${text}`);
    }
  }
  let fen = (total + current + section + num) * 100n;
  const jiao = /(.)角/.exec(fractionText);
  const fenMatch = /(.)分/.exec(fractionText);
  if (jiao) fen += BigInt(DIGITS.indexOf(jiao[1])) * 10n;
  if (fenMatch) fen += BigInt(DIGITS.indexOf(fenMatch[1]));
  return negative ? -fen : fen;
}

describe('toChineseCapital: the examples of the brief', () => {
  it.each([
    ['12500000.00', '壹仟贰佰伍拾万元整'],
    ['1000000.00', '壹佰万元整'],
    ['100000000.00', '壹亿元整'],
    ['10.50', '壹拾元伍角'],
    ['1002.05', '壹仟零贰元零伍分'],
    ['100100.00', '壹拾万零壹佰元整'],
    ['0.00', '零元整'],
    ['0.05', '伍分'],
  ])('%s → %s', (amount, expected) => {
    expect(cap(amount)).toBe(expected);
  });
});

describe('toChineseCapital: the 《正确填写票据和结算凭证的基本规定》 examples and more', () => {
  it.each([
    ['1409.50', '壹仟肆佰零玖元伍角', 'a zero inside the number is one 零'],
    ['6007.14', '陆仟零柒元壹角肆分', 'consecutive zeros inside the number collapse to one 零'],
    ['1680.32', '壹仟陆佰捌拾元叁角贰分', 'no 零 between 元 and a non-zero 角'],
    ['107000.53', '壹拾万柒仟元伍角叁分', 'zeros at the end of a group are silent'],
    ['16409.02', '壹万陆仟肆佰零玖元零贰分', '角 zero and 分 non-zero: 零 after 元'],
    ['325.04', '叁佰贰拾伍元零肆分', '角 zero and 分 non-zero: 零 after 元'],
    ['10.00', '壹拾元整', '10 is written 壹拾, never bare 拾'],
    ['0.50', '伍角', 'below one yuan there is no 元, and no 整 after 角'],
    ['0.55', '伍角伍分', 'below one yuan there is no 元'],
    ['1.01', '壹元零壹分', '角 zero and 分 non-zero: 零 after 元'],
    ['100.10', '壹佰元壹角', 'no 整 after 角'],
    ['20000.00', '贰万元整', 'an amount ending at 元 gets 整'],
    ['200300.00', '贰拾万零叁佰元整', 'a zero at the start of a group after a non-zero group is 零'],
    ['30004000.00', '叁仟万肆仟元整', 'no 零 when the lower group starts with a non-zero digit'],
    ['30040000.00', '叁仟零肆万元整', 'zeros inside the 万 group'],
    ['100000001.00', '壹亿零壹元整', 'zeros across two groups collapse to one 零'],
    ['100010000.00', '壹亿零壹万元整', 'zeros across groups before 万'],
    ['100001000.00', '壹亿零壹仟元整', 'an all-zero 万 group between 亿 and 仟 is one 零'],
    ['1010000000.00', '壹拾亿壹仟万元整', 'a trailing zero of the 亿 group is silent'],
    ['1000000000000.00', '壹万亿元整', '10^12 is 壹万亿'],
    ['1000000000000000.00', '壹仟万亿元整', '10^15 is 壹仟万亿'],
    ['1234000056780000.00', '壹仟贰佰叁拾肆万亿零伍仟陆佰柒拾捌万元整', '亿 is kept when its group is zero'],
    [
      '1234567890123456.00',
      '壹仟贰佰叁拾肆万伍仟陆佰柒拾捌亿玖仟零壹拾贰万叁仟肆佰伍拾陆元整',
      'all four groups',
    ],
    [
      '9999999999999999.99',
      '玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分',
      'the largest supported amount',
    ],
    ['-1250.50', '负壹仟贰佰伍拾元伍角', 'a negative amount is prefixed with 负'],
    ['-0.05', '负伍分', 'a negative amount below one yuan is prefixed with 负'],
  ])('%s → %s (%s)', (amount, expected) => {
    expect(cap(amount)).toBe(expected);
  });
});

describe('toChineseCapital: properties', () => {
  const fenArb = fc.bigInt({ min: -(10n ** 18n - 1n), max: 10n ** 18n - 1n });

  it('reads back to the same amount for every amount up to 9999999999999999.99', () => {
    fc.assert(
      fc.property(fenArb, (fen) => {
        expect(readCapital(Money.fromFen(fen).toChineseCapital())).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back for sparse amounts full of zeros', () => {
    const sparse = fc
      .array(fc.constantFrom('0', '0', '0', '0', '1', '5', '9'), { minLength: 18, maxLength: 18 })
      .map((ds) => BigInt(ds.join('')));
    fc.assert(
      fc.property(sparse, (fen) => {
        expect(readCapital(Money.fromFen(fen).toChineseCapital())).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });

  it('never writes two 零 in a row, 零 before 元 or a unit, or a leading 零 (except 零元整)', () => {
    fc.assert(
      fc.property(fenArb, (fen) => {
        const text = Money.fromFen(fen).toChineseCapital();
        if (text === '零元整') return;
        expect(text).not.toMatch(/零零|零元|零[拾佰仟万亿角分]|^负?零|零整/);
        expect(text).not.toMatch(/[角分]整/);
        expect(text).toMatch(/(元整|角|分)$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('never writes 负零元整 for a zero amount', () => {
    expect(Money.of(new Decimal('-0')).toChineseCapital()).toBe('零元整');
  });
});

describe('toChineseCapital: limits', () => {
  it('rejects amounts above 9999999999999999.99 with OUT_OF_RANGE', () => {
    expect(() => toChineseCapital(new Decimal('10000000000000000'))).toThrow(DomainError);
    expect(() => Money.of('-10000000000000000.00').toChineseCapital()).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE' }) as unknown as Error,
    );
  });

  it('rejects more than 2 decimal places', () => {
    expect(() => toChineseCapital(new Decimal('1.005'))).toThrow(DomainError);
  });
});
