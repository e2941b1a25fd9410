import { createHash } from 'node:crypto';
import { DomainError } from '@app/common/domain-error';
import type { CapRule, LotTerms } from '@app/listing/domain/lot-terms';
import { closestToAverage, drawWinner, lotteryCommitment, verifyLotteryDraw } from './cap-modes';
import type { Command } from './commands';
import { decide } from './engine';
import {
  area,
  auctionTerms,
  bid,
  lastOfType,
  listingTerms,
  m,
  MINUTE,
  ofType,
  ok,
  opened,
  plus,
  ratio,
  rejected,
  reserveOf,
  run,
  SECOND,
  T0,
  tick,
  withReserve,
} from './engine.fixtures';
import { sealedBidCommitment } from './tender';
import type { LotTradingState } from './trading-state';

const CAP = '10500000.00';
const T1 = plus(T0, SECOND);
const T2 = plus(T0, 2 * SECOND);

function capped(rule: CapRule, extra: Partial<LotTerms> = {}): LotTradingState {
  return opened(auctionTerms({ priceCap: m(CAP), capRule: rule, ...extra }));
}

/** 001 bids the start, 002 bids the cap at T2. */
function atCap(rule: CapRule, extra: Partial<LotTerms> = {}): LotTradingState {
  return run(capped(rule, extra), [
    [bid('001', '10000000.00'), T1],
    [bid('002', CAP), T2],
  ]).state;
}

const AREA_RULE: CapRule = { mode: 'build_in_area', startArea: area('1000.00'), areaStep: area('100.00') };
const SHARE_RULE: CapRule = { mode: 'self_held_share', startShare: ratio('0.1000'), shareStep: ratio('0.0500') };
const LOTTERY_RULE: CapRule = { mode: 'lottery', optInWindowMinutes: 10 };
const SEALED_RULE: CapRule = { mode: 'one_sealed_price', guidePrice: m('10000000.00'), bandLower: ratio('0.2500'), bandUpper: ratio('0.5000') };

const areaBid = (bidderNumber: string, value: string): Command => ({ type: 'place_cap_bid', bidderNumber, area: area(value) });
const shareBid = (bidderNumber: string, value: string): Command => ({ type: 'place_cap_bid', bidderNumber, share: ratio(value) });
const optIn = (bidderNumber: string): Command => ({ type: 'opt_in', bidderNumber });
const SALT = (n: number): string => n.toString(16).padStart(2, '0').repeat(32);

describe('reaching the cap', () => {
  it('reaching the cap switches to 竞配建', () => {
    const d = ok(decide(run(capped(AREA_RULE), [[bid('001', '10000000.00'), T1]]).state, bid('002', CAP), T2));
    expect(d.events).toEqual([
      { type: 'bid:accepted', at: T2, phase: 'auction_round', price: m(CAP), bidderNumber: '002', deadline: plus(T2, 60 * SECOND) },
      { type: 'phase:changed', at: T2, from: 'auction_round', to: 'cap_round', deadline: plus(T2, 60 * SECOND) },
      {
        type: 'cap:reached',
        at: T2,
        mode: 'build_in_area',
        price: m(CAP),
        priceLeaderNumber: '002',
        deadline: plus(T2, 60 * SECOND),
        startArea: area('1000.00'),
      },
    ]);
    expect(d.state.phase).toBe('cap_round');
  });

  it('one more increment would exceed the cap: the cap mode starts at the last price', () => {
    const s = capped(AREA_RULE);
    const d = ok(decide(s, bid('001', '10450000.00'), T1));
    expect(lastOfType(d.events, 'cap:reached').price).toEqual(m('10450000.00'));
  });

  it('a bid above the cap is rejected ABOVE_CAP', () => {
    expect(rejected(decide(capped(AREA_RULE), bid('001', '10500000.01'), T1)).code).toBe('ABOVE_CAP');
  });

  it('a listing quote at the cap ends the listing early', () => {
    const s = opened(listingTerms({ priceCap: m(CAP), capRule: LOTTERY_RULE }));
    const d = ok(decide(s, bid('001', CAP), T1));
    expect(lastOfType(d.events, 'phase:changed')).toMatchObject({ from: 'listing', to: 'cap_round' });
  });

  it('price bids are rejected once the cap round runs', () => {
    expect(rejected(decide(atCap(AREA_RULE), bid('003', CAP), plus(T2, SECOND))).code).toBe('WRONG_PHASE');
  });
});

