import { createHash } from 'node:crypto';
import { DomainError } from '@app/common/domain-error';
import type { Command } from './commands';
import { decide } from './engine';
import { HOUR, lastOfType, lot, m, MINUTE, ok, opened, plus, rejected, reserveOf, run, T0, tenderTerms, tick, withReserve } from './engine.fixtures';
import { sealedBidCommitment, tenderWinner } from './tender';
import type { LotTradingState } from './trading-state';

const DEADLINE = plus(T0, 10 * 24 * HOUR);
const OPENING = plus(DEADLINE, HOUR);
const SALT = (n: number): string => n.toString(16).padStart(2, '0').repeat(32);

const submit = (bidderNumber: string, price: string): Command => ({
  type: 'submit_sealed',
  bidderNumber,
  price: m(price),
  saltHex: SALT(Number(bidderNumber)),
});
const reveal = (bidderNumber: string, price: string) => ({ bidderNumber, price: m(price), saltHex: SALT(Number(bidderNumber)) });

function tender(reserve = false, qualified = ['001', '002', '003', '004']): LotTradingState {
  const terms = reserve ? withReserve(tenderTerms()) : tenderTerms();
  return opened(terms, { openingAt: OPENING, qualified });
}

describe('tender: sealed bids', () => {
  const s = tender();

  it('opens for sealed bids at the submission start', () => {
    expect(s.phase).toBe('sealed_bidding');
    expect(s.deadline).toEqual(DEADLINE);
  });

  it('accepts a sealed bid at the deadline and rejects one 1 ms late', () => {
    expect(ok(decide(s, submit('001', '11000000.00'), DEADLINE)).events).toHaveLength(1);
    expect(rejected(decide(s, submit('001', '11000000.00'), plus(DEADLINE, 1))).code).toBe('PHASE_CLOSED');
  });

  it('the engine sees only commitments until the opening', () => {
    const { state, events } = run(s, [[submit('001', '11234567.00'), plus(T0, HOUR)]]);
    expect(JSON.stringify({ state, events })).not.toContain('11234567');
    const expected = createHash('sha256').update(`land-sealed-bid-v1|lot-42|001|11234567.00|${SALT(1)}`, 'utf8').digest('hex');
    expect(events).toEqual([{ type: 'sealed:received', at: plus(T0, HOUR), bidderNumber: '001', commitment: expected }]);
  });

  it('a sealed bid below the start price is rejected', () => {
    expect(rejected(decide(s, submit('001', '9999999.99'), plus(T0, HOUR)))).toMatchObject({ code: 'PRICE_TOO_LOW', field: 'price' });
  });

  it('one sealed bid per bidder', () => {
    const { state } = run(s, [[submit('001', '11000000.00'), plus(T0, HOUR)]]);
    expect(rejected(decide(state, submit('001', '12000000.00'), plus(T0, 2 * HOUR))).code).toBe('ALREADY_SUBMITTED');
  });

  it('price bids are not taken in a tender', () => {
    expect(rejected(decide(s, { type: 'place_bid', bidderNumber: '001', clientBidId: 'x', price: m('11000000.00') }, plus(T0, HOUR))).code).toBe(
      'WRONG_PHASE',
    );
  });

  it('a malformed salt is a programming error', () => {
    expect(() => decide(s, { type: 'submit_sealed', bidderNumber: '001', price: m('11000000.00'), saltHex: 'xyz' }, plus(T0, HOUR))).toThrow(DomainError);
  });
});

