import 'reflect-metadata';
import fc from 'fast-check';
import { validate, type ValidationError } from 'class-validator';
import { DomainError } from '@app/common/domain-error';
import { IsArea, IsDecimalString, IsMoney, IsRatio, toArea, toMoney, toRatio } from './is-money.validator';
import { Money } from './money';

class BidDto {
  @IsMoney()
  deposit: unknown;

  @IsMoney({ min: '0.01', max: '9999999999.99' })
  price: unknown;

  @IsMoney({ allowNegative: true })
  adjustment: unknown;

  @IsArea()
  landArea: unknown;

  @IsRatio()
  plotRatio: unknown;

  @IsDecimalString({ scale: 1, precision: 4, example: '12.5' })
  score: unknown;

  @IsMoney({ each: true })
  instalments: unknown;
}

function dto(overrides: Partial<Record<keyof BidDto, unknown>> = {}): BidDto {
  return Object.assign(new BidDto(), {
    deposit: '2500000.00',
    price: '12500000.00',
    adjustment: '-10.00',
    landArea: '35000.00',
    plotRatio: '2.5000',
    score: '12.5',
    instalments: ['1.00', '2.50'],
    ...overrides,
  });
}

async function errorsFor(overrides: Partial<Record<keyof BidDto, unknown>>): Promise<ValidationError[]> {
  return validate(dto(overrides));
}

async function messageFor(property: keyof BidDto, value: unknown): Promise<string | undefined> {
  const errors = await errorsFor({ [property]: value });
  const error = errors.find((e) => e.property === property);
  return error?.constraints === undefined ? undefined : Object.values(error.constraints)[0];
}

describe('@IsMoney and friends via class-validator validate()', () => {
  it('accept a valid DTO', async () => {
    expect(await errorsFor({})).toEqual([]);
  });

  it('@IsMoney names the property and shows the format', async () => {
    expect(await messageFor('deposit', '1.005')).toBe(
      'deposit must be a money amount as a string with at most 2 decimal places, like "12500000.00"',
    );
  });

  it('@IsMoney gives a separate message for a JSON number', async () => {
    expect(await messageFor('deposit', 1250000)).toBe(
      'deposit must be a string, not a JSON number: send "1250000.00"',
    );
  });

  it.each([
    ['an exponent such as 1e21', '1e21'],
    ['"NaN"', 'NaN'],
    ['"Infinity"', 'Infinity'],
    ['whitespace', ' 1.00'],
    ['"+1"', '+1'],
    ['a leading dot ".5"', '.5'],
    ['a trailing dot "5."', '5.'],
    ['null', null],
    ['an object', { amount: '1.00' }],
  ])('@IsMoney rejects %s', async (_label, value) => {
    expect(await messageFor('deposit', value)).toBe(
      'deposit must be a money amount as a string with at most 2 decimal places, like "12500000.00"',
    );
  });

  it('@IsMoney rejects negatives ("-0.01" and "-0") unless allowNegative', async () => {
    expect(await messageFor('deposit', '-0.01')).toBe('deposit must not be negative');
    expect(await messageFor('deposit', '-0')).toBe('deposit must not be negative');
    expect(await messageFor('adjustment', '-0.01')).toBeUndefined();
  });

  it('@IsMoney rejects amounts beyond NUMERIC(18,2) and outside min/max', async () => {
    expect(await messageFor('deposit', '10000000000000000.00')).toBe(
      'deposit is out of range: at most 9999999999999999.99 in absolute value is allowed',
    );
    expect(await messageFor('price', '0.00')).toBe('price must be at least 0.01');
    expect(await messageFor('price', '10000000000.00')).toBe('price must be at most 9999999999.99');
  });

  it('@IsMoney never accepts any JS number', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double(), async (n) => {
        expect(await messageFor('deposit', n)).toBeDefined();
      }),
      { numRuns: 50 },
    );
  });

  it('@IsMoney accepts every string Money.parse accepts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }), async (fen) => {
        expect(await messageFor('deposit', Money.fromFen(fen).toString())).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });

  it('@IsArea names the property', async () => {
    expect(await messageFor('landArea', '35000.001')).toBe(
      'landArea must be an area in square metres as a string with at most 2 decimal places, like "35000.00"',
    );
    expect(await messageFor('landArea', 35000)).toBe(
      'landArea must be a string, not a JSON number: send "35000.00"',
    );
  });

  it('@IsRatio names the property', async () => {
    expect(await messageFor('plotRatio', '2.50001')).toBe(
      'plotRatio must be a ratio as a string with at most 4 decimal places, like "2.5000"',
    );
    expect(await messageFor('plotRatio', 2.5)).toBe('plotRatio must be a string, not a JSON number: send "2.5000"');
  });

  it('@IsDecimalString applies its own scale and precision', async () => {
    expect(await messageFor('score', '12.55')).toBe(
      'score must be a decimal string with at most 1 decimal place, like "12.5"',
    );
    expect(await messageFor('score', '1000')).toBe('score is out of range: at most 999.9 in absolute value is allowed');
    expect(await messageFor('score', '999.9')).toBeUndefined();
  });

  it('{ each: true } validates every item and explains the first bad one', async () => {
    expect(await messageFor('instalments', ['1.00', 2, '3.00'])).toBe(
      'each value in instalments must be a string, not a JSON number: send "2.00"',
    );
  });

  it('a custom message still wins', async () => {
    class Custom {
      @IsMoney({ message: 'bad money' })
      amount: unknown = '1.001';
    }
    const [error] = await validate(new Custom());
    expect(Object.values(error.constraints ?? {})).toEqual(['bad money']);
  });
});

describe('toMoney, toArea, toRatio for services after validation', () => {
  it('convert validated strings', () => {
    expect(toMoney('12500000.00', 'price').toString()).toBe('12500000.00');
    expect(toArea('35000', 'landArea').toString()).toBe('35000.00');
    expect(toRatio('2.5', 'plotRatio').toString()).toBe('2.5000');
  });

  it('pass an existing Money through', () => {
    const m = Money.parse('1.00');
    expect(toMoney(m)).toBe(m);
  });

  it('throw a DomainError naming the field for invalid input (never a number)', () => {
    expect(() => toMoney(1250, 'deposit')).toThrow(DomainError);
    try {
      toMoney('1.005', 'deposit');
    } catch (e) {
      expect((e as DomainError).field).toBe('deposit');
      expect((e as DomainError).message).toContain('deposit');
    }
    expect.assertions(3);
  });
});
