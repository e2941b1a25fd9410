import { describe, expect, it } from 'vitest';
import type { AuctionEvent, JoinAck, LotSnapshot } from '@app/contracts';
import { hasGap, initialLotRoomState, lotRoomReducer, type LotRoomAction, type LotRoomState } from './lot-room-state';

const LOT = '11111111-1111-4111-8111-111111111111';
const T0 = '2027-01-18T02:00:00.000Z';

function snapshot(over: Partial<LotSnapshot> = {}): LotSnapshot {
  return {
    lotId: LOT, lotNumber: 'L01', method: 'listing', phase: 'listing', seq: 2, serverTime: T0, currentPrice: '10100000.00', leaderNumber: '027',
    deadline: '2027-01-18T07:00:00.000Z', opensAt: null, increment: '100000.00', minimumNextPrice: '10200000.00', capMode: null, capPrice: null,
    leadingArea: null, leadingShare: null, outcome: null, practice: false, ...over,
  };
}

function bid(seq: number, price: string, bidderNumber: string, extra: Partial<AuctionEvent> = {}): AuctionEvent {
  return { type: 'bid:accepted', lotId: LOT, seq, serverTime: T0, hash: `h${seq}`, at: T0, phase: 'listing', price, bidderNumber, deadline: '2027-01-18T07:00:00.000Z', ...extra } as AuctionEvent;
}

function joinAck(snap: LotSnapshot, events: AuctionEvent[], you?: string): JoinAck {
  return { ok: true, snapshot: snap, events, ...(you ? { you: { bidderNumber: you } } : {}) };
}

const run = (actions: LotRoomAction[], start: LotRoomState = initialLotRoomState(LOT)) => actions.reduce(lotRoomReducer, start);
const joined = () => run([{ type: 'join:start' }, { type: 'join:ok', ack: joinAck(snapshot(), [bid(1, '10000000.00', '031'), bid(2, '10100000.00', '027')]) }]);