describe('竞配建 (build-in area)', () => {
  const s = atCap(AREA_RULE);

  it('area bids from the start area in steps; the largest area wins; the countdown restarts', () => {
    const t3 = plus(T2, 10 * SECOND);
    const t4 = plus(t3, 50 * SECOND);
    const { state: after, events } = run(s, [
      [areaBid('001', '1100.00'), t3],
      [areaBid('003', '1350.00'), t4],
    ]);
    expect(ofType(events, 'area:accepted').map((e) => [e.bidderNumber, e.area.toString()])).toEqual([
      ['001', '1100.00'],
      ['003', '1350.00'],
    ]);
    expect(after.deadline).toEqual(plus(t4, 60 * SECOND));
    const d = ok(decide(after, tick(), plus(t4, 60 * SECOND + 1)));
    expect(lastOfType(d.events, 'lot:closed')).toEqual({
      type: 'lot:closed',
      at: plus(t4, 60 * SECOND + 1),
      outcome: 'sold',
      price: m(CAP),
      winnerNumber: '003',
      area: area('1350.00'),
    });
  });

  it('the bidder who reached the cap holds the start area: others bid at least one step more; it cannot outbid itself', () => {
    expect(rejected(decide(s, areaBid('001', '1099.99'), plus(T2, SECOND)))).toMatchObject({ code: 'AREA_TOO_LOW', field: 'area' });
    expect(rejected(decide(s, areaBid('002', '1200.00'), plus(T2, SECOND))).code).toBe('ALREADY_LEADING');
  });

  it('nobody bids an area: the bidder who reached the cap wins with the start area', () => {
    const d = ok(decide(s, tick(), plus(T2, 61 * SECOND)));
    expect(lastOfType(d.events, 'lot:closed')).toMatchObject({ outcome: 'sold', winnerNumber: '002', area: area('1000.00') });
  });

  it('whole_multiple: an area off the step grid is rejected', () => {
    const j = atCap(AREA_RULE, { incrementPolicy: 'whole_multiple' });
    expect(rejected(decide(j, areaBid('001', '1150.00'), plus(T2, SECOND))).code).toBe('NOT_MULTIPLE_OF_STEP');
    expect(ok(decide(j, areaBid('001', '1200.00'), plus(T2, SECOND))).events).toHaveLength(1);
  });

  it('a share bid in an area round is the wrong mode', () => {
    expect(rejected(decide(s, shareBid('001', '0.2000'), plus(T2, SECOND))).code).toBe('WRONG_MODE');
  });

  it('area bids 1 ms after the cap round deadline are rejected', () => {
    expect(rejected(decide(s, areaBid('001', '1100.00'), plus(T2, 60 * SECOND + 1))).code).toBe('PHASE_CLOSED');
  });

  it('the reserve applies to the cap price', () => {
    const r = atCap(AREA_RULE, withReserve(auctionTerms({ priceCap: m(CAP), capRule: AREA_RULE })));
    expect(lastOfType(ok(decide(r, tick(reserveOf(CAP)), plus(T2, 61 * SECOND))).events, 'lot:closed').outcome).toBe('sold');
  });
});

describe('竞自持 (self-held share)', () => {
  const s = atCap(SHARE_RULE);

  it('share bids in steps win by the largest share', () => {
    const { state: after } = run(s, [[shareBid('003', '0.2500'), plus(T2, SECOND)]]);
    const d = ok(decide(after, tick(), plus(T2, 62 * SECOND)));
    expect(lastOfType(d.events, 'lot:closed')).toMatchObject({ winnerNumber: '003', share: ratio('0.2500'), price: m(CAP) });
  });

  it('a share never exceeds 100%, nor stays below the leading share + one step', () => {
    expect(rejected(decide(s, shareBid('001', '1.0001'), plus(T2, SECOND))).code).toBe('SHARE_ABOVE_100_PERCENT');
    expect(rejected(decide(s, shareBid('001', '0.1499'), plus(T2, SECOND))).code).toBe('SHARE_TOO_LOW');
    expect(ok(decide(s, shareBid('001', '1.0000'), plus(T2, SECOND))).events).toHaveLength(1);
  });
});

