/**
 * The `/auction` socket.io protocol (DESIGN.md §5) as JSON types, shared by the server and apps/web.
 * Amounts are decimal strings ("12500000.00"; areas "3500.00"; shares "0.1500"), instants ISO 8601
 * strings, bidders bidder numbers (号牌). No type here can hold a bidder's identity or a sealed value
 * before its opening.
 */
export type DecimalString = string;
export type IsoInstant = string;
export type BidderNumber = string;

export type LotPhase =
  | 'draft'
  | 'published'
  | 'applying'
  | 'listing'
  | 'timed_round'
  | 'auction_round'
  | 'cap_round'
  | 'sealed_bidding'
  | 'opening'
  | 'frozen'
  | 'suspended'
  | 'closed_sold'
  | 'closed_unsold'
  | 'terminated';

export type CapMode = 'build_in_area' | 'self_held_share' | 'lottery' | 'one_sealed_price';
export type UnsoldReason = 'NO_BIDS' | 'RESERVE_NOT_MET' | 'TOO_FEW_BIDDERS' | 'TOO_FEW_BIDS';

// ───────────────────────────── client → server ─────────────────────────────

export interface JoinLot {
  lotId: string;
  /** The last seq the client saw; events after it are replayed. */
  lastSeq?: number;
}
export interface PlaceBid {
  lotId: string;
  /** The client's id of this bid (1–64 of A–Z a–z 0–9 . _ : -); resending it returns the first answer. */
  clientBidId: string;
  price: DecimalString;
}
export interface PlaceAreaBid {
  lotId: string;
  clientBidId: string;
  area: DecimalString;
}
export interface PlaceShareBid {
  lotId: string;
  clientBidId: string;
  share: DecimalString;
}
export interface OptIn {
  lotId: string;
}
export interface SubmitSealed {
  lotId: string;
  price: DecimalString;
}

/** Every message the client sends, with its payload. */
export interface ClientMessages {
  'lot:join': JoinLot;
  'lot:leave': { lotId: string };
  'bid:place': PlaceBid;
  'bid:area': PlaceAreaBid;
  'bid:share': PlaceShareBid;
  'bid:opt-in': OptIn;
  'bid:sealed': SubmitSealed;
  'time:sync': Record<string, never>;
}

// ───────────────────────────── acknowledgements ─────────────────────────────

export interface Refusal {
  ok: false;
  /** PRICE_TOO_LOW, NOT_MULTIPLE_OF_INCREMENT, JUMP_TOO_LARGE, ALREADY_LEADING, PHASE_CLOSED, NOT_QUALIFIED, RATE_LIMITED, INVALID_PRICE, … */
  code: string;
  message: string;
  field?: string;
}

export interface BidAccepted {
  ok: true;
  seq: number;
  /** The land price (for area, share and sealed submissions: the cap price, or empty). */
  price: DecimalString;
  deadline: IsoInstant | null;
  /** True when this answers a resent clientBidId. */
  duplicate?: boolean;
  /** A sealed submission's public commitment. */
  commitment?: string;
}
export type BidAck = BidAccepted | Refusal;

export interface LotSnapshot {
  lotId: string;
  lotNumber: string;
  method: 'auction' | 'listing' | 'tender';
  phase: LotPhase;
  seq: number;
  serverTime: IsoInstant;
  currentPrice: DecimalString | null;
  leaderNumber: BidderNumber | null;
  deadline: IsoInstant | null;
  opensAt: IsoInstant | null;
  increment: DecimalString | null;
  minimumNextPrice: DecimalString | null;
  capMode: CapMode | null;
  capPrice: DecimalString | null;
  leadingArea: DecimalString | null;
  leadingShare: DecimalString | null;
  outcome: Record<string, unknown> | null;
  /** A practice lot (模拟竞价): a rehearsal, no real sale. */
  practice: boolean;
}

export interface JoinAck {
  ok: true;
  snapshot: LotSnapshot;
  /** Every event after lastSeq up to snapshot.seq, in order. */
  events: AuctionEvent[];
  you?: { bidderNumber: BidderNumber };
}

// ───────────────────────────── server → client broadcasts ─────────────────────────────

interface Frame {
  lotId: string;
  seq: number;
  serverTime: IsoInstant;
  /** This event's link in the lot's hash chain. */
  hash: string;
  /** When the server decided it (the database clock). */
  at: IsoInstant;
  /** Present (true) only in the copy sent to the bidder whose bid it is. */
  own?: true;
  /** Present (true) on every event of a practice lot (模拟竞价). */
  practice?: true;
}