describe('lot room state', () => {
  it('takes the snapshot on join and lists the replayed bids newest first', () => {
    const s = joined();
    expect(s.status).toBe('live');
    expect(s.seq).toBe(2);
    expect(s.view?.currentPrice).toBe('10100000.00');
    expect(s.history.map((h) => [h.seq, h.bidderNumber, h.value])).toEqual([[2, '027', '10100000.00'], [1, '031', '10000000.00']]);
  });

  it('applies the next frame: price, leader, deadline and the minimum next price move', () => {
    const s = run([{ type: 'frame', event: bid(3, '10300000.00', '046', { deadline: '2027-01-18T07:05:00.000Z' } as Partial<AuctionEvent>) }], joined());
    expect(s.seq).toBe(3);
    expect(s.view).toMatchObject({ currentPrice: '10300000.00', leaderNumber: '046', deadline: '2027-01-18T07:05:00.000Z', minimumNextPrice: '10400000.00', seq: 3 });
    expect(s.history[0]).toMatchObject({ seq: 3, value: '10300000.00' });
  });

  it('drops a frame it has already applied, so a duplicate never moves the price back', () => {
    const once = run([{ type: 'frame', event: bid(3, '10300000.00', '046') }], joined());
    const twice = run([{ type: 'frame', event: bid(3, '10300000.00', '046') }, { type: 'frame', event: bid(2, '10100000.00', '027') }], once);
    expect(twice.view?.currentPrice).toBe('10300000.00');
    expect(twice.history).toHaveLength(3);
  });

  it('buffers a frame that arrives ahead of a missing seq and applies both in seq order once the gap fills', () => {
    const early = run([{ type: 'frame', event: bid(4, '10400000.00', '031') }], joined());
    expect(early.view?.currentPrice).toBe('10100000.00');
    expect(hasGap(early)).toBe(true);
    const filled = run([{ type: 'frame', event: bid(3, '10300000.00', '046') }], early);
    expect(filled.seq).toBe(4);
    expect(filled.view?.currentPrice).toBe('10400000.00');
    expect(filled.view?.leaderNumber).toBe('031');
    expect(hasGap(filled)).toBe(false);
    expect(filled.history.map((h) => h.seq)).toEqual([4, 3, 2, 1]);
  });

  it('applies frames in seq order whatever order they arrive in', () => {
    const frames = [bid(6, '10600000.00', '046'), bid(4, '10400000.00', '031'), bid(3, '10300000.00', '046'), bid(5, '10500000.00', '027')];
    const s = run(frames.map((event) => ({ type: 'frame', event }) as LotRoomAction), joined());
    expect(s.seq).toBe(6);
    expect(s.view?.currentPrice).toBe('10600000.00');
    expect(s.history.map((h) => h.seq)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('holds frames that arrive before the join answer and applies those after the snapshot', () => {
    const s = run([
      { type: 'join:start' },
      { type: 'frame', event: bid(2, '10100000.00', '027') },
      { type: 'frame', event: bid(3, '10300000.00', '046') },
      { type: 'join:ok', ack: joinAck(snapshot(), [bid(1, '10000000.00', '031'), bid(2, '10100000.00', '027')]) },
    ]);
    expect(s.seq).toBe(3);
    expect(s.view?.currentPrice).toBe('10300000.00');
    expect(s.history.map((h) => h.seq)).toEqual([3, 2, 1]);
  });

  it('a rejoin after a disconnection replays exactly the missed bids and resumes live', () => {
    const away = run([{ type: 'disconnected' }], joined());
    expect(away.status).toBe('reconnecting');
    const back = run(
      [{ type: 'join:start' }, { type: 'join:ok', ack: joinAck(snapshot({ seq: 4, currentPrice: '10400000.00', leaderNumber: '031', minimumNextPrice: '10500000.00' }), [bid(3, '10300000.00', '046'), bid(4, '10400000.00', '031')]) }],
      away,
    );
    expect(back.status).toBe('live');
    expect(back.seq).toBe(4);
    expect(back.view?.currentPrice).toBe('10400000.00');
    expect(back.history.map((h) => h.seq)).toEqual([4, 3, 2, 1]);
  });

  it('ignores a join answer older than the frames already applied', () => {
    const ahead = run([{ type: 'frame', event: bid(3, '10300000.00', '046') }], joined());
    const stale = run([{ type: 'join:ok', ack: joinAck(snapshot({ seq: 2 }), []) }], ahead);
    expect(stale.seq).toBe(3);
    expect(stale.view?.currentPrice).toBe('10300000.00');
  });

  it('marks the bidder’s own bids, also when the own copy arrives after a plain one', () => {
    const s = run([{ type: 'frame', event: bid(3, '10300000.00', '018', { own: true } as Partial<AuctionEvent>) }], joined());
    expect(s.history[0]).toMatchObject({ seq: 3, own: true });
    const replayed = run([{ type: 'join:ok', ack: joinAck(snapshot({ seq: 3 }), [bid(3, '10300000.00', '018', { own: true } as Partial<AuctionEvent>)], '018') }], run([{ type: 'frame', event: bid(3, '10300000.00', '018') }], joined()));
    expect(replayed.history[0]).toMatchObject({ seq: 3, own: true });
    expect(replayed.you).toBe('018');
  });

  it('ignores frames of another lot', () => {
    const s = run([{ type: 'frame', event: bid(3, '99900000.00', '046', { lotId: '22222222-2222-4222-8222-222222222222' } as Partial<AuctionEvent>) }], joined());
    expect(s.seq).toBe(2);
  });

  it('follows the phases: timed round, warning, extension, close', () => {
    const frames: AuctionEvent[] = [
      { type: 'phase:changed', lotId: LOT, seq: 3, serverTime: T0, hash: 'h3', at: T0, from: 'listing', to: 'timed_round', deadline: '2027-01-18T07:01:00.000Z' },
      { type: 'countdown:warning', lotId: LOT, seq: 4, serverTime: T0, hash: 'h4', at: T0, secondsLeft: 10, deadline: '2027-01-18T07:01:00.000Z' },
    ];
    const warned = run(frames.map((event) => ({ type: 'frame', event }) as LotRoomAction), joined());
    expect(warned.view?.phase).toBe('timed_round');
    expect(warned.warning).toMatchObject({ secondsLeft: 10 });
    const extended = run([{ type: 'frame', event: { type: 'deadline:extended', lotId: LOT, seq: 5, serverTime: T0, hash: 'h5', at: T0, previous: '2027-01-18T07:01:00.000Z', deadline: '2027-01-18T07:02:00.000Z', frozenMs: 60000 } }], warned);
    expect(extended.view?.deadline).toBe('2027-01-18T07:02:00.000Z');
    expect(extended.warning).toBeNull();
    const closed = run([{ type: 'frame', event: { type: 'lot:closed', lotId: LOT, seq: 6, serverTime: T0, hash: 'h6', at: T0, outcome: 'sold', price: '10100000.00', winnerNumber: '027' } }], extended);
    expect(closed.view).toMatchObject({ phase: 'closed_sold', deadline: null, minimumNextPrice: null, leaderNumber: '027' });
  });

  it('a refused join says why', () => {
    const s = run([{ type: 'join:start' }, { type: 'join:failed', code: 'LOT_NOT_FOUND', message: 'no such lot' }]);
    expect(s).toMatchObject({ status: 'failed', error: { code: 'LOT_NOT_FOUND' } });
  });
});
