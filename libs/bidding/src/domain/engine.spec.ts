import { DomainError } from '@app/common/domain-error';
import type { Money } from '@app/money/money';
import { decide } from './engine';
import {
  auctionTerms,
  bid,
  lastOfType,
  lot,
  m,
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
import { createTradingState, tradingSnapshot } from './trading-state';

describe('auction: opening', () => {
  it('opens at its start with a 60 s countdown', () => {
    const d = ok(decide(lot(auctionTerms()), tick(), T0));
    expect(d.state.phase).toBe('auction_round');
    expect(d.state.deadline).toEqual(plus(T0, 60 * SECOND));
    expect(d.events).toEqual([{ type: 'phase:changed', at: T0, from: 'applying', to: 'auction_round', deadline: plus(T0, 60 * SECOND) }]);
  });

  it('does not open before its start', () => {
    const state = lot(auctionTerms());
    const d = ok(decide(state, tick(), plus(T0, -1)));
    expect(d.state).toBe(state);
    expect(d.events).toEqual([]);
    expect(rejected(decide(state, bid('001', '10000000.00'), plus(T0, -1))).code).toBe('NOT_OPEN_YET');
  });

  it('too few qualified bidders (3 for an auction by default): unsold TOO_FEW_BIDDERS', () => {
    const d = ok(decide(lot(auctionTerms(), { qualified: ['001', '002'] }), tick(), T0));
    expect(d.state.phase).toBe('closed_unsold');
    expect(d.events).toEqual([{ type: 'lot:closed', at: T0, outcome: 'unsold', reason: 'TOO_FEW_BIDDERS' }]);
  });

  it("the lot's own minimum of bidders overrides the setting", () => {
    const d = ok(decide(lot(auctionTerms({ minBidders: 2 }), { qualified: ['001', '002'] }), tick(), T0));
    expect(d.state.phase).toBe('auction_round');
  });

  it('a lot countdown from the terms (90 s) replaces the default', () => {
    expect(opened(auctionTerms({ countdownSeconds: 90 })).deadline).toEqual(plus(T0, 90 * SECOND));
  });
});

describe('auction: bids and the countdown', () => {
  const state = opened(auctionTerms());

  it('accepts a bid and announces price, bidder number and the new deadline', () => {
    const now = plus(T0, 5 * SECOND);
    const d = ok(decide(state, bid('001', '10000000.00'), now));
    expect(d.events).toEqual([
      { type: 'bid:accepted', at: now, phase: 'auction_round', price: m('10000000.00'), bidderNumber: '001', deadline: plus(now, 60 * SECOND) },
    ]);
    expect(tradingSnapshot(d.state)).toMatchObject({ currentPrice: m('10000000.00'), leaderNumber: '001', minimumNextPrice: m('10100000.00') });
  });

  it('the countdown restarts on every accepted bid', () => {
    const t1 = plus(T0, 50 * SECOND);
    const t2 = plus(t1, 59 * SECOND);
    const { state: after } = run(state, [
      [bid('001', '10000000.00'), t1],
      [bid('002', '10100000.00'), t2],
    ]);
    expect(after.deadline).toEqual(plus(t2, 60 * SECOND));
  });

  it('a rejected bid does not restart the countdown', () => {
    const t1 = plus(T0, 10 * SECOND);
    const { state: after } = run(state, [[bid('001', '10000000.00'), t1]]);
    expect(rejected(decide(after, bid('002', '10050000.00'), plus(t1, 30 * SECOND))).code).toBe('PRICE_TOO_LOW');
    expect(after.deadline).toEqual(plus(t1, 60 * SECOND));
  });

  it('accepts a bid that reaches the server exactly at the deadline', () => {
    expect(ok(decide(state, bid('001', '10000000.00'), plus(T0, 60 * SECOND))).events).toHaveLength(1);
  });

  it('rejects a bid that reaches the server 1 ms after the deadline', () => {
    expect(rejected(decide(state, bid('001', '10000000.00'), plus(T0, 60 * SECOND + 1)))).toMatchObject({ code: 'PHASE_CLOSED' });
  });

  it('the current leader may not raise its own bid (ALREADY_LEADING)', () => {
    const { state: after } = run(state, [[bid('001', '10000000.00'), plus(T0, SECOND)]]);
    expect(rejected(decide(after, bid('001', '10100000.00'), plus(T0, 2 * SECOND))).code).toBe('ALREADY_LEADING');
  });

  it('a bidder number that is not qualified is rejected NOT_QUALIFIED', () => {
    expect(rejected(decide(state, bid('009', '10000000.00'), plus(T0, SECOND)))).toMatchObject({ code: 'NOT_QUALIFIED', field: 'bidderNumber' });
  });

  it('a bidder qualified later (Qualify, no event) may bid', () => {
    const q = ok(decide(state, { type: 'qualify', bidderNumber: '009' }, plus(T0, SECOND)));
    expect(q.events).toEqual([]);
    expect(ok(decide(q.state, bid('009', '10000000.00'), plus(T0, 2 * SECOND))).events).toHaveLength(1);
  });

  it('rejects a bad client bid id', () => {
    const d = decide(state, { type: 'place_bid', bidderNumber: '001', clientBidId: '', price: m('10000000.00') }, plus(T0, SECOND));
    expect(rejected(d)).toMatchObject({ code: 'INVALID_CLIENT_BID_ID', field: 'clientBidId' });
  });

  it('a malformed command is a programming error, not a rejection', () => {
    expect(() => decide(state, { type: 'place_bid', bidderNumber: 'no|pipes', clientBidId: 'x', price: m('1.00') }, T0)).toThrow(DomainError);
    expect(() => decide(state, tick(), new Date('nope'))).toThrow(DomainError);
  });
});

describe('auction: the close', () => {
  const state = opened(auctionTerms());

  it('no bid before the countdown runs out: unsold NO_BIDS', () => {
    expect(ofType(ok(decide(state, tick(), plus(T0, 60 * SECOND))).events, 'lot:closed')).toEqual([]);
    const d = ok(decide(state, tick(), plus(T0, 60 * SECOND + 1)));
    expect(d.state.phase).toBe('closed_unsold');
    expect(d.events).toEqual([{ type: 'lot:closed', at: plus(T0, 60 * SECOND + 1), outcome: 'unsold', reason: 'NO_BIDS' }]);
  });

  it('the highest bid wins when the countdown runs out (no reserve)', () => {
    const t1 = plus(T0, SECOND);
    const { state: after } = run(state, [
      [bid('001', '10000000.00'), t1],
      [bid('002', '10300000.00'), plus(t1, SECOND)],
    ]);
    const end = plus(t1, SECOND + 60 * SECOND + 1);
    const d = ok(decide(after, tick(), end));
    expect(d.events).toEqual([{ type: 'lot:closed', at: end, outcome: 'sold', price: m('10300000.00'), winnerNumber: '002' }]);
    expect(d.state.outcome).toMatchObject({ outcome: 'sold', winnerNumber: '002' });
  });

  describe('with a sealed reserve of 10,500,000.00', () => {
    const reserved = opened(withReserve(auctionTerms()));
    const t1 = plus(T0, SECOND);
    const end = plus(t1, 61 * SECOND);

    it('a bid at exactly the reserve wins (≥, not >)', () => {
      const { state: after } = run(reserved, [[bid('001', '10500000.00'), t1]]);
      const d = ok(decide(after, tick(reserveOf('10500000.00')), end));
      expect(lastOfType(d.events, 'lot:closed')).toMatchObject({ outcome: 'sold', price: m('10500000.00'), winnerNumber: '001' });
    });

    it('a bid one fen below the reserve: unsold RESERVE_NOT_MET, and the reserve appears nowhere', () => {
      const { state: after } = run(reserved, [[bid('001', '10499999.99'), t1]]);
      const d = ok(decide(after, tick(reserveOf('10500000.00')), end));
      expect(d.events).toEqual([{ type: 'lot:closed', at: end, outcome: 'unsold', reason: 'RESERVE_NOT_MET' }]);
      expect(JSON.stringify(d)).not.toContain('10500000');
    });

    it('the engine asks for the reserve check instead of holding the reserve (RESERVE_CHECK_REQUIRED)', () => {
      const { state: after } = run(reserved, [[bid('001', '10500000.00'), t1]]);
      expect(JSON.stringify(after)).not.toMatch(/reserve"?:\s*"\d/);
      expect(rejected(decide(after, tick(), end))).toMatchObject({ code: 'RESERVE_CHECK_REQUIRED' });
      // a tick that closes nothing needs no check
      expect(ofType(ok(decide(after, tick(), plus(t1, 30 * SECOND))).events, 'lot:closed')).toEqual([]);
    });

    it('the reserve check is consulted once, with the final price only', () => {
      const { state: after } = run(reserved, [
        [bid('001', '10000000.00'), t1],
        [bid('002', '10600000.00'), plus(t1, SECOND)],
      ]);
      const asked: Money[] = [];
      ok(
        decide(
          after,
          tick((p) => {
            asked.push(p);
            return true;
          }),
          plus(t1, 62 * SECOND),
        ),
      );
      expect(asked).toEqual([m('10600000.00')]);
    });
  });

  it('a lot without a reserve ignores the check', () => {
    const { state: after } = run(state, [[bid('001', '10000000.00'), plus(T0, SECOND)]]);
    const d = ok(decide(after, tick(() => false), plus(T0, 62 * SECOND)));
    expect(lastOfType(d.events, 'lot:closed').outcome).toBe('sold');
  });

  it('no events after close: commands are rejected LOT_CLOSED and ticks do nothing', () => {
    const closed = ok(decide(state, tick(), plus(T0, 61 * SECOND))).state;
    const later = plus(T0, 120 * SECOND);
    expect(rejected(decide(closed, bid('001', '10000000.00'), later)).code).toBe('LOT_CLOSED');
    expect(rejected(decide(closed, { type: 'freeze', reason: 'x', supervisorApproved: true }, later)).code).toBe('LOT_CLOSED');
    expect(rejected(decide(closed, { type: 'change_increment', increment: m('1.00'), reason: 'x' }, later)).code).toBe('LOT_CLOSED');
    expect(ok(decide(closed, tick(), later)).events).toEqual([]);
  });
});

describe('auction: staff change the increment', () => {
  const state = opened(auctionTerms());
  const t1 = plus(T0, SECOND);
  const { state: withBid } = run(state, [[bid('001', '10000000.00'), t1]]);

  it('announces increment:changed and the next bid follows it', () => {
    const d = ok(decide(withBid, { type: 'change_increment', increment: m('50000.00'), reason: 'slow bidding' }, plus(t1, SECOND)));
    expect(d.events).toEqual([
      { type: 'increment:changed', at: plus(t1, SECOND), previous: m('100000.00'), increment: m('50000.00'), reason: 'slow bidding' },
    ]);
    expect(ok(decide(d.state, bid('002', '10050000.00'), plus(t1, 2 * SECOND))).events).toHaveLength(1);
  });

  it('needs a reason and a positive increment', () => {
    expect(rejected(decide(withBid, { type: 'change_increment', increment: m('50000.00'), reason: ' ' }, t1)).code).toBe('REASON_REQUIRED');
    expect(rejected(decide(withBid, { type: 'change_increment', increment: m('0.00'), reason: 'r' }, t1))).toMatchObject({
      code: 'INVALID_INCREMENT',
      field: 'increment',
    });
  });

  it('cannot push one increment past the cap', () => {
    const capped = opened(auctionTerms({ priceCap: m('10500000.00'), capRule: { mode: 'lottery', optInWindowMinutes: 10 } }));
    const { state: s } = run(capped, [[bid('001', '10000000.00'), t1]]);
    expect(rejected(decide(s, { type: 'change_increment', increment: m('600000.00'), reason: 'r' }, t1)).code).toBe('INCREMENT_EXCEEDS_CAP');
  });
});

describe('creating the trading state', () => {
  it('refuses invalid terms (a programming error: terms are checked when published)', () => {
    expect(() => lot(auctionTerms({ increment: undefined }))).toThrow(DomainError);
  });

  it('refuses a listing without an end', () => {
    expect(() => createTradingState({ lotId: 'lot-1', terms: auctionTerms({ method: 'listing' }), opensAt: T0 })).toThrow(DomainError);
  });

  it('keeps the terms trading needs and never a reserve value', () => {
    const state = lot(withReserve(auctionTerms()));
    expect(state.terms.hasReserve).toBe(true);
    expect(Object.keys(state.terms)).not.toContain('reserveRoundingUnit');
    expect(state.phase).toBe('applying');
  });
});

describe('events never carry identities', () => {
  it('bidders appear as bidder numbers only', () => {
    const { events } = run(opened(auctionTerms()), [
      [bid('001', '10000000.00'), plus(T0, SECOND)],
      [tick(), plus(T0, 62 * SECOND)],
    ]);
    const keys = new Set(events.flatMap((e) => Object.keys(e)));
    for (const k of ['bidderId', 'userId', 'name', 'creditCode', 'idNumber', 'clientBidId']) expect(keys.has(k)).toBe(false);
    expect(ofType(events, 'bid:accepted')[0].bidderNumber).toBe('001');
  });
});