export interface BidAcceptedEvent extends Frame {
  type?: 'bid:accepted';
  phase: 'listing' | 'timed_round' | 'auction_round';
  price: DecimalString;
  bidderNumber: BidderNumber;
  deadline: IsoInstant;
}
export interface PhaseChangedEvent extends Frame {
  type?: 'phase:changed';
  from: LotPhase;
  to: LotPhase;
  deadline?: IsoInstant;
  opensAt?: IsoInstant;
  startPrice?: DecimalString;
  reason?: string;
}
export interface DeadlineExtendedEvent extends Frame {
  type?: 'deadline:extended';
  previous: IsoInstant;
  deadline: IsoInstant;
  frozenMs: number;
}
export interface CountdownWarningEvent extends Frame {
  type?: 'countdown:warning';
  secondsLeft: number;
  deadline: IsoInstant;
}
export interface IncrementChangedEvent extends Frame {
  type?: 'increment:changed';
  previous: DecimalString;
  increment: DecimalString;
  reason: string;
}
export interface CapReachedEvent extends Frame {
  type?: 'cap:reached';
  mode: CapMode;
  price: DecimalString;
  priceLeaderNumber: BidderNumber;
  deadline: IsoInstant;
  startArea?: DecimalString;
  startShare?: DecimalString;
}
export interface AreaAcceptedEvent extends Frame {
  type?: 'area:accepted';
  area: DecimalString;
  bidderNumber: BidderNumber;
  deadline: IsoInstant;
}
export interface ShareAcceptedEvent extends Frame {
  type?: 'share:accepted';
  share: DecimalString;
  bidderNumber: BidderNumber;
  deadline: IsoInstant;
}
export interface OptInAcceptedEvent extends Frame {
  type?: 'opt_in:accepted';
  purpose: 'timed_round' | 'lottery';
  bidderNumber: BidderNumber;
}
export interface LotteryCommittedEvent extends Frame {
  type?: 'lottery:committed';
  commitment: string;
}
export interface LotteryEntrantsEvent extends Frame {
  type?: 'lottery:entrants';
  entrants: BidderNumber[];
}
export interface LotteryDrawnEvent extends Frame {
  type?: 'lottery:drawn';
  seedHex: string;
  commitment: string;
  entrants: BidderNumber[];
  index: number;
  winnerNumber: BidderNumber;
}
export interface SealedReceivedEvent extends Frame {
  type?: 'sealed:received';
  bidderNumber: BidderNumber;
  commitment: string;
}
export interface SealedWindowClosedEvent extends Frame {
  type?: 'sealed:window_closed';
  count: number;
}
export interface SealedOpenedEvent extends Frame {
  type?: 'sealed:opened';
  bids: Array<{ bidderNumber: BidderNumber; price: DecimalString; saltHex: string; commitment: string }>;
  average?: DecimalString;
}
export interface LotClosedEvent extends Frame {
  type?: 'lot:closed';
  outcome: 'sold' | 'unsold';
  reason?: UnsoldReason;
  price?: DecimalString;
  winnerNumber?: BidderNumber;
  area?: DecimalString;
  share?: DecimalString;
}

/** Every broadcast, by socket.io event name. */
export interface ServerEvents {
  'bid:accepted': BidAcceptedEvent;
  'phase:changed': PhaseChangedEvent;
  'deadline:extended': DeadlineExtendedEvent;
  'countdown:warning': CountdownWarningEvent;
  'increment:changed': IncrementChangedEvent;
  'cap:reached': CapReachedEvent;
  'area:accepted': AreaAcceptedEvent;
  'share:accepted': ShareAcceptedEvent;
  'opt_in:accepted': OptInAcceptedEvent;
  'lottery:committed': LotteryCommittedEvent;
  'lottery:entrants': LotteryEntrantsEvent;
  'lottery:drawn': LotteryDrawnEvent;
  'sealed:received': SealedReceivedEvent;
  'sealed:window_closed': SealedWindowClosedEvent;
  'sealed:opened': SealedOpenedEvent;
  'lot:closed': LotClosedEvent;
}

export type AuctionEventName = keyof ServerEvents;
export type AuctionEvent = ServerEvents[AuctionEventName] & { type: AuctionEventName };

export const AUCTION_EVENT_NAMES: readonly AuctionEventName[] = [
  'bid:accepted',
  'phase:changed',
  'deadline:extended',
  'countdown:warning',
  'increment:changed',
  'cap:reached',
  'area:accepted',
  'share:accepted',
  'opt_in:accepted',
  'lottery:committed',
  'lottery:entrants',
  'lottery:drawn',
  'sealed:received',
  'sealed:window_closed',
  'sealed:opened',
  'lot:closed',
];
