import type { TimedFinalRoundTerms } from '@app/listing/domain/lot-terms';
import { decide } from './engine';
import {
  bid,
  HOUR,
  lastOfType,
  listingTerms,
  m,
  MINUTE,
  ofType,
  ok,
  opened,
  plus,
  rejected,
  reserveOf,
  run,
  SECOND,
  T0,
  tick,
  withReserve,
} from './engine.fixtures';
import { highestQuote, listingEndOutcome } from './listing-end';
import type { LotTradingState, PriceLead } from './trading-state';

const END = plus(T0, 10 * 24 * HOUR);

function round(extra: Partial<TimedFinalRoundTerms> = {}): TimedFinalRoundTerms {
  return { enabled: true, entry: 'opt_in', startAt: 'listing_high', preparationGapMinutes: 15, ...extra };
}

const optIn = (bidderNumber: string) => ({ type: 'opt_in' as const, bidderNumber });

describe('listing: quotes', () => {
  const state = opened(listingTerms());

  it('opens at the listing start with the listing end as its deadline', () => {
    expect(state.phase).toBe('listing');
    expect(state.deadline).toEqual(END);
  });

  it('accepts quotes 24 hours a day during the listing period (03:00 in Shanghai)', () => {
    const night = new Date('2025-10-16T19:00:00.000Z');
    expect(ok(decide(state, bid('001', '10000000.00'), night)).events).toHaveLength(1);
  });

  it('the first quote is at least the start price; later ones follow the increment policy', () => {
    expect(rejected(decide(state, bid('001', '9999999.99'), plus(T0, HOUR))).code).toBe('PRICE_TOO_LOW');
    const { state: s } = run(state, [[bid('001', '10000000.00'), plus(T0, HOUR)]]);
    expect(rejected(decide(s, bid('002', '10099999.99'), plus(T0, 2 * HOUR))).code).toBe('PRICE_TOO_LOW');
    const jiangsu = opened(listingTerms({ incrementPolicy: 'whole_multiple' }));
    const { state: j } = run(jiangsu, [[bid('001', '10000000.00'), plus(T0, HOUR)]]);
    expect(rejected(decide(j, bid('002', '10150000.00'), plus(T0, 2 * HOUR))).code).toBe('NOT_MULTIPLE_OF_INCREMENT');
  });

  it('a quote does not move the listing end', () => {
    const d = ok(decide(state, bid('001', '10000000.00'), plus(T0, HOUR)));
    expect(d.state.deadline).toEqual(END);
    expect(lastOfType(d.events, 'bid:accepted').deadline).toEqual(END);
  });

  it('quotes cannot be withdrawn: they only accumulate, and the leader cannot replace its quote with a lower one', () => {
    const { state: s } = run(state, [
      [bid('001', '10000000.00'), plus(T0, HOUR)],
      [bid('002', '10100000.00'), plus(T0, 2 * HOUR)],
    ]);
    expect(s.quotes.map((q) => [q.bidderNumber, q.price.toString()])).toEqual([
      ['001', '10000000.00'],
      ['002', '10100000.00'],
    ]);
    expect(rejected(decide(s, bid('002', '10000000.00'), plus(T0, 3 * HOUR))).code).toBe('ALREADY_LEADING');
  });

  it('equal listing quotes: the earlier wins', () => {
    const t1 = plus(T0, HOUR);
    const { state: s } = run(state, [[bid('001', '10000000.00'), t1]]);
    expect(rejected(decide(s, bid('002', '10000000.00'), plus(t1, 1))).code).toBe('PRICE_TOO_LOW');
    const d = ok(decide(s, tick(), plus(END, 1)));
    expect(lastOfType(d.events, 'lot:closed')).toMatchObject({ outcome: 'sold', winnerNumber: '001' });
    // and the rule itself, on any list of quotes
    const q = (bidderNumber: string, at: Date): PriceLead => ({ price: m('10000000.00'), bidderNumber, at });
    expect(highestQuote([q('002', plus(t1, 5)), q('001', t1)])?.bidderNumber).toBe('001');
  });
});

