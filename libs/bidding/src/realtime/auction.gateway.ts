import { Inject, Logger, UseInterceptors } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer, type OnGatewayInit } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { TokenService } from '@app/auth';
import { LocalizedAcksInterceptor, type Actor } from '@app/common';
import { BIDDING_OPTIONS, type BiddingOptions } from '../application/bidding-options';
import { BidQueue } from '../application/bid-queue';
import { applicationRoom, LiveEvents, lotRoom } from '../application/live-events';
import { TradingQueryService } from '../application/trading-query.service';
import { TradingService, type BidAck } from '../application/trading.service';
import { checkAreaBid, checkBid, checkJoin, checkLotOnly, checkSealed, checkShareBid, type PayloadCheck } from './payloads';

interface Seat {
  applicationId: string;
  bidderNumber: string;
}

interface SocketData {
  actor?: Actor;
  /** lotId → this bidder's qualified application on the lot (resolved once). */
  seats?: Map<string, Seat | null>;
}

/** A per-bidder token bucket (per instance). */
class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  take(key: string): boolean {
    const now = Date.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (this.buckets.size > 100_000) this.buckets.clear();
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}

/**
 * The live room, namespace `/auction` (DESIGN.md §5). Spectators connect without a token; bidders and
 * staff put their access JWT in `auth.token` (a bad token is refused at the handshake). Every message
 * is validated and answered through its acknowledgement; errors never escape as exceptions.
 *
 * - `lot:join {lotId, lastSeq?}` → `{ok, snapshot, events, you?}`: the snapshot, every event after
 *   `lastSeq`, and for a qualified bidder its own bidder number.
 * - `bid:place {lotId, clientBidId, price}` → `{ok: true, seq, price, deadline}` after the commit, or
 *   `{ok: false, code, message, field?}`.
 * - `bid:area`, `bid:share` (at the cap), `bid:opt-in` (timed round / lottery), `bid:sealed` (tender,
 *   one sealed price), `time:sync`.
 */
@WebSocketGateway({ namespace: '/auction' })
@UseInterceptors(LocalizedAcksInterceptor)
export class AuctionGateway implements OnGatewayInit {
  private readonly logger = new Logger(AuctionGateway.name);
  private readonly limiter: RateLimiter;

  @WebSocketServer()
  server: Namespace;

  constructor(
    private readonly tokens: TokenService,
    private readonly live: LiveEvents,
    private readonly queue: BidQueue,
    private readonly trading: TradingService,
    private readonly query: TradingQueryService,
    @Inject(BIDDING_OPTIONS) options: BiddingOptions,
  ) {
    this.limiter = new RateLimiter(options.bidRatePerSecond, options.bidBurst);
  }

  afterInit(server: Namespace): void {
    this.live.attach(server);
    server.use((socket, next) => {
      const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
      if (token === undefined || token === null || token === '') return next();
      if (typeof token !== 'string' || token.length > 4096) return next(new Error('UNAUTHORIZED: auth.token must be an access token'));
      this.tokens
        .verifyAccess(token)
        .then((actor) => {
          (socket.data as SocketData).actor = actor;
          next();
        })
        .catch(() => next(new Error('UNAUTHORIZED: the access token is invalid or expired')));
    });
  }

  @SubscribeMessage('time:sync')
  async timeSync() {
    return { ok: true, ...(await this.query.serverTime()) };
  }

  @SubscribeMessage('lot:join')
  async join(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown) {
    const p = checkJoin(payload);
    if (!p.ok) return failure(p);
    try {
      await socket.join(lotRoom(p.value.lotId));
      const seat = await this.seat(socket, p.value.lotId);
      if (seat) await socket.join(applicationRoom(seat.applicationId));
      const { snapshot, events } = await this.query.join(p.value.lotId, p.value.lastSeq, seat?.applicationId);
      return { ok: true, snapshot, events, ...(seat ? { you: { bidderNumber: seat.bidderNumber } } : {}) };
    } catch (err) {
      await socket.leave(lotRoom(p.value.lotId));
      return this.fault(err);
    }
  }

  @SubscribeMessage('lot:leave')
  async leave(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown) {
    const p = checkLotOnly(payload);
    if (!p.ok) return failure(p);
    await socket.leave(lotRoom(p.value.lotId));
    return { ok: true };
  }