describe('tender: deadline and opening', () => {
  it('fewer than 3 bids: unsold at the deadline (TOO_FEW_BIDS), without opening', () => {
    const { state } = run(tender(), [
      [submit('001', '11000000.00'), plus(T0, HOUR)],
      [submit('002', '12000000.00'), plus(T0, 2 * HOUR)],
    ]);
    const d = ok(decide(state, tick(), plus(DEADLINE, 1)));
    expect(d.events.map((e) => e.type)).toEqual(['phase:changed', 'sealed:window_closed', 'lot:closed']);
    expect(lastOfType(d.events, 'lot:closed')).toMatchObject({ outcome: 'unsold', reason: 'TOO_FEW_BIDS' });
  });

  it('the minimum number of bids is a setting', () => {
    const s = opened(tenderTerms(), { openingAt: OPENING, bidding: { minTenderBids: 1 } });
    const { state } = run(s, [[submit('001', '11000000.00'), plus(T0, HOUR)]]);
    expect(ok(decide(state, tick(), plus(DEADLINE, 1))).state.phase).toBe('opening');
  });

  it('too few qualified bidders for a tender: unsold TOO_FEW_BIDDERS', () => {
    const d = ok(decide(tender(false, ['001', '002']), tick(), plus(DEADLINE, 1)));
    expect(lastOfType(d.events, 'lot:closed').reason).toBe('TOO_FEW_BIDDERS');
  });

  describe('with three bids', () => {
    const atOpening = (reserve = false) =>
      ok(
        decide(
          run(tender(reserve), [
            [submit('001', '11000000.00'), plus(T0, HOUR)],
            [submit('002', '12000000.00'), plus(T0, 2 * HOUR)],
            [submit('003', '12000000.00'), plus(T0, 3 * HOUR)],
          ]).state,
          tick(),
          plus(DEADLINE, 1),
        ),
      ).state;
    const open: Command = {
      type: 'open_sealed',
      reveals: [reveal('003', '12000000.00'), reveal('001', '11000000.00'), reveal('002', '12000000.00')],
    };

    it('the deadline moves the lot to the opening', () => {
      expect(atOpening().phase).toBe('opening');
      expect(rejected(decide(atOpening(), submit('004', '13000000.00'), plus(DEADLINE, 2))).code).toBe('PHASE_CLOSED');
    });

    it('not before the scheduled opening', () => {
      expect(rejected(decide(atOpening(), open, plus(OPENING, -1))).code).toBe('NOT_OPEN_YET');
    });

    it('highest price wins; equal prices: the earlier submission', () => {
      const d = ok(decide(atOpening(), open, OPENING));
      const opened = lastOfType(d.events, 'sealed:opened');
      expect(opened.bids.map((b) => [b.bidderNumber, b.price.toString(), b.saltHex])).toEqual([
        ['001', '11000000.00', SALT(1)],
        ['002', '12000000.00', SALT(2)],
        ['003', '12000000.00', SALT(3)],
      ]);
      for (const b of opened.bids) expect(sealedBidCommitment('lot-42', b.bidderNumber, b.price, b.saltHex)).toBe(b.commitment);
      expect(lastOfType(d.events, 'lot:closed')).toMatchObject({ outcome: 'sold', winnerNumber: '002', price: m('12000000.00') });
    });

    it('the highest tender is checked against the reserve', () => {
      expect(rejected(decide(atOpening(true), open, OPENING)).code).toBe('RESERVE_CHECK_REQUIRED');
      const d = ok(decide(atOpening(true), { ...open, reserveMet: reserveOf('12000000.01') }, OPENING));
      expect(lastOfType(d.events, 'lot:closed')).toMatchObject({ outcome: 'unsold', reason: 'RESERVE_NOT_MET' });
    });

    it('every commitment must be revealed, each matching, none unknown', () => {
      const s = atOpening();
      expect(rejected(decide(s, { type: 'open_sealed', reveals: open.type === 'open_sealed' ? open.reveals.slice(1) : [] }, OPENING)).code).toBe(
        'REVEAL_MISSING',
      );
      expect(
        rejected(decide(s, { type: 'open_sealed', reveals: [reveal('001', '11000000.00'), reveal('002', '12000000.00'), reveal('003', '12000000.01')] }, OPENING)),
      ).toMatchObject({ code: 'REVEAL_MISMATCH', field: 'reveals[2]' });
      expect(
        rejected(
          decide(
            s,
            { type: 'open_sealed', reveals: [reveal('001', '11000000.00'), reveal('002', '12000000.00'), reveal('003', '12000000.00'), reveal('004', '1.00')] },
            OPENING,
          ),
        ).code,
      ).toBe('REVEAL_UNKNOWN');
    });
  });

  it('tenderWinner: highest, then earlier', () => {
    const v = (price: string, minutes: number, order: number) => ({ price: m(price), at: plus(T0, minutes * MINUTE), order });
    expect(tenderWinner([v('2.00', 5, 0), v('3.00', 9, 1), v('3.00', 1, 2)])?.order).toBe(2);
    expect(tenderWinner([])).toBeUndefined();
  });

  it('weighted-score tenders are out of scope for the engine', () => {
    expect(() => lot(tenderTerms({ evaluation: { method: 'weighted_score', panelSize: 5 } }))).toThrow(DomainError);
  });
});