describe('listing: the quiet period before the end', () => {
  const quiet = opened(listingTerms(), { settings: { quoteBlackoutMinutesBeforeListingEnd: 60 } });

  it('no quotes in the last hour when the setting is on', () => {
    expect(rejected(decide(quiet, bid('001', '10000000.00'), plus(END, -60 * MINUTE))).code).toBe('QUIET_PERIOD');
    expect(rejected(decide(quiet, bid('001', '10000000.00'), END)).code).toBe('QUIET_PERIOD');
  });

  it('a quote 1 ms before the last hour is accepted', () => {
    expect(ok(decide(quiet, bid('001', '10000000.00'), plus(END, -60 * MINUTE - 1))).events).toHaveLength(1);
  });

  it('the quiet period is off by default', () => {
    expect(ok(decide(opened(listingTerms()), bid('001', '10000000.00'), END)).events).toHaveLength(1);
  });

  it('opting in to the timed round is still possible in the quiet period', () => {
    const s = opened(listingTerms({ timedFinalRound: round() }), { settings: { quoteBlackoutMinutesBeforeListingEnd: 60 } });
    expect(ok(decide(s, optIn('001'), plus(END, -MINUTE))).events).toEqual([
      { type: 'opt_in:accepted', at: plus(END, -MINUTE), purpose: 'timed_round', bidderNumber: '001' },
    ]);
  });
});

describe('listing end', () => {
  it('no valid quote: unsold NO_BIDS', () => {
    const d = ok(decide(opened(listingTerms()), tick(), plus(END, 1)));
    expect(d.events).toEqual([{ type: 'lot:closed', at: plus(END, 1), outcome: 'unsold', reason: 'NO_BIDS' }]);
  });

  it('too few qualified bidders at the listing end: unsold TOO_FEW_BIDDERS', () => {
    const d = ok(decide(opened(listingTerms(), { qualified: [] }), tick(), plus(END, 1)));
    expect(lastOfType(d.events, 'lot:closed').reason).toBe('TOO_FEW_BIDDERS');
    const two = opened(listingTerms({ minBidders: 3 }), { qualified: ['001', '002'] });
    const { state: s } = run(two, [[bid('001', '10000000.00'), plus(T0, HOUR)]]);
    expect(lastOfType(ok(decide(s, tick(), plus(END, 1))).events, 'lot:closed').reason).toBe('TOO_FEW_BIDDERS');
  });

  it('the listing end itself still takes quotes; the first tick after it closes', () => {
    const { state: s } = run(opened(listingTerms()), [[bid('001', '10000000.00'), END]]);
    expect(ok(decide(s, tick(), END)).events).toEqual([]);
    expect(rejected(decide(s, bid('002', '10100000.00'), plus(END, 1))).code).toBe('PHASE_CLOSED');
  });

  describe('timed round off: the highest quote wins if it meets the reserve', () => {
    const s = opened(withReserve(listingTerms()));
    const { state: quoted } = run(s, [
      [bid('001', '10000000.00'), plus(T0, HOUR)],
      [bid('002', '10200000.00'), plus(T0, 2 * HOUR)],
    ]);

    it('meets it: sold to the highest quote', () => {
      const d = ok(decide(quoted, tick(reserveOf('10200000.00')), plus(END, 1)));
      expect(d.events).toEqual([{ type: 'lot:closed', at: plus(END, 1), outcome: 'sold', price: m('10200000.00'), winnerNumber: '002' }]);
    });

    it('misses it: unsold RESERVE_NOT_MET', () => {
      expect(lastOfType(ok(decide(quoted, tick(reserveOf('10200000.01')), plus(END, 1))).events, 'lot:closed')).toEqual({
        type: 'lot:closed',
        at: plus(END, 1),
        outcome: 'unsold',
        reason: 'RESERVE_NOT_MET',
      });
    });
  });

  it('fewer than two bidders want to continue: the highest quote wins without a round', () => {
    const s = opened(listingTerms({ timedFinalRound: round() }));
    const { state: q } = run(s, [
      [bid('001', '10000000.00'), plus(T0, HOUR)],
      [optIn('001'), plus(T0, 2 * HOUR)],
    ]);
    const d = ok(decide(q, tick(), plus(END, 1)));
    expect(d.events.map((e) => e.type)).toEqual(['lot:closed']);
    expect(lastOfType(d.events, 'lot:closed').winnerNumber).toBe('001');
  });

  it('the pure rule: TOO_FEW_BIDDERS, then NO_BIDS, then award or round', () => {
    const quote: PriceLead = { price: m('10000000.00'), bidderNumber: '001', at: T0 };
    const base = { quotes: [quote], qualified: ['001', '002'], minBidders: 1, timedRoundOptIns: ['001', '002'] };
    expect(listingEndOutcome({ ...base, qualified: [], minBidders: 1 })).toEqual({ kind: 'unsold', reason: 'TOO_FEW_BIDDERS' });
    expect(listingEndOutcome({ ...base, quotes: [] })).toEqual({ kind: 'unsold', reason: 'NO_BIDS' });
    expect(listingEndOutcome(base).kind).toBe('award');
    expect(listingEndOutcome({ ...base, timedFinalRound: round() }).kind).toBe('timed_round');
    expect(listingEndOutcome({ ...base, timedFinalRound: round({ enabled: false }) }).kind).toBe('award');
    expect(listingEndOutcome({ ...base, timedFinalRound: round({ entry: 'all_qualified' }), timedRoundOptIns: [] }).kind).toBe('timed_round');
  });
});

