import 'reflect-metadata';
import fc from 'fast-check';
import { Entity, getMetadataArgsStorage, In, MoreThan, PrimaryGeneratedColumn } from 'typeorm';
import { DomainError } from '@app/common/domain-error';
import { Area } from './area';
import { Money } from './money';
import {
  AreaColumn,
  areaTransformer,
  MoneyColumn,
  moneyTransformer,
  RatioColumn,
  ratioTransformer,
} from './money-column.decorator';
import { Ratio } from './ratio';

@Entity('money_column_spec_parcel')
class ParcelRow {
  @PrimaryGeneratedColumn()
  id: number;

  @MoneyColumn()
  startPrice: Money;

  @MoneyColumn({ nullable: true, name: 'deal_price' })
  dealPrice: Money | null;

  @MoneyColumn({ default: Money.zero() })
  deposit: Money;

  @AreaColumn()
  landArea: Area;

  @RatioColumn()
  plotRatio: Ratio;

  @RatioColumn({ scale: 6, precision: 12, nullable: true })
  share: Ratio | null;
}

function column(property: string) {
  const found = getMetadataArgsStorage().columns.find((c) => c.target === ParcelRow && c.propertyName === property);
  if (found === undefined) throw new Error(`no column ${property}`);
  return found.options;
}

describe('moneyTransformer', () => {
  it('round-trips every amount through the database string form', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n - 1n), max: 10n ** 18n - 1n }), (fen) => {
        const money = Money.fromFen(fen);
        const stored = moneyTransformer.to(money);
        expect(typeof stored).toBe('string');
        const back = moneyTransformer.from(stored);
        expect(back?.eq(money)).toBe(true);
      }),
    );
  });

  it('writes 2 places: Money 1250 → "1250.00"', () => {
    expect(moneyTransformer.to(Money.parse('1250'))).toBe('1250.00');
  });

  it('maps null and undefined to null and reads null as null', () => {
    expect(moneyTransformer.to(null)).toBeNull();
    expect(moneyTransformer.to(undefined)).toBeNull();
    expect(moneyTransformer.from(null)).toBeNull();
  });

  it('passes a FindOperator (or anything that is not Money) through unchanged', () => {
    const op = MoreThan(Money.parse('1.00'));
    expect(moneyTransformer.to(op)).toBe(op);
    const list = In(['1.00', '2.00']);
    expect(moneyTransformer.to(list)).toBe(list);
    expect(moneyTransformer.to('1.00')).toBe('1.00');
  });

  it('refuses a JS number coming back from the driver', () => {
    expect(() => moneyTransformer.from(1250 as unknown as string)).toThrow(DomainError);
  });
});

describe('areaTransformer and ratioTransformer', () => {
  it('round-trip areas and ratios', () => {
    expect(areaTransformer.from(areaTransformer.to(Area.parse('35000.5')))?.toString()).toBe('35000.50');
    const t = ratioTransformer();
    expect(t.to(Ratio.parse('2.5'))).toBe('2.5000');
    expect(t.from('2.5000')?.toString()).toBe('2.5000');
    expect(ratioTransformer(6).from('0.333333')?.toString()).toBe('0.333333');
  });

  it('keep the column scale when reading', () => {
    expect(ratioTransformer(2).from('1.50')?.scale).toBe(2);
  });

  it('pass non-values through and map null to null', () => {
    const op = MoreThan('1');
    expect(areaTransformer.to(op)).toBe(op);
    expect(ratioTransformer().to(op)).toBe(op);
    expect(areaTransformer.from(null)).toBeNull();
    expect(ratioTransformer().to(null)).toBeNull();
  });

  it('returns the same transformer for the same scale', () => {
    expect(ratioTransformer(4)).toBe(ratioTransformer());
  });
});

describe('column decorators', () => {
  it('@MoneyColumn() is numeric(18,2) with the money transformer', () => {
    expect(column('startPrice')).toMatchObject({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer });
  });

  it('@MoneyColumn passes nullable and name through', () => {
    expect(column('dealPrice')).toMatchObject({ type: 'numeric', nullable: true, name: 'deal_price' });
  });

  it('@MoneyColumn writes a Money default as its string', () => {
    expect(column('deposit').default).toBe('0.00');
  });

  it('@AreaColumn() is numeric(16,2) with the area transformer', () => {
    expect(column('landArea')).toMatchObject({ type: 'numeric', precision: 16, scale: 2, transformer: areaTransformer });
  });

  it('@RatioColumn() is numeric(9,4); scale and precision can be changed', () => {
    expect(column('plotRatio')).toMatchObject({ type: 'numeric', precision: 9, scale: 4 });
    expect(column('share')).toMatchObject({ type: 'numeric', precision: 12, scale: 6, nullable: true });
    const transformer = column('share').transformer as typeof moneyTransformer;
    expect(transformer.from('0.333333')?.toString()).toBe('0.333333');
  });
});