describe('摇号 (lottery)', () => {
  const SEED = 'a3'.repeat(32);
  const commit: Command = { type: 'commit_lottery_seed', commitment: lotteryCommitment(SEED) };
  const WINDOW_END = plus(T2, 10 * MINUTE);

  it('one entrant (the bidder who reached the cap; silence is a decline) wins directly at the cap price', () => {
    const s = atCap(LOTTERY_RULE);
    const d = ok(decide(s, tick(), plus(WINDOW_END, 1)));
    expect(d.events.map((e) => e.type)).toEqual(['lottery:entrants', 'lot:closed']);
    expect(lastOfType(d.events, 'lottery:entrants').entrants).toEqual(['002']);
    expect(lastOfType(d.events, 'lot:closed')).toMatchObject({ outcome: 'sold', winnerNumber: '002', price: m(CAP) });
  });

  it('opt-ins close with the window; only opted-in bidders are entrants', () => {
    const s = atCap(LOTTERY_RULE);
    const { state: after } = run(s, [[optIn('003'), WINDOW_END]]);
    expect(rejected(decide(after, optIn('001'), plus(WINDOW_END, 1))).code).toBe('PHASE_CLOSED');
    expect(rejected(decide(after, optIn('003'), WINDOW_END)).code).toBe('ALREADY_ENTERED');
    const d = ok(decide(after, tick(), plus(WINDOW_END, 1)));
    expect(d.events).toEqual([{ type: 'lottery:entrants', at: plus(WINDOW_END, 1), entrants: ['002', '003'] }]);
  });

  it('the seed commitment must be published before the window closes', () => {
    const s = atCap(LOTTERY_RULE);
    const { state: closed } = run(s, [
      [optIn('001'), plus(T2, MINUTE)],
      [tick(), plus(WINDOW_END, 1)],
    ]);
    expect(rejected(decide(closed, commit, plus(WINDOW_END, 2))).code).toBe('PHASE_CLOSED');
    expect(rejected(decide(closed, { type: 'draw_lottery', seedHex: SEED }, plus(WINDOW_END, 2))).code).toBe('NO_SEED_COMMITMENT');
  });

  it('the commitment may be published before trading even opens, once', () => {
    const s = capped(LOTTERY_RULE);
    const d = ok(decide(s, commit, T1));
    expect(d.events).toEqual([{ type: 'lottery:committed', at: T1, commitment: lotteryCommitment(SEED) }]);
    expect(rejected(decide(d.state, commit, T1)).code).toBe('ALREADY_COMMITTED');
    expect(rejected(decide(capped(AREA_RULE), commit, T1)).code).toBe('NOT_APPLICABLE');
  });

  describe('the draw', () => {
    const s = run(atCap(LOTTERY_RULE), [
      [commit, plus(T2, SECOND)],
      [optIn('001'), plus(T2, MINUTE)],
      [optIn('003'), plus(T2, 2 * MINUTE)],
      [tick(), plus(WINDOW_END, 1)],
    ]).state;
    const DRAW_AT = plus(WINDOW_END, MINUTE);

    it('waits for the window to close', () => {
      const open = run(atCap(LOTTERY_RULE), [[commit, plus(T2, SECOND)]]).state;
      expect(rejected(decide(open, { type: 'draw_lottery', seedHex: SEED }, plus(T2, MINUTE))).code).toBe('WINDOW_OPEN');
    });

    it('a seed that does not match the commitment is rejected', () => {
      expect(rejected(decide(s, { type: 'draw_lottery', seedHex: 'b4'.repeat(32) }, DRAW_AT))).toMatchObject({ code: 'SEED_MISMATCH', field: 'seedHex' });
    });

    it('the lottery winner can be recomputed from the published seed and entrants', () => {
      const d = ok(decide(s, { type: 'draw_lottery', seedHex: SEED }, DRAW_AT));
      const drawn = lastOfType(d.events, 'lottery:drawn');
      const closed = lastOfType(d.events, 'lot:closed');
      expect(drawn.entrants).toEqual(['001', '002', '003']);
      // anyone, from the published values only:
      expect(createHash('sha256').update(Buffer.from(drawn.seedHex, 'hex')).digest('hex')).toBe(drawn.commitment);
      const digest = createHash('sha256').update(Buffer.from(drawn.seedHex, 'hex')).update('001,002,003').digest('hex');
      const index = Number(BigInt(`0x${digest}`) % 3n);
      expect(drawn.index).toBe(index);
      expect(closed).toMatchObject({ outcome: 'sold', winnerNumber: drawn.entrants[index], price: m(CAP) });
      expect(verifyLotteryDraw(drawn.commitment, drawn.seedHex, drawn.entrants, drawn.index)).toBe(true);
      expect(verifyLotteryDraw(drawn.commitment, drawn.seedHex, drawn.entrants, (drawn.index + 1) % 3)).toBe(false);
    });
  });

  it('drawWinner needs a 32-byte seed and sorted distinct entrants', () => {
    expect(() => drawWinner('ab', ['001'])).toThrow(DomainError);
    expect(() => drawWinner(SEED, ['002', '001'])).toThrow(DomainError);
    expect(() => drawWinner(SEED, ['001', '001'])).toThrow(DomainError);
    expect(() => drawWinner(SEED, [])).toThrow(DomainError);
    expect(drawWinner(SEED, ['001'])).toBe(0);
  });

  it('drawWinner spreads over all entrants', () => {
    const entrants = ['001', '002', '003', '004'];
    const seen = new Set<number>();
    for (let i = 0; i < 64; i++) seen.add(drawWinner(i.toString(16).padStart(64, '0'), entrants));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('一次报价 (one sealed price)', () => {
  const WINDOW_END = plus(T2, 30 * MINUTE);
  const submit = (bidderNumber: string, price: string, salt = SALT(Number(bidderNumber))): Command => ({
    type: 'submit_sealed',
    bidderNumber,
    price: m(price),
    saltHex: salt,
  });
  const reveal = (bidderNumber: string, price: string) => ({ bidderNumber, price: m(price), saltHex: SALT(Number(bidderNumber)) });

  it('one sealed price: closest to the average wins, ties to the lower', () => {
    // 12.6 M, 12.8 M, 13.0 M → average 12.8 M: 002 wins
    const values = (prices: string[]) => prices.map((p, order) => ({ price: m(p), at: plus(T0, order), order }));
    expect(closestToAverage(values(['12600000.00', '12800000.00', '13000000.00']))?.order).toBe(1);
    // 12.6 M and 13.0 M → average 12.8 M, both 0.2 M away: the lower wins
    expect(closestToAverage(values(['13000000.00', '12600000.00']))?.order).toBe(1);
    // equal prices: the earlier submission
    expect(closestToAverage(values(['12600000.00', '12600000.00']))?.order).toBe(0);
  });

  it('the band edges are included; outside the band is rejected OUT_OF_BAND', () => {
    const s = atCap(SEALED_RULE);
    const at = plus(T2, MINUTE);
    expect(ok(decide(s, submit('001', '12500000.00'), at)).events).toHaveLength(1);
    expect(ok(decide(s, submit('001', '15000000.00'), at)).events).toHaveLength(1);
    expect(rejected(decide(s, submit('001', '12499999.99'), at))).toMatchObject({ code: 'OUT_OF_BAND', field: 'price' });
    expect(rejected(decide(s, submit('001', '15000000.01'), at)).code).toBe('OUT_OF_BAND');
  });

  it('a second submission from the same bidder is rejected', () => {
    const { state: s } = run(atCap(SEALED_RULE), [[submit('001', '12600000.00'), plus(T2, MINUTE)]]);
    expect(rejected(decide(s, submit('001', '12700000.00'), plus(T2, 2 * MINUTE))).code).toBe('ALREADY_SUBMITTED');
  });

  it('the engine stores only commitments until the opening', () => {
    const { state: s, events } = run(atCap(SEALED_RULE), [[submit('001', '12612345.00'), plus(T2, MINUTE)]]);
    expect(JSON.stringify({ s, events })).not.toContain('12612345');
    expect(lastOfType(events, 'sealed:received').commitment).toBe(sealedBidCommitment('lot-42', '001', m('12612345.00'), SALT(1)));
  });

  describe('the opening', () => {
    const s = run(atCap(SEALED_RULE), [
      [submit('001', '12600000.00'), plus(T2, MINUTE)],
      [submit('003', '13000000.00'), plus(T2, 2 * MINUTE)],
      [submit('002', '12800000.00'), plus(T2, 3 * MINUTE)],
    ]).state;

    it('waits for the window to close, then picks the price closest to the average', () => {
      const open: Command = { type: 'open_sealed', reveals: [reveal('001', '12600000.00'), reveal('002', '12800000.00'), reveal('003', '13000000.00')] };
      expect(rejected(decide(s, open, plus(T2, 4 * MINUTE))).code).toBe('WINDOW_OPEN');
      const closed = ok(decide(s, tick(), plus(WINDOW_END, 1)));
      expect(closed.events).toEqual([{ type: 'sealed:window_closed', at: plus(WINDOW_END, 1), count: 3 }]);
      const d = ok(decide(closed.state, open, plus(WINDOW_END, MINUTE)));
      expect(lastOfType(d.events, 'sealed:opened').average).toEqual(m('12800000.00'));
      expect(lastOfType(d.events, 'lot:closed')).toMatchObject({ outcome: 'sold', winnerNumber: '002', price: m('12800000.00') });
    });

    it('a reveal that does not match its commitment is rejected', () => {
      const closed = ok(decide(s, tick(), plus(WINDOW_END, 1))).state;
      const open: Command = { type: 'open_sealed', reveals: [reveal('001', '12600000.00'), reveal('002', '12800000.01'), reveal('003', '13000000.00')] };
      expect(rejected(decide(closed, open, plus(WINDOW_END, MINUTE)))).toMatchObject({ code: 'REVEAL_MISMATCH', field: 'reveals[1]' });
      const missing: Command = { type: 'open_sealed', reveals: [reveal('001', '12600000.00')] };
      expect(rejected(decide(closed, missing, plus(WINDOW_END, MINUTE))).code).toBe('REVEAL_MISSING');
    });
  });

  it('nobody submits: the bidder who reached the cap wins at the cap price', () => {
    const d = ok(decide(atCap(SEALED_RULE), tick(), plus(WINDOW_END, 1)));
    expect(d.events.map((e) => e.type)).toEqual(['sealed:window_closed', 'lot:closed']);
    expect(lastOfType(d.events, 'lot:closed')).toMatchObject({ outcome: 'sold', winnerNumber: '002', price: m(CAP) });
  });
});

describe('cap rounds after an opt-in timed round', () => {
  it('only the entrants of the round take part', () => {
    const terms = listingTerms({
      priceCap: m(CAP),
      capRule: LOTTERY_RULE,
      timedFinalRound: { enabled: true, entry: 'opt_in', startAt: 'listing_high', preparationGapMinutes: 0 },
    });
    const end = plus(T0, 10 * 24 * 3_600_000);
    const s = run(opened(terms), [
      [bid('001', '10000000.00'), T1],
      [optIn('001'), T1],
      [optIn('002'), T1],
      [tick(), plus(end, 1)],
      [bid('002', CAP), plus(end, 2)],
    ]).state;
    expect(s.phase).toBe('cap_round');
    expect(rejected(decide(s, optIn('003'), plus(end, 3))).code).toBe('NOT_ENTERED');
    expect(ok(decide(s, optIn('001'), plus(end, 3))).events).toHaveLength(1);
  });
});
