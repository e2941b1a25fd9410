import { describe, expect, it } from 'vitest';
import type { LotSnapshot } from '@app/contracts';
import { withLotIncrement } from './lot-increment';

/** A snapshot taken before trading opened: the engine had not set the increment yet. */
function joinedEarly(over: Partial<LotSnapshot> = {}): LotSnapshot {
  return {
    lotId: '11111111-1111-4111-8111-111111111111', lotNumber: 'L01', method: 'auction', phase: 'auction_round', seq: 3, serverTime: '2027-01-18T02:00:00.000Z',
    currentPrice: null, leaderNumber: null, deadline: '2027-01-18T02:05:00.000Z', opensAt: null, increment: null, minimumNextPrice: null, capMode: null, capPrice: null,
    leadingArea: null, leadingShare: null, outcome: null, practice: false, ...over,
  };
}

describe('the lot’s own increment fills a snapshot taken before the opening', () => {
  it('before the first bid the minimum next price is the start price', () => {
    expect(withLotIncrement(joinedEarly(), '100000.00', '9800000.00')).toMatchObject({ increment: '100000.00', minimumNextPrice: '9800000.00' });
  });

  it('after a bid it is one increment above the current price, exactly', () => {
    expect(withLotIncrement(joinedEarly({ currentPrice: '9900000.10' }), '100000.20', '9800000.00')).toMatchObject({ increment: '100000.20', minimumNextPrice: '10000000.30' });
  });

  it('keeps a minimum the server already announced, and gives none while nobody may bid', () => {
    expect(withLotIncrement(joinedEarly({ minimumNextPrice: '9800000.00' }), '100000.00', '9700000.00').minimumNextPrice).toBe('9800000.00');
    expect(withLotIncrement(joinedEarly({ phase: 'applying', deadline: null }), '100000.00', '9800000.00')).toMatchObject({ increment: '100000.00', minimumNextPrice: null });
    expect(withLotIncrement(joinedEarly({ phase: 'closed_sold', currentPrice: '9900000.00' }), '100000.00', '9800000.00').minimumNextPrice).toBeNull();
  });

  it('changes nothing when the snapshot has its increment, or the lot is not loaded yet', () => {
    const live = joinedEarly({ increment: '50000.00', minimumNextPrice: '9850000.00' });
    expect(withLotIncrement(live, '100000.00', '9800000.00')).toBe(live);
    const early = joinedEarly();
    expect(withLotIncrement(early, null, null)).toBe(early);
  });
});
