import type { AuctionEvent, BidderNumber, JoinAck, LotPhase, LotSnapshot } from '@app/contracts';
import { Money } from '@app/money/money';

/**
 * The live state of one lot as a client sees it: a pure reducer fed by the join acknowledgement and
 * by broadcast frames. Frames are applied strictly in `seq` order: a frame already applied is
 * dropped (only its `own` mark is kept), a frame that arrives early is buffered until the ones
 * before it have come, and a gap that does not fill is reported so the caller rejoins with `lastSeq`.
 */
export type ConnectionStatus = 'idle' | 'joining' | 'live' | 'reconnecting' | 'failed';

export interface HistoryEntry {
  seq: number;
  kind: 'price' | 'area' | 'share';
  /** The price, area or share, as the decimal string the server sent. */
  value: string;
  bidderNumber: BidderNumber;
  at: string;
  own: boolean;
}

export interface CountdownWarning {
  secondsLeft: number;
  deadline: string;
  seq: number;
}

export interface LotRoomState {
  lotId: string;
  status: ConnectionStatus;
  /** The view: the last snapshot with every later event applied. Null until joined. */
  view: LotSnapshot | null;
  /** The last seq applied to the view. */
  seq: number;
  /** Frames that arrived ahead of a missing seq, by seq. */
  buffered: Readonly<Record<number, AuctionEvent>>;
  /** Bids, newest first. */
  history: readonly HistoryEntry[];
  you: BidderNumber | null;
  warning: CountdownWarning | null;
  /** The refusal of the last join, if it failed. */
  error: { code: string; message: string } | null;
}

export type LotRoomAction =
  | { type: 'join:start' }
  | { type: 'join:ok'; ack: JoinAck }
  | { type: 'join:failed'; code: string; message: string }
  | { type: 'frame'; event: AuctionEvent }
  | { type: 'disconnected' };

export const HISTORY_LIMIT = 200;

export function initialLotRoomState(lotId: string): LotRoomState {
  return { lotId, status: 'idle', view: null, seq: 0, buffered: {}, history: [], you: null, warning: null, error: null };
}

export function lotRoomReducer(state: LotRoomState, action: LotRoomAction): LotRoomState {
  switch (action.type) {
    case 'join:start':
      return { ...state, status: state.view ? 'reconnecting' : 'joining', error: null };
    case 'join:failed':
      return { ...state, status: 'failed', error: { code: action.code, message: action.message } };
    case 'disconnected':
      return state.status === 'idle' ? state : { ...state, status: 'reconnecting' };
    case 'join:ok':
      return joined(state, action.ack);
    case 'frame':
      return received(state, action.event);
  }
}

function joined(state: LotRoomState, ack: JoinAck): LotRoomState {
  if (ack.snapshot.lotId !== state.lotId) return state;
  // The replayed events first (those we have not seen), in order, for the history; then the
  // snapshot, which is the server's word on the state at snapshot.seq.
  let next: LotRoomState = { ...state, you: ack.you?.bidderNumber ?? state.you, error: null };
  const replay = [...ack.events].sort((a, b) => a.seq - b.seq);
  for (const e of replay) {
    if (e.seq <= next.seq) next = markOwn(next, e);
    else next = { ...next, history: recordBid(next.history, e), warning: warningOf(next.warning, e) };
  }
  const snapshotSeq = ack.snapshot.seq;
  if (state.view && snapshotSeq < state.seq) {
    // An answer older than what we already hold (a slow ack racing newer frames): keep ours.
    return { ...next, status: 'live' };
  }
  next = { ...next, view: ack.snapshot, seq: snapshotSeq, status: 'live' };
  return drain(next);
}

function received(state: LotRoomState, event: AuctionEvent): LotRoomState {
  if (event.lotId !== state.lotId) return state;
  if (state.view === null || event.seq > state.seq + 1) {
    if (event.seq <= state.seq) return markOwn(state, event);
    return { ...state, buffered: { ...state.buffered, [event.seq]: event } };
  }
  if (event.seq <= state.seq) return markOwn(state, event);
  return drain(apply(state, event));
}

/** Applies every buffered frame that now follows on; drops buffered frames already covered. */
function drain(state: LotRoomState): LotRoomState {
  let next = state;
  const buffered = { ...state.buffered };
  for (const key of Object.keys(buffered)) {
    const seq = Number(key);
    if (seq <= next.seq) {
      next = markOwn(next, buffered[seq]!);
      delete buffered[seq];
    }
  }
  for (let seq = next.seq + 1; buffered[seq] !== undefined; seq++) {
    const e = buffered[seq]!;
    delete buffered[seq];
    next = apply(next, e);
  }
  return { ...next, buffered };
}