  @SubscribeMessage('bid:place')
  async place(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<BidAck> {
    const p = checkBid(payload);
    if (!p.ok) return failure(p);
    const seat = await this.bidderSeat(socket, p.value.lotId);
    if ('ok' in seat) return seat;
    return this.queue.submit(p.value.lotId, { ...seat, clientBidId: p.value.clientBidId, price: p.value.price });
  }

  @SubscribeMessage('bid:area')
  async area(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<BidAck> {
    const p = checkAreaBid(payload);
    if (!p.ok) return failure(p);
    const seat = await this.bidderSeat(socket, p.value.lotId);
    if ('ok' in seat) return seat;
    return this.guard(() => this.trading.bidderCommand(p.value.lotId, seat, { kind: 'area', area: p.value.area, clientBidId: p.value.clientBidId }));
  }

  @SubscribeMessage('bid:share')
  async share(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<BidAck> {
    const p = checkShareBid(payload);
    if (!p.ok) return failure(p);
    const seat = await this.bidderSeat(socket, p.value.lotId);
    if ('ok' in seat) return seat;
    return this.guard(() => this.trading.bidderCommand(p.value.lotId, seat, { kind: 'share', share: p.value.share, clientBidId: p.value.clientBidId }));
  }

  @SubscribeMessage('bid:opt-in')
  async optIn(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<BidAck> {
    const p = checkLotOnly(payload);
    if (!p.ok) return failure(p);
    const seat = await this.bidderSeat(socket, p.value.lotId);
    if ('ok' in seat) return seat;
    return this.guard(() => this.trading.bidderCommand(p.value.lotId, seat, { kind: 'opt_in' }));
  }

  @SubscribeMessage('bid:sealed')
  async sealed(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<BidAck> {
    const p = checkSealed(payload);
    if (!p.ok) return failure(p);
    const seat = await this.bidderSeat(socket, p.value.lotId);
    if ('ok' in seat) return seat;
    return this.guard(() => this.trading.bidderCommand(p.value.lotId, seat, { kind: 'sealed', price: p.value.price }));
  }

  /** The caller's qualified seat on the lot, after the rate limit; or the refusal to send back. */
  private async bidderSeat(socket: Socket, lotId: string): Promise<Seat | BidAck> {
    const actor = (socket.data as SocketData).actor;
    if (!actor) return { ok: false, code: 'UNAUTHENTICATED', message: 'bidding needs a bidder access token in auth.token' };
    if (!this.limiter.take(actor.id)) return { ok: false, code: 'RATE_LIMITED', message: 'too many bids; wait a moment and send again with the same clientBidId' };
    try {
      const seat = await this.seat(socket, lotId);
      if (!seat) return { ok: false, code: 'NOT_QUALIFIED', message: 'you hold no qualified application (bidder number) for this lot', field: 'lotId' };
      return seat;
    } catch (err) {
      return this.fault(err);
    }
  }

  private async seat(socket: Socket, lotId: string): Promise<Seat | null> {
    const data = socket.data as SocketData;
    const actor = data.actor;
    if (!actor || !actor.roles.includes('bidder')) return null;
    data.seats ??= new Map();
    const known = data.seats.get(lotId);
    if (known) return known;
    const seat = await this.query.seatOf(lotId, actor.id);
    if (seat) data.seats.set(lotId, seat);
    return seat;
  }

  private async guard(work: () => Promise<BidAck>): Promise<BidAck> {
    try {
      return await work();
    } catch (err) {
      return this.fault(err);
    }
  }

  private fault(err: unknown): BidAck {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z][A-Z_]+$/.test(code)) {
      const field = (err as { field?: unknown }).field;
      return { ok: false, code, message: (err as Error).message, ...(typeof field === 'string' ? { field } : {}) };
    }
    this.logger.error({ err }, 'socket message failed');
    return { ok: false, code: 'TRY_AGAIN', message: 'the request could not be completed; send it again' };
  }
}

function failure(p: Extract<PayloadCheck<unknown>, { ok: false }>): BidAck {
  return { ok: false, code: p.code, message: p.message, field: p.field };
}
