import { decide } from './engine';
import { area, auctionTerms, bid, listingTerms, m, MINUTE, ok, opened, plus, ratio, SECOND, T0, tick } from './engine.fixtures';
import { decodeTradingState, encodeTradingState } from './trading-state-codec';
import type { LotTradingState } from './trading-state';

function roundTrip(state: LotTradingState): LotTradingState {
  return decodeTradingState(JSON.parse(JSON.stringify(encodeTradingState(state))));
}

describe('trading state codec (lot.trading_state)', () => {
  it('a state survives the jsonb round trip with its Money, Area, Ratio and Date values intact', () => {
    const s0 = opened(auctionTerms({ priceCap: m('10200000.00'), capRule: { mode: 'build_in_area', startArea: area('1000.00'), areaStep: area('50.00') } }));
    const s1 = ok(decide(s0, bid('001', '10100000.00'), plus(T0, 5 * SECOND))).state;
    const s2 = ok(decide(s1, bid('002', '10200000.00'), plus(T0, 6 * SECOND))).state;
    expect(s2.phase).toBe('cap_round');
    const back = roundTrip(s2);
    expect(back).toEqual(s2);
    expect(back.lead?.price.toString()).toBe('10200000.00');
    expect(back.deadline?.getTime()).toBe(s2.deadline?.getTime());
  });

  it('a revived state decides the next command exactly as the original does', () => {
    const s0 = opened(listingTerms({ priceCap: m('11000000.00'), capRule: { mode: 'self_held_share', startShare: ratio('0.0500'), shareStep: ratio('0.0100') } }));
    const s1 = ok(decide(s0, bid('001', '10500000.00'), plus(T0, MINUTE))).state;
    const next = bid('002', '10600000.00');
    const a = ok(decide(s1, next, plus(T0, 2 * MINUTE)));
    const b = ok(decide(roundTrip(s1), next, plus(T0, 2 * MINUTE)));
    expect(JSON.stringify(encodeTradingState(b.state))).toBe(JSON.stringify(encodeTradingState(a.state)));
    expect(JSON.stringify(b.events)).toBe(JSON.stringify(a.events));
  });

  it('a ratio keeps its places through the round trip', () => {
    const s = opened(listingTerms({ priceCap: m('11000000.00'), capRule: { mode: 'self_held_share', startShare: ratio('0.0500'), shareStep: ratio('0.0100') } }));
    const rule = roundTrip(s).terms.capRule;
    expect(rule?.mode === 'self_held_share' && rule.startShare.toString()).toBe('0.0500');
  });

  it('a stored state with an unknown tag or without a phase is refused', () => {
    expect(() => decodeTradingState({ lotId: 'x', phase: 'listing', lead: { $euro: '1.00' } })).toThrow(/unknown tag/);
    expect(() => decodeTradingState({ lotId: 'x' })).toThrow(/lotId and a phase/);
    expect(() => decodeTradingState([])).toThrow(/object/);
  });

  it('a closed lot round-trips with its outcome', () => {
    const s0 = opened(auctionTerms());
    const s1 = ok(decide(s0, bid('001', '10000000.00'), plus(T0, SECOND))).state;
    const closed = ok(decide(s1, tick(), plus(T0, 62 * SECOND))).state;
    expect(closed.outcome?.outcome).toBe('sold');
    expect(roundTrip(closed)).toEqual(closed);
  });
});