/** True when frames wait behind a missing seq: the caller should rejoin with lastSeq = state.seq. */
export function hasGap(state: LotRoomState): boolean {
  return Object.keys(state.buffered).length > 0;
}

function apply(state: LotRoomState, e: AuctionEvent): LotRoomState {
  const view = state.view!;
  return {
    ...state,
    seq: e.seq,
    view: { ...applyToView(view, e), seq: e.seq, serverTime: e.serverTime },
    history: recordBid(state.history, e),
    warning: warningOf(state.warning, e),
  };
}

const CLOSED: readonly LotPhase[] = ['closed_sold', 'closed_unsold', 'terminated'];

function nextMinimum(price: string, increment: string | null): string | null {
  return increment ? Money.of(price).add(Money.of(increment)).toString() : null;
}

function applyToView(v: LotSnapshot, e: AuctionEvent): LotSnapshot {
  switch (e.type) {
    case 'bid:accepted':
      return { ...v, phase: e.phase, currentPrice: e.price, leaderNumber: e.bidderNumber, deadline: e.deadline, minimumNextPrice: nextMinimum(e.price, v.increment) };
    case 'phase:changed': {
      const closed = CLOSED.includes(e.to);
      return {
        ...v,
        phase: e.to,
        deadline: closed ? null : (e.deadline ?? v.deadline),
        opensAt: e.opensAt ?? v.opensAt,
        minimumNextPrice: e.startPrice && !v.currentPrice ? e.startPrice : v.minimumNextPrice,
      };
    }
    case 'deadline:extended':
    case 'countdown:warning':
      return { ...v, deadline: e.deadline };
    case 'increment:changed':
      return { ...v, increment: e.increment, minimumNextPrice: v.currentPrice ? nextMinimum(v.currentPrice, e.increment) : v.minimumNextPrice };
    case 'cap:reached':
      return { ...v, phase: 'cap_round', capMode: e.mode, capPrice: e.price, currentPrice: e.price, leaderNumber: e.priceLeaderNumber, deadline: e.deadline, leadingArea: e.startArea ?? null, leadingShare: e.startShare ?? null };
    case 'area:accepted':
      return { ...v, leadingArea: e.area, leaderNumber: e.bidderNumber, deadline: e.deadline };
    case 'share:accepted':
      return { ...v, leadingShare: e.share, leaderNumber: e.bidderNumber, deadline: e.deadline };
    case 'lot:closed':
      return {
        ...v,
        phase: e.outcome === 'sold' ? 'closed_sold' : 'closed_unsold',
        deadline: null,
        minimumNextPrice: null,
        currentPrice: e.price ?? v.currentPrice,
        leaderNumber: e.winnerNumber ?? v.leaderNumber,
        outcome: { outcome: e.outcome, reason: e.reason, price: e.price, winnerNumber: e.winnerNumber, area: e.area, share: e.share },
      };
    default:
      return v;
  }
}

function bidOf(e: AuctionEvent): HistoryEntry | null {
  const base = { seq: e.seq, at: e.at, own: e.own === true };
  switch (e.type) {
    case 'bid:accepted':
      return { ...base, kind: 'price', value: e.price, bidderNumber: e.bidderNumber };
    case 'area:accepted':
      return { ...base, kind: 'area', value: e.area, bidderNumber: e.bidderNumber };
    case 'share:accepted':
      return { ...base, kind: 'share', value: e.share, bidderNumber: e.bidderNumber };
    default:
      return null;
  }
}

function recordBid(history: readonly HistoryEntry[], e: AuctionEvent): readonly HistoryEntry[] {
  const bid = bidOf(e);
  if (!bid || history.some((h) => h.seq === bid.seq)) return history;
  return [bid, ...history].sort((a, b) => b.seq - a.seq).slice(0, HISTORY_LIMIT);
}

function warningOf(previous: CountdownWarning | null, e: AuctionEvent): CountdownWarning | null {
  if (e.type === 'countdown:warning') return { secondsLeft: e.secondsLeft, deadline: e.deadline, seq: e.seq };
  // A new deadline or phase makes an old warning moot.
  if (e.type === 'bid:accepted' || e.type === 'deadline:extended' || e.type === 'phase:changed' || e.type === 'lot:closed' || e.type === 'cap:reached') return null;
  return previous;
}

/** A frame seen twice (a replay overlapping a live broadcast): only its `own` mark can add anything. */
function markOwn(state: LotRoomState, e: AuctionEvent): LotRoomState {
  if (e.own !== true) return state;
  const i = state.history.findIndex((h) => h.seq === e.seq && !h.own);
  if (i < 0) return state;
  const history = [...state.history];
  history[i] = { ...history[i]!, own: true };
  return { ...state, history };
}