describe('the timed final round (限时竞价)', () => {
  /** Listing with quotes by 001 (10.0 M) and 002 (10.2 M), 001 and 002 opted in. */
  function toRound(extra: Partial<TimedFinalRoundTerms> = {}, reserve = false): LotTradingState {
    const terms = listingTerms({ timedFinalRound: round(extra) });
    const s = opened(reserve ? withReserve(terms) : terms);
    return run(s, [
      [bid('001', '10000000.00'), plus(T0, HOUR)],
      [bid('002', '10200000.00'), plus(T0, 2 * HOUR)],
      [optIn('001'), plus(T0, 3 * HOUR)],
      [optIn('002'), plus(T0, 4 * HOUR)],
    ]).state;
  }
  const OPENS = plus(END, 15 * MINUTE);
  const ROUND_END = plus(OPENS, 240 * SECOND);

  it('two opt-ins start the round after the preparation gap, with a 240 s countdown', () => {
    const d = ok(decide(toRound(), tick(), plus(END, 1)));
    expect(d.events).toEqual([
      { type: 'phase:changed', at: plus(END, 1), from: 'listing', to: 'timed_round', opensAt: OPENS, deadline: ROUND_END, startPrice: m('10200000.00') },
    ]);
    expect(d.state.phase).toBe('timed_round');
  });

  it('bids during the preparation gap are rejected NOT_OPEN_YET', () => {
    const s = ok(decide(toRound(), tick(), plus(END, 1))).state;
    expect(rejected(decide(s, bid('001', '10300000.00'), plus(OPENS, -1))).code).toBe('NOT_OPEN_YET');
    expect(ok(decide(s, bid('001', '10300000.00'), OPENS)).events).toHaveLength(1);
  });

  it('starts at the listing high: the first round bid must beat it by an increment, and the listing leader cannot bid first', () => {
    const s = ok(decide(toRound(), tick(), plus(END, 1))).state;
    expect(rejected(decide(s, bid('001', '10200000.00'), OPENS)).code).toBe('PRICE_TOO_LOW');
    expect(rejected(decide(s, bid('002', '10300000.00'), OPENS)).code).toBe('ALREADY_LEADING');
  });

  it('listing_high_plus_increment: the round opens at high + increment, which anyone entered may take', () => {
    const d = ok(decide(toRound({ startAt: 'listing_high_plus_increment' }), tick(), plus(END, 1)));
    expect(lastOfType(d.events, 'phase:changed').startPrice).toEqual(m('10300000.00'));
    expect(ok(decide(d.state, bid('002', '10300000.00'), OPENS)).events).toHaveLength(1);
  });

  it('a bid from a bidder who did not opt in is rejected in an opt-in timed round', () => {
    const s = ok(decide(toRound(), tick(), plus(END, 1))).state;
    expect(rejected(decide(s, bid('003', '10300000.00'), OPENS))).toMatchObject({ code: 'NOT_ENTERED', field: 'bidderNumber' });
  });

  it('all_qualified entry: every qualified bidder may bid in the round, and opting in is not asked', () => {
    const terms = listingTerms({ timedFinalRound: round({ entry: 'all_qualified', preparationGapMinutes: 0 }) });
    const s = opened(terms);
    expect(rejected(decide(s, optIn('001'), plus(T0, HOUR))).code).toBe('NOT_APPLICABLE');
    const { state: q } = run(s, [[bid('001', '10000000.00'), plus(T0, HOUR)]]);
    const r = ok(decide(q, tick(), plus(END, 1))).state;
    expect(r.phase).toBe('timed_round');
    expect(ok(decide(r, bid('003', '10100000.00'), plus(END, 2))).events).toHaveLength(1);
  });

  it('the countdown restarts on every accepted bid', () => {
    const s = ok(decide(toRound(), tick(), plus(END, 1))).state;
    const t1 = plus(OPENS, 200 * SECOND);
    const t2 = plus(t1, 239 * SECOND);
    const { state: after } = run(s, [
      [bid('001', '10300000.00'), t1],
      [bid('002', '10400000.00'), t2],
    ]);
    expect(after.deadline).toEqual(plus(t2, 240 * SECOND));
  });

  it('warnings at 60, 30 and 10 s; a tick that crosses several announces only the latest; a bid re-arms them', () => {
    let s = ok(decide(toRound(), tick(), plus(END, 1))).state;
    const at = (left: number) => plus(ROUND_END, -left);
    const warn = (now: Date) => {
      const d = ok(decide(s, tick(), now));
      s = d.state;
      return ofType(d.events, 'countdown:warning').map((e) => e.secondsLeft);
    };
    expect(warn(at(61 * SECOND))).toEqual([]);
    expect(warn(at(60 * SECOND))).toEqual([60]);
    expect(warn(at(45 * SECOND))).toEqual([]);
    expect(warn(at(30 * SECOND))).toEqual([30]);
    expect(warn(at(29 * SECOND))).toEqual([]);
    const t = at(20 * SECOND);
    s = ok(decide(s, bid('001', '10300000.00'), t)).state;
    const end2 = plus(t, 240 * SECOND);
    expect(ofType(ok(decide(s, tick(), plus(end2, -5 * SECOND))).events, 'countdown:warning').map((e) => e.secondsLeft)).toEqual([10]);
  });

  it('nobody bids in the round: the listing leader wins', () => {
    const s = ok(decide(toRound(), tick(), plus(END, 1))).state;
    const d = ok(decide(s, tick(), plus(ROUND_END, 1)));
    expect(lastOfType(d.events, 'lot:closed')).toMatchObject({ outcome: 'sold', winnerNumber: '002', price: m('10200000.00') });
  });

  it('nobody bids in a round opened at high + increment: the listing leader wins at its quote', () => {
    const s = ok(decide(toRound({ startAt: 'listing_high_plus_increment' }), tick(), plus(END, 1))).state;
    const d = ok(decide(s, tick(), plus(ROUND_END, 1)));
    expect(lastOfType(d.events, 'lot:closed')).toMatchObject({ outcome: 'sold', winnerNumber: '002', price: m('10200000.00') });
  });

  it('the listing leader still needs the reserve when nobody bids in the round', () => {
    const s = ok(decide(toRound({}, true), tick(), plus(END, 1))).state;
    const d = ok(decide(s, tick(reserveOf('10300000.00')), plus(ROUND_END, 1)));
    expect(lastOfType(d.events, 'lot:closed')).toMatchObject({ outcome: 'unsold', reason: 'RESERVE_NOT_MET' });
  });

  it('at the end of the round the highest price wins if it meets the reserve, else unsold', () => {
    const s = ok(decide(toRound({}, true), tick(), plus(END, 1))).state;
    const { state: after } = run(s, [[bid('001', '10500000.00'), OPENS]]);
    const end = plus(OPENS, 240 * SECOND + 1);
    expect(lastOfType(ok(decide(after, tick(reserveOf('10500000.00')), end)).events, 'lot:closed')).toMatchObject({
      outcome: 'sold',
      price: m('10500000.00'),
      winnerNumber: '001',
    });
    expect(lastOfType(ok(decide(after, tick(reserveOf('10600000.00')), end)).events, 'lot:closed').reason).toBe('RESERVE_NOT_MET');
  });

  it('a tick long after the listing end runs the schedule: round opened and ended without bids, the listing leader wins', () => {
    const late = plus(ROUND_END, HOUR);
    const d = ok(decide(toRound(), tick(), late));
    expect(d.events.map((e) => e.type)).toEqual(['phase:changed', 'lot:closed']);
    expect(lastOfType(d.events, 'phase:changed').deadline).toEqual(ROUND_END);
    expect(lastOfType(d.events, 'lot:closed').winnerNumber).toBe('002');
  });

  it('opting in closes with the listing end', () => {
    const terms = listingTerms({ timedFinalRound: round() });
    const s = opened(terms);
    expect(rejected(decide(s, optIn('001'), plus(END, 1))).code).toBe('PHASE_CLOSED');
    const { state: once } = run(s, [[optIn('001'), plus(T0, HOUR)]]);
    expect(rejected(decide(once, optIn('001'), plus(T0, 2 * HOUR))).code).toBe('ALREADY_ENTERED');
    expect(rejected(decide(s, optIn('009'), plus(T0, HOUR))).code).toBe('NOT_QUALIFIED');
  });
});
