import { Inject, Logger, UseInterceptors, type OnModuleDestroy } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { AuthService, Role, SessionRevocations, TokenService, type AccountRef, type SessionActor } from '@app/auth';
import { LocalizedAcksInterceptor } from '@app/common';
import { BIDDING_OPTIONS, type BiddingOptions } from '../application/bidding-options';
import { BidQueue } from '../application/bid-queue';
import { applicationRoom, LiveEvents, lotRoom } from '../application/live-events';
import { TradingQueryService } from '../application/trading-query.service';
import { TradingService, type BidAck, type BidderSeat } from '../application/trading.service';
import { checkAreaBid, checkBid, checkJoin, checkLotOnly, checkSealed, checkShareBid, type PayloadCheck } from './payloads';

interface Seat {
  applicationId: string;
  bidderNumber: string;
}

interface SocketData {
  /** The account and session behind the handshake's token, with the roles the database gave it then. */
  actor?: SessionActor;
  /** lotId → this bidder's qualified application on the lot (resolved once). */
  seats?: Map<string, Seat | null>;
}

/** Every socket of an account, and of one login (session), on every instance: closed when it is disabled or logs out. */
export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

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
 * staff put their access JWT in `auth.token`. The handshake checks the token *and* the account and
 * session in the database (roles come from there, never from the token) and refuses a bad one with a
 * `connect_error` whose `data.code` says why. Each authenticated socket joins its account's and its
 * session's rooms, so disabling the account or logging out closes it on every instance; and every bid
 * checks the account and session again under the lot's lock, so a socket that was missed still cannot
 * bid. Every message is validated and answered through its acknowledgement; errors never escape as exceptions.
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
export class AuctionGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private readonly logger = new Logger(AuctionGateway.name);
  private readonly limiter: RateLimiter;
  /** Lots known to be published (a lot never goes back to draft), so probing costs one query per unknown id. */
  private readonly publicLots = new Set<string>();
  private stopRevocations?: () => void;

  @WebSocketServer()
  server: Namespace;

  constructor(
    private readonly tokens: TokenService,
    private readonly auth: AuthService,
    private readonly revocations: SessionRevocations,
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
      if (typeof token !== 'string' || token.length > 4096) return next(handshakeError('UNAUTHENTICATED', 'auth.token must be an access token'));
      this.tokens
        .verifyAccess(token)
        .then((access) => this.auth.actorFor(access))
        .then((actor) => {
          (socket.data as SocketData).actor = actor;
          next();
        })
        .catch((err: unknown) => {
          const code = (err as { code?: unknown }).code;
          if (typeof code === 'string') return next(handshakeError(code, (err as Error).message));
          this.logger.error({ err }, 'socket handshake failed');
          next(handshakeError('TRY_AGAIN', 'the connection could not be checked; connect again'));
        });
    });
    // Sessions ended on any instance are announced on that instance; the adapter carries the disconnect to every other one.
    this.stopRevocations = this.revocations.subscribe((r) => {
      server.in(r.kind === 'user' ? userRoom(r.userId) : sessionRoom(r.sessionId)).disconnectSockets();
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const actor = (socket.data as SocketData).actor;
    if (!actor) return;
    await socket.join([userRoom(actor.id), sessionRoom(actor.sessionId)]);
    // A disable or logout committed after the handshake's check but before this join found no socket in
    // these rooms: check once more now that the socket is in them.
    try {
      await this.auth.actorFor({ userId: actor.id, sessionId: actor.sessionId });
    } catch (err) {
      if (typeof (err as { code?: unknown }).code !== 'string') this.logger.error({ err }, 'socket account check failed');
      socket.disconnect();
    }
  }

  onModuleDestroy(): void {
    this.stopRevocations?.();
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

  /**
   * The caller's qualified seat on the lot, after the rate limit; or the refusal to send back. The seat
   * carries the account and session, which the bid's transaction checks under the lot's lock.
   */
  private async bidderSeat(socket: Socket, lotId: string): Promise<(Seat & Required<BidderSeat>) | BidAck> {
    const unknown = await this.unknownLot(lotId);
    if (unknown) return unknown;
    const actor = (socket.data as SocketData).actor;
    if (!actor) return { ok: false, code: 'UNAUTHENTICATED', message: 'bidding needs a bidder access token in auth.token' };
    if (!this.limiter.take(actor.id)) return { ok: false, code: 'RATE_LIMITED', message: 'too many bids; wait a moment and send again with the same clientBidId' };
    try {
      const seat = await this.seat(socket, lotId);
      if (!seat) return { ok: false, code: 'NOT_QUALIFIED', message: 'you hold no qualified application (bidder number) for this lot', field: 'lotId' };
      const account: AccountRef = { userId: actor.id, sessionId: actor.sessionId };
      return { ...seat, account };
    } catch (err) {
      return this.fault(err);
    }
  }

  /** LOT_NOT_FOUND for a lot that does not exist or is a draft, whoever asks (as `lot:join` answers). */
  private async unknownLot(lotId: string): Promise<BidAck | null> {
    if (this.publicLots.has(lotId)) return null;
    try {
      if (!(await this.query.isPublicLot(lotId))) return { ok: false, code: 'LOT_NOT_FOUND', message: `lot ${lotId} does not exist or is not published`, field: 'lotId' };
    } catch (err) {
      return this.fault(err);
    }
    if (this.publicLots.size > 100_000) this.publicLots.clear();
    this.publicLots.add(lotId);
    return null;
  }

  private async seat(socket: Socket, lotId: string): Promise<Seat | null> {
    const data = socket.data as SocketData;
    const actor = data.actor;
    if (!actor || !actor.roles.includes(Role.Bidder)) return null;
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

/** A refused handshake: the client's `connect_error` has the message `UNAUTHORIZED: …` and `data: {code, message}` saying why. */
function handshakeError(code: string, message: string): Error & { data: { code: string; message: string } } {
  return Object.assign(new Error(`UNAUTHORIZED: ${message}`), { data: { code, message } });
}

function failure(p: Extract<PayloadCheck<unknown>, { ok: false }>): BidAck {
  return { ok: false, code: p.code, message: p.message, field: p.field };
}
