import { DomainError } from '@app/common/domain-error';
import { Decimal } from '@app/money/decimal';
import { checkAscending, checkClientBidId, checkNotLeading, checkPriceBid, inQuietPeriod, isPastDeadline, reachesCap, type PriceBidContext } from './bid-rules';
import { HOUR, m, MINUTE, plus, T0 } from './engine.fixtures';

const ctx = (extra: Partial<PriceBidContext> = {}): PriceBidContext => ({
  startPrice: m('10000000.00'),
  increment: m('100000.00'),
  policy: 'at_least_one',
  ...extra,
});

describe('the first bid', () => {
  it('may equal the start price', () => {
    expect(checkPriceBid(m('10000000.00'), ctx())).toBeNull();
  });

  it('below the start price is rejected PRICE_TOO_LOW', () => {
    expect(checkPriceBid(m('9999999.99'), ctx())).toMatchObject({ code: 'PRICE_TOO_LOW', field: 'price' });
  });

  it('whole_multiple anchors the first bid on the start price', () => {
    const c = ctx({ policy: 'whole_multiple' });
    expect(checkPriceBid(m('10200000.00'), c)).toBeNull();
    expect(checkPriceBid(m('10150000.00'), c)?.code).toBe('NOT_MULTIPLE_OF_INCREMENT');
  });
});

describe('later bids', () => {
  const current = m('10500000.00');

  it('must be at least current + increment', () => {
    expect(checkPriceBid(m('10600000.00'), ctx({ current }))).toBeNull();
    expect(checkPriceBid(m('10599999.99'), ctx({ current }))?.code).toBe('PRICE_TOO_LOW');
  });

  it('a bid equal to the current price is too low (the earlier of two equal prices stands)', () => {
    expect(checkPriceBid(current, ctx({ current }))?.code).toBe('PRICE_TOO_LOW');
  });

  it('at_least_one accepts current + 1.5 increments', () => {
    expect(checkPriceBid(m('10650000.00'), ctx({ current }))).toBeNull();
  });

  it('whole_multiple accepts current + 3 increments', () => {
    expect(checkPriceBid(m('10800000.00'), ctx({ current, policy: 'whole_multiple' }))).toBeNull();
  });

  it('whole_multiple rejects current + 1.5 increments', () => {
    expect(checkPriceBid(m('10650000.00'), ctx({ current, policy: 'whole_multiple' }))).toMatchObject({
      code: 'NOT_MULTIPLE_OF_INCREMENT',
      field: 'price',
    });
  });

  it('whole_multiple rejects current + 1 increment + 1 fen', () => {
    expect(checkPriceBid(m('10600000.01'), ctx({ current, policy: 'whole_multiple' }))?.code).toBe('NOT_MULTIPLE_OF_INCREMENT');
  });

  it('a maximum jump of 5 increments accepts 5 and rejects 6', () => {
    const c = ctx({ current, maxJumpIncrements: 5 });
    expect(checkPriceBid(m('11000000.00'), c)).toBeNull();
    expect(checkPriceBid(m('11000000.01'), c)?.code).toBe('JUMP_TOO_LARGE');
    expect(checkPriceBid(m('11100000.00'), c)?.code).toBe('JUMP_TOO_LARGE');
  });

  it('the maximum jump of a first bid counts from the start price', () => {
    const c = ctx({ maxJumpIncrements: 5 });
    expect(checkPriceBid(m('10500000.00'), c)).toBeNull();
    expect(checkPriceBid(m('10600000.00'), c)?.code).toBe('JUMP_TOO_LARGE');
  });
});

describe('the price cap', () => {
  const cap = m('12000000.00');

  it('a bid may equal the cap but not exceed it', () => {
    expect(checkPriceBid(cap, ctx({ current: m('11900000.00'), cap }))).toBeNull();
    expect(checkPriceBid(m('12000000.01'), ctx({ current: m('11900000.00'), cap }))).toMatchObject({ code: 'ABOVE_CAP', field: 'price' });
  });

  it('reaching the cap, or one increment exceeding it, stops price bidding', () => {
    const inc = m('100000.00');
    expect(reachesCap(cap, inc, cap)).toBe(true);
    expect(reachesCap(m('11950000.00'), inc, cap)).toBe(true);
    expect(reachesCap(m('11900000.00'), inc, cap)).toBe(false);
    expect(reachesCap(m('11900000.00'), inc, undefined)).toBe(false);
  });
});

describe('who may bid', () => {
  it('the current leader may not raise its own bid (ALREADY_LEADING)', () => {
    expect(checkNotLeading('001', '001')?.code).toBe('ALREADY_LEADING');
    expect(checkNotLeading('002', '001')).toBeNull();
    expect(checkNotLeading('002', undefined)).toBeNull();
  });
});

describe('time', () => {
  const end = plus(T0, 10 * 24 * HOUR);

  it('the deadline instant itself still counts; 1 ms after is late', () => {
    expect(isPastDeadline(end, end)).toBe(false);
    expect(isPastDeadline(plus(end, 1), end)).toBe(true);
  });

  it('the quiet period covers the last hour, from end − 60 min included', () => {
    expect(inQuietPeriod(plus(end, -60 * MINUTE - 1), end, 60)).toBe(false);
    expect(inQuietPeriod(plus(end, -60 * MINUTE), end, 60)).toBe(true);
    expect(inQuietPeriod(end, end, 60)).toBe(true);
  });

  it('the quiet period is off when the setting is 0', () => {
    expect(inQuietPeriod(end, end, 0)).toBe(false);
  });
});

describe('checkAscending (shared by prices, areas, shares)', () => {
  const d = (s: string): Decimal => new Decimal(s);

  it('checks maximum, minimum, multiple and jump in that order', () => {
    const rule = { start: d('100'), current: d('120'), step: d('10'), policy: 'whole_multiple' as const, maxJumpSteps: 2, maximum: d('150') };
    expect(checkAscending(d('151'), rule)?.kind).toBe('above_maximum');
    expect(checkAscending(d('125'), rule)?.kind).toBe('too_low');
    expect(checkAscending(d('135'), rule)?.kind).toBe('not_multiple');
    expect(checkAscending(d('150'), rule)?.kind).toBe('jump_too_large');
    expect(checkAscending(d('140'), rule)).toBeNull();
  });

  it('a step of zero is a programming error', () => {
    expect(() => checkAscending(d('1'), { start: d('1'), step: d('0'), policy: 'at_least_one' })).toThrow(DomainError);
  });
});

describe('client bid ids', () => {
  it('accepts a UUID and refuses empty or odd ids', () => {
    expect(checkClientBidId('0b6f8a52-8f5e-4a53-9d0d-1c5c1f4f9e11')).toBeNull();
    expect(checkClientBidId('')?.code).toBe('INVALID_CLIENT_BID_ID');
    expect(checkClientBidId('a b')?.code).toBe('INVALID_CLIENT_BID_ID');
  });
});
