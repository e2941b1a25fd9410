import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { AuditService } from '@app/audit';
import { accountRefusalMessage, refusedAccountsSql, Role, type AccountRef, type AccountRefusal } from '@app/auth';
import { DomainError } from '@app/common/domain-error';
import type { BidAck } from '@app/contracts';
import { DisclosureService } from '@app/disclosure';
import { ReservePriceService, toLotTerms } from '@app/listing';
import { meetsReserve } from '@app/listing/domain/reserve-price';
import { transitionLot, type LotPhase } from '@app/listing/domain/lot-phase';
import type { LotTermsDto } from '@app/listing/http/dto/lot.dto';
import { Area, formatFloorArea, landAreaOf, Money, PRICE_UNIT_LABELS, Ratio, saleFigures, type PriceUnit, type SaleFigures } from '@app/money';
import { ParcelService } from '@app/reserve';
import { SettingsService } from '@app/settings';
import {
  chainHash,
  createTradingState,
  decide,
  isRejected,
  lotteryCommitment,
  tradingSnapshot,
  type Command,
  type Decision,
  type EngineEvent,
  type LotTradingState,
  type Rejection,
  type SealedReveal,
} from '../domain';
import { nextDueAt } from '../domain/clock-schedule';
import { decodeTradingState, encodeTradingState } from '../domain/trading-state-codec';
import { AfterCommit } from './after-commit';
import { BIDDING_OPTIONS, type BiddingOptions } from './bidding-options';
import { LiveEvents, type StoredEvent } from './live-events';
import { openSecret, sealSecret } from './secret-box';

/** A bid waiting in an instance's queue for its lot (see bid-queue.ts). */
export interface PendingBid {
  readonly applicationId: string;
  readonly bidderNumber: string;
  readonly clientBidId: string;
  readonly price: Money;
  /**
   * The account and session the bid comes from, checked under the lot's lock. Every bid from a socket
   * carries it; only the simulated bidders (simulated-bidders.service.ts: no login) have none.
   */
  readonly account?: AccountRef;
}

/** The bidder a command other than a price bid comes from (see {@link PendingBid.account}). */
export interface BidderSeat {
  readonly applicationId: string;
  readonly bidderNumber: string;
  readonly account?: AccountRef;
}

export type { BidAck };

/** The lot row as every command locks it (the hot path reads only these columns). */
interface LotRow {
  id: string;
  announcement_id: string;
  lot_number: string;
  title: string;
  method: 'auction' | 'listing' | 'tender';
  phase: LotPhase;
  seq: string;
  last_hash: string | null;
  trading_state: unknown;
  start_price: string;
  /** A practice lot (模拟竞价): no parcels, no public notice, marked in every frame. */
  practice: boolean;
}

/** What the clock also needs to open applications and create the trading state. */
interface DueLotRow extends LotRow {
  terms: Record<string, unknown>;
  trading_start: Date;
  trading_end: Date | null;
  opening_at: Date | null;
  application_start: Date;
}

interface PriorAnswer {
  application_id: string;
  client_bid_id: string;
  seq: number | null;
  price: string;
  code: string | null;
  message: string | null;
}

interface BidRow {
  seq: number;
  application_id: string;
  bidder_number: string;
  kind: 'price' | 'area' | 'share';
  price: string | null;
  area: string | null;
  share: string | null;
  client_bid_id: string;
  prev_hash: string | null;
  hash: string;
}

interface RejectionRow {
  application_id: string;
  client_bid_id: string;
  code: string;
  message: string;
  value: string;
}

/**
 * Phases in which bids and staff commands are refused before the engine: the announcement's suspension or
 * termination rules the lot. (The clock takes up a suspended lot only at its announced resumption.)
 */
const HELD_PHASES: readonly string[] = ['suspended', 'terminated', 'draft'];

/**
 * One lot, locked: the engine's state, the database clock read after the lock, and what this
 * transaction appends. Every command goes through {@link LotSession.apply}, which numbers and chains the
 * events; {@link TradingService} writes everything with one statement and commits.
 */
class LotSession {
  readonly events: StoredEvent[] = [];
  readonly bids: BidRow[] = [];
  readonly rejections: RejectionRow[] = [];
  /** seq → the application whose bid it is (its sockets get `own: true`). */
  readonly owners = new Map<number, string>();
  seq: number;
  lastHash: string | null;
  /** A command changed the state (some, like scheduling a resumption, emit no event). */
  changed = false;
  private readonly closedBefore: boolean;

  constructor(
    readonly row: LotRow,
    public state: LotTradingState,
    readonly now: Date,
  ) {
    this.seq = Number(row.seq);
    this.lastHash = row.last_hash;
    this.closedBefore = ['closed_sold', 'closed_unsold'].includes(state.phase);
  }

  get justClosed(): boolean {
    return !this.closedBefore && (this.state.phase === 'closed_sold' || this.state.phase === 'closed_unsold');
  }

  apply(command: Command): Decision {
    const decision = decide(this.state, command, this.now);
    if (isRejected(decision)) return decision;
    if (decision.state !== this.state) this.changed = true;
    this.state = decision.state;
    for (const event of decision.events) this.append(event);
    return decision;
  }

  private append(event: EngineEvent): StoredEvent {
    const payload = JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
    const seq = this.seq + 1;
    const hash = chainHash(this.lastHash, seq, payload);
    const stored: StoredEvent = { seq, type: event.type, payload, prevHash: this.lastHash, hash, at: this.now };
    this.events.push(stored);
    this.seq = seq;
    this.lastHash = hash;
    return stored;
  }

  /** The last event appended, when it records a bid by `applicationId`. */
  recordBid(applicationId: string, clientBidId: string, kind: BidRow['kind']): StoredEvent {
    const e = this.events[this.events.length - 1];
    const p = e.payload;
    this.bids.push({
      seq: e.seq,
      application_id: applicationId,
      bidder_number: String(p.bidderNumber),
      kind,
      price: kind === 'price' ? String(p.price) : null,
      area: kind === 'area' ? String(p.area) : null,
      share: kind === 'share' ? String(p.share) : null,
      client_bid_id: clientBidId,
      prev_hash: e.prevHash,
      hash: e.hash,
    });
    this.owners.set(e.seq, applicationId);
    return e;
  }
}

/**
 * Trading on the database (DESIGN.md §4, Bids and Time): every command on a lot runs in one
 * transaction that locks the lot's row (`SELECT … FOR UPDATE`), reads the database clock *after* the
 * lock, decides with the pure engine, appends the events with the next `seq` and their hash, writes
 * bids, refusals, the new state and `due_at` in one statement, and commits. Only then are the
 * acknowledgements returned and the events broadcast ({@link LiveEvents}).
 *
 * A batch of bids for one lot (bid-queue.ts) is decided in order under a single lock and committed
 * once; a refused bid never blocks the others. A retried client bid id gets the first answer: accepted
 * bids and refusals are both stored, and both are unique per (lot, application, client bid id).
 */
@Injectable()
export class TradingService {
  private readonly logger = new Logger(TradingService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly reserve: ReservePriceService,
    private readonly parcels: ParcelService,
    private readonly disclosure: DisclosureService,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly live: LiveEvents,
    private readonly afterCommit: AfterCommit,
    @Inject(BIDDING_OPTIONS) private readonly options: BiddingOptions,
  ) {}

  // ───────────────────────────── the transaction ─────────────────────────────

  /**
   * Runs `work` on the locked lot and commits; broadcasts after the commit. `work` may return a value
   * for the caller (acks). If the lot has no trading state yet, `session` is null.
   */
  private async withLot<T>(
    lotId: string,
    work: (s: LotSession | null, qr: QueryRunner, row: LotRow, prior: readonly PriorAnswer[], refused: ReadonlyMap<string, AccountRefusal>) => Promise<T>,
    checks: { clientBidIds?: readonly string[]; accounts?: ReadonlyArray<AccountRef | undefined> } = {},
  ): Promise<T> {
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    let session: LotSession | null = null;
    let value: T;
    try {
      await qr.startTransaction();
      const locked = await this.lockLot(qr, lotId, checks);
      session = locked.session;
      value = await work(session, qr, locked.row, locked.prior, locked.refused);
      if (session && session.events.length + session.rejections.length > 0) await this.persist(qr, session);
      await qr.commitTransaction();
    } catch (err) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      throw err;
    } finally {
      await qr.release();
    }
    if (session && session.events.length > 0) this.live.publish(lotId, session.events, session.owners, session.row.practice);
    return value;
  }

  /**
   * Like {@link withLot}, inside a transaction another context opened and commits (`em`, e.g. the
   * supervisor's approval of a suspension): the lot step commits or rolls back with it, and its
   * events are broadcast once it has committed.
   */
  private async withLotIn<T>(em: EntityManager, lotId: string, work: (s: LotSession | null, qr: QueryRunner, row: LotRow) => Promise<T>): Promise<T> {
    const qr = em.queryRunner;
    if (!qr?.isTransactionActive) throw new DomainError('INVALID_STATE', 'a lot step inside another use case needs that use case\'s transaction', 'em');
    const { row, session } = await this.lockLot(qr, lotId);
    const value = await work(session, qr, row);
    if (session && (session.changed || session.events.length > 0)) {
      await this.persist(qr, session);
      if (session.events.length > 0) this.afterCommit.run(qr, () => this.live.publish(lotId, session.events, session.owners, session.row.practice));
    }
    return value;
  }

  /**
   * Locks the lot's row, then reads, in one round trip: the database clock, the first answers to any
   * retried client bid ids, and the bidders' accounts and sessions (disabled or logged out since they
   * connected?). Read after the lock, so a disable committed before this point refuses the bid.
   */
  private async lockLot(
    qr: QueryRunner,
    lotId: string,
    checks: { clientBidIds?: readonly string[]; accounts?: ReadonlyArray<AccountRef | undefined> } = {},
  ): Promise<{ row: LotRow; session: LotSession | null; prior: PriorAnswer[]; refused: ReadonlyMap<string, AccountRefusal> }> {
    const rows = (await qr.query(
      `SELECT id, announcement_id, lot_number, title, method, phase, seq, last_hash, trading_state, start_price, practice FROM lot WHERE id = $1 FOR UPDATE`,
      [lotId],
    )) as LotRow[];
    const row = rows[0];
    if (!row) throw new DomainError('LOT_NOT_FOUND', `lot ${lotId} does not exist`, 'lotId');
    const accounts = distinctAccounts(checks.accounts);
    const [{ now, prior, refused }] = (await qr.query(
      `SELECT clock_timestamp() AS now,
              CASE WHEN $2::text[] IS NULL THEN '[]'::json ELSE coalesce((SELECT json_agg(x) FROM (
                SELECT b.application_id, b.client_bid_id, b.seq, b.price::text AS price, NULL::text AS code, NULL::text AS message FROM bid b WHERE b.lot_id = $1 AND b.client_bid_id = ANY($2)
                UNION ALL
                SELECT r.application_id, r.client_bid_id, NULL, r.value, r.code, r.message FROM bid_rejection r WHERE r.lot_id = $1 AND r.client_bid_id = ANY($2)
              ) x), '[]'::json) END AS prior,
              CASE WHEN $3::uuid[] IS NULL THEN '[]'::json ELSE ${refusedAccountsSql('$3', '$4', '$5')} END AS refused`,
      [
        lotId,
        checks.clientBidIds ? [...new Set(checks.clientBidIds)] : null,
        accounts.length > 0 ? accounts.map((a) => a.userId) : null,
        accounts.length > 0 ? accounts.map((a) => a.sessionId) : null,
        Role.Bidder,
      ],
    )) as Array<{ now: Date; prior: PriorAnswer[]; refused: AccountRefusal[] }>;
    const session = row.trading_state ? new LotSession(row, decodeTradingState(row.trading_state), now) : null;
    return { row, session, prior, refused: new Map(refused.map((r) => [accountKey(r), r])) };
  }

  private async persist(qr: QueryRunner, s: LotSession): Promise<void> {
    if (s.justClosed) await this.recordClose(qr.manager, s);
    const snap = tradingSnapshot(s.state);
    const events = s.events.map((e) => ({ seq: e.seq, type: e.type, payload: e.payload, prev_hash: e.prevHash, hash: e.hash }));
    await qr.query(
      `WITH ev AS (
         INSERT INTO lot_event (lot_id, seq, type, payload, prev_hash, hash, created_at)
         SELECT $1, e.seq, e.type, e.payload, e.prev_hash, e.hash, $2
           FROM jsonb_to_recordset($3::jsonb) AS e(seq bigint, type text, payload jsonb, prev_hash text, hash text)
       ), b AS (
         INSERT INTO bid (lot_id, seq, application_id, bidder_number, kind, price, area, share, client_bid_id, prev_hash, hash, created_at)
         SELECT $1, x.seq, x.application_id, x.bidder_number, x.kind, x.price, x.area, x.share, x.client_bid_id, x.prev_hash, x.hash, $2
           FROM jsonb_to_recordset($4::jsonb) AS x(seq bigint, application_id uuid, bidder_number text, kind text, price numeric, area numeric, share numeric, client_bid_id text, prev_hash text, hash text)
       ), r AS (
         INSERT INTO bid_rejection (lot_id, application_id, client_bid_id, code, message, value, created_at)
         SELECT $1, x.application_id, x.client_bid_id, x.code, x.message, x.value, $2
           FROM jsonb_to_recordset($5::jsonb) AS x(application_id uuid, client_bid_id text, code text, message text, value text)
       )
       UPDATE lot SET trading_state = $6, seq = $7, last_hash = $8, phase = $9, phase_before_freeze = $10, frozen_at = $11, deadline = $12,
              current_price = $13, leader_number = $14, due_at = $15, phase_before_suspension = $16, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [
        s.row.id,
        s.now,
        JSON.stringify(events),
        JSON.stringify(s.bids),
        JSON.stringify(s.rejections),
        JSON.stringify(encodeTradingState(s.state)),
        s.seq,
        s.lastHash,
        s.state.phase,
        s.state.frozen?.from ?? null,
        s.state.frozen?.at ?? null,
        s.state.deadline ?? null,
        snap.currentPrice?.toString() ?? null,
        snap.leaderNumber ?? null,
        nextDueAt(s.state) ?? null,
        s.state.suspended?.from ?? null,
      ],
    );
  }

  // ───────────────────────────── bids ─────────────────────────────

  /** Decides a batch of bids for one lot under one lock; returns one ack per bid, in order. */
  async placeBids(lotId: string, bids: readonly PendingBid[]): Promise<BidAck[]> {
    const acks: BidAck[] = new Array<BidAck>(bids.length);
    await this.withLot(
      lotId,
      async (s, qr, row, priorRows, refusedAccounts) => {
        // A bid from a disabled account or an ended session is refused before anything else and leaves no trace.
        const open = bids.map((b, i) => {
          const barred = b.account && refusedAccounts.get(accountKey(b.account));
          if (barred) acks[i] = refused(barred.code, accountRefusalMessage(barred.code));
          return !barred;
        });
        if (!s) {
          bids.forEach((_, i) => open[i] && (acks[i] = refused(row.phase === 'published' || row.phase === 'applying' ? 'NOT_OPEN_YET' : 'WRONG_PHASE', 'trading has not opened yet')));
          return;
        }
        if (HELD_PHASES.includes(row.phase)) {
          bids.forEach((_, i) => open[i] && (acks[i] = refused(row.phase === 'terminated' ? 'LOT_CLOSED' : 'LOT_SUSPENDED', `the lot is ${row.phase}`)));
          return;
        }
        const prior = priorAnswers(priorRows, s.state.deadline);
        const seen = new Map<string, number>();
        for (let i = 0; i < bids.length; i++) {
          if (!open[i]) continue;
          const b = bids[i];
          const key = `${b.applicationId}|${b.clientBidId}`;
          const earlier = prior.get(key);
          if (earlier) {
            acks[i] = { ...earlier, ...(earlier.ok ? { duplicate: true } : {}) };
            continue;
          }
          const inBatch = seen.get(key);
          if (inBatch !== undefined) {
            const first = acks[inBatch];
            acks[i] = first.ok ? { ...first, duplicate: true } : first;
            continue;
          }
          seen.set(key, i);
          if (!s.state.qualified.includes(b.bidderNumber)) s.apply({ type: 'qualify', bidderNumber: b.bidderNumber });
          const d = s.apply({ type: 'place_bid', bidderNumber: b.bidderNumber, clientBidId: b.clientBidId, price: b.price });
          if (isRejected(d)) {
            acks[i] = refusal(d.rejection);
            s.rejections.push({ application_id: b.applicationId, client_bid_id: b.clientBidId, code: d.rejection.code, message: d.rejection.message, value: b.price.toString() });
            continue;
          }
          const stored = s.events[s.events.length - d.events.length];
          s.bids.push({
            seq: stored.seq,
            application_id: b.applicationId,
            bidder_number: b.bidderNumber,
            kind: 'price',
            price: b.price.toString(),
            area: null,
            share: null,
            client_bid_id: b.clientBidId,
            prev_hash: stored.prevHash,
            hash: stored.hash,
          });
          s.owners.set(stored.seq, b.applicationId);
          acks[i] = { ok: true, seq: stored.seq, price: b.price.toString(), deadline: s.state.deadline?.toISOString() ?? null };
          await this.followUps(s, qr);
        }
      },
      { clientBidIds: bids.map((b) => b.clientBidId), accounts: bids.map((b) => b.account) },
    );
    return acks;
  }

  // ───────────────────────────── other bidder commands ─────────────────────────────

  /**
   * A bidder's command other than a price bid: an area or share bid at the cap, an opt-in (timed
   * round or lottery), a sealed price (tender or one sealed price). Answers like a bid ack.
   */
  async bidderCommand(
    lotId: string,
    who: BidderSeat,
    command: { kind: 'area'; area: Area; clientBidId: string } | { kind: 'share'; share: Ratio; clientBidId: string } | { kind: 'opt_in' } | { kind: 'sealed'; price: Money },
  ): Promise<BidAck> {
    // The account and session are checked under the lot's lock (see withLot), like a price bid's.
    return this.withLot(lotId, async (s, qr, row, _prior, refusedAccounts) => {
      const barred = who.account && refusedAccounts.get(accountKey(who.account));
      if (barred) return refused(barred.code, accountRefusalMessage(barred.code));
      if (!s) return refused('NOT_OPEN_YET', 'trading has not opened yet');
      if (HELD_PHASES.includes(row.phase)) return refused(row.phase === 'terminated' ? 'LOT_CLOSED' : 'LOT_SUSPENDED', `the lot is ${row.phase}`);
      if (!s.state.qualified.includes(who.bidderNumber)) s.apply({ type: 'qualify', bidderNumber: who.bidderNumber });
      switch (command.kind) {
        case 'area':
        case 'share': {
          const existing = (await qr.query(`SELECT seq FROM bid WHERE lot_id = $1 AND application_id = $2 AND client_bid_id = $3`, [lotId, who.applicationId, command.clientBidId])) as Array<{ seq: string }>;
          if (existing[0]) return { ok: true, seq: Number(existing[0].seq), price: s.state.capRound?.price.toString() ?? '', deadline: s.state.deadline?.toISOString() ?? null, duplicate: true };
          const d = s.apply(
            command.kind === 'area'
              ? { type: 'place_cap_bid', bidderNumber: who.bidderNumber, area: command.area }
              : { type: 'place_cap_bid', bidderNumber: who.bidderNumber, share: command.share },
          );
          if (isRejected(d)) return refusal(d.rejection);
          const e = s.recordBid(who.applicationId, command.clientBidId, command.kind);
          return { ok: true, seq: e.seq, price: s.state.capRound?.price.toString() ?? '', deadline: s.state.deadline?.toISOString() ?? null };
        }
        case 'opt_in': {
          const d = s.apply({ type: 'opt_in', bidderNumber: who.bidderNumber });
          if (isRejected(d)) return refusal(d.rejection);
          const e = s.events[s.events.length - 1];
          s.owners.set(e.seq, who.applicationId);
          await this.followUps(s, qr);
          return { ok: true, seq: e.seq, price: '', deadline: s.state.deadline?.toISOString() ?? null };
        }
        case 'sealed': {
          const saltHex = randomBytes(32).toString('hex');
          const d = s.apply({ type: 'submit_sealed', bidderNumber: who.bidderNumber, price: command.price, saltHex });
          if (isRejected(d)) return refusal(d.rejection);
          const e = s.events[s.events.length - 1];
          s.owners.set(e.seq, who.applicationId);
          const purpose = s.state.phase === 'sealed_bidding' ? 'tender' : 'one_sealed_price';
          const context = `${purpose}|${lotId}|${who.bidderNumber}`;
          await qr.query(
            `INSERT INTO sealed_value (lot_id, purpose, bidder_number, application_id, commitment, sealed, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [lotId, purpose, who.bidderNumber, who.applicationId, String(e.payload.commitment), sealSecret(`${command.price.toString()}|${saltHex}`, context, this.options.reserveKey), s.now],
          );
          // The price is never echoed: the bidder gets the commitment it can check after the opening.
          return { ok: true, seq: e.seq, price: '', deadline: s.state.deadline?.toISOString() ?? null, commitment: String(e.payload.commitment) };
        }
      }
    }, { accounts: [who.account] });
  }

  /** Staff: freeze (暂停), resume, change the increment. Audited with the actor and reason. */
  async staffCommand(
    lotId: string,
    command: { type: 'freeze'; reason: string; supervisorApproved: boolean } | { type: 'resume'; resumptionNoticeAt?: Date } | { type: 'change_increment'; increment: Money; reason: string },
  ): Promise<{ seq: number; phase: string; deadline: string | null }> {
    return this.withLot(lotId, async (s, qr, row) => {
      if (!s) throw new DomainError('NOT_TRADING', 'trading has not opened for this lot', 'lotId');
      // The announcement's suspension or termination rules the lot: no freeze, resume or increment under it.
      if (HELD_PHASES.includes(row.phase)) throw new DomainError(row.phase === 'terminated' ? 'LOT_CLOSED' : 'LOT_SUSPENDED', `the lot is ${row.phase}`, 'lotId');
      const before = { phase: s.state.phase, deadline: s.state.deadline ?? null, increment: s.state.increment?.toString() ?? null };
      const d = s.apply(command);
      if (isRejected(d)) throw new DomainError(d.rejection.code, d.rejection.message, d.rejection.field);
      await this.audit.record(qr.manager, {
        action: `lot.${command.type}`,
        entityType: 'lot',
        entityId: lotId,
        before,
        after: { phase: s.state.phase, deadline: s.state.deadline ?? null, increment: s.state.increment?.toString() ?? null },
        reason: 'reason' in command ? command.reason : 'resumed',
      });
      return { seq: s.seq, phase: s.state.phase, deadline: s.state.deadline?.toISOString() ?? null };
    });
  }

  // ───────────────────────────── the announcement's suspension ─────────────────────────────

  /**
   * Suspends a lot in trading inside the supervisor's approval of the announcement's suspension (`em`
   * is that transaction), through the engine: the clock stops as in a freeze and the chain records
   * `phase:changed` → `suspended`. Whatever was due first happens first (the clock runs before): a lot
   * whose deadline had passed closes as it would have a moment later. Returns false when the lot has
   * no trading yet, so listing suspends it itself.
   */
  async suspendLive(em: EntityManager, lotId: string, reason: string): Promise<boolean> {
    return this.withLotIn(em, lotId, async (s, qr, row) => {
      // Suspended before the engine knew of suspensions: the listing state machine holds it as before.
      if (!s || (row.phase === 'suspended' && s.state.phase !== 'suspended')) return false;
      if (row.phase === 'terminated') return true;
      await this.runClock(s, qr);
      if (s.state.phase === 'closed_sold' || s.state.phase === 'closed_unsold') return true;
      const before = { phase: s.state.phase, deadline: s.state.deadline ?? null };
      const d = s.apply({ type: 'suspend', reason, supervisorApproved: true });
      if (isRejected(d)) throw new DomainError(d.rejection.code, `lot ${row.lot_number}: ${d.rejection.message}`, d.rejection.field);
      await this.audit.record(qr.manager, { action: 'lot.suspend', entityType: 'lot', entityId: lotId, before, after: { phase: s.state.phase, deadline: s.state.deadline ?? null }, reason });
      return true;
    });
  }

  /**
   * The announced resumption of a lot whose trading was suspended, inside the resumption's transaction:
   * it stays suspended until `resumesAt`, when the clock resumes it with the suspended time added to its
   * deadline. Returns false when the lot was not suspended through the engine, so listing resumes it.
   */
  async scheduleResumption(em: EntityManager, lotId: string, resumesAt: Date, reason: string): Promise<boolean> {
    return this.withLotIn(em, lotId, async (s, qr, row) => {
      if (!s || s.state.phase !== 'suspended') return false;
      const d = s.apply({ type: 'schedule_resumption', resumesAt });
      if (isRejected(d)) throw new DomainError(d.rejection.code, `lot ${row.lot_number}: ${d.rejection.message}`, d.rejection.field);
      await this.audit.record(qr.manager, { action: 'lot.schedule_resumption', entityType: 'lot', entityId: lotId, before: { phase: 'suspended' }, after: { phase: s.state.phase, resumesAt }, reason });
      return true;
    });
  }

  // ───────────────────────────── the clock ─────────────────────────────

  /**
   * Takes one due lot with `FOR UPDATE SKIP LOCKED` (so every instance may run this and exactly one
   * handles each lot), and ticks it in the same transaction. Returns the lot id, or null when none is due.
   */
  async tickNextDue(): Promise<string | null> {
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    let picked: string | null = null;
    let session: LotSession | null = null;
    try {
      await qr.startTransaction();
      const rows = (await qr.query(
        `SELECT id, announcement_id, lot_number, title, method, phase, seq, last_hash, trading_state, terms, trading_start, trading_end, opening_at, application_start, start_price, practice
           FROM lot
          WHERE phase NOT IN ('draft','terminated','closed_sold','closed_unsold')
            -- a suspended lot only once the engine holds its suspension (its announced resumption is due_at)
            AND (phase <> 'suspended' OR trading_state->>'phase' = 'suspended')
            AND COALESCE(due_at, CASE WHEN trading_state IS NOT NULL THEN NULL WHEN phase = 'published' THEN application_start WHEN phase = 'applying' THEN trading_start END) <= clock_timestamp()
          ORDER BY due_at NULLS FIRST
          LIMIT 1
          FOR UPDATE SKIP LOCKED`,
      )) as DueLotRow[];
      const row = rows[0];
      if (row) {
        picked = row.id;
        const [{ now }] = (await qr.query('SELECT clock_timestamp() AS now')) as Array<{ now: Date }>;
        session = await this.tickLocked(qr, row, now);
        if (session && session.events.length > 0) await this.persist(qr, session);
        else if (session) await qr.query(`UPDATE lot SET due_at = $2 WHERE id = $1`, [row.id, nextDueAt(session.state) ?? null]);
      }
      await qr.commitTransaction();
    } catch (err) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      // A lot that cannot be ticked must not starve the others: look at it again in 5 s.
      if (picked) await this.dataSource.query(`UPDATE lot SET due_at = clock_timestamp() + interval '5 seconds' WHERE id = $1`, [picked]).catch(() => undefined);
      throw err;
    } finally {
      await qr.release();
    }
    if (picked && session && session.events.length > 0) this.live.publish(picked, session.events, session.owners, session.row.practice);
    return picked;
  }

  /** Ticks one locked lot: opens applications, creates the trading state at the opening, runs the engine's clock. */
  private async tickLocked(qr: QueryRunner, row: DueLotRow, now: Date): Promise<LotSession | null> {
    if (!row.trading_state && row.phase === 'published') {
      const next = transitionLot({ phase: 'published' }, 'open_applications', { method: row.method, now });
      await qr.query(`UPDATE lot SET phase = $2, version = version + 1, updated_at = now() WHERE id = $1`, [row.id, next.phase]);
      await this.audit.record(qr.manager, { actor: 'system', action: 'lot.open_applications', entityType: 'lot', entityId: row.id, before: { phase: 'published' }, after: { phase: next.phase } });
      if (new Date(row.trading_start).getTime() > now.getTime()) return null;
      row = { ...row, phase: next.phase };
    }
    let state: LotTradingState;
    if (row.trading_state) {
      state = decodeTradingState(row.trading_state);
    } else {
      state = await this.createState(qr, row);
    }
    const s = new LotSession(row, state, now);
    const before = { phase: s.state.phase, deadline: s.state.deadline ?? null };
    await this.runClock(s, qr);
    if (before.phase === 'suspended' && s.state.phase !== 'suspended') {
      await this.audit.record(qr.manager, { actor: 'system', action: 'lot.resume_from_suspension', entityType: 'lot', entityId: row.id, before, after: { phase: s.state.phase, deadline: s.state.deadline ?? null }, reason: 'resumption announced for this time' });
    }
    return s;
  }

  /** The clock on a locked lot: qualified bidders brought in, the tick, and what follows by itself. */
  private async runClock(s: LotSession, qr: QueryRunner): Promise<void> {
    if (s.state.phase === 'applying' || s.state.phase === 'listing') await this.syncQualified(qr, s);
    await this.applyClosing(s, qr, { type: 'tick' });
    await this.followUps(s, qr);
  }

  private async createState(qr: QueryRunner, row: DueLotRow): Promise<LotTradingState> {
    const settings = (await this.settings.namespace('listing', qr.manager)) as Record<string, unknown>;
    const qualified = (await qr.query(`SELECT bidder_number FROM application WHERE lot_id = $1 AND status = 'qualified' AND bidder_number IS NOT NULL ORDER BY bidder_number`, [row.id])) as Array<{ bidder_number: string }>;
    return createTradingState({
      lotId: row.id,
      terms: toLotTerms(row.terms as unknown as LotTermsDto),
      settings,
      opensAt: new Date(row.trading_start),
      endsAt: row.trading_end ? new Date(row.trading_end) : undefined,
      openingAt: row.opening_at ? new Date(row.opening_at) : undefined,
      qualified: qualified.map((q) => q.bidder_number),
    });
  }

  private async syncQualified(qr: QueryRunner, s: LotSession): Promise<void> {
    const rows = (await qr.query(`SELECT bidder_number FROM application WHERE lot_id = $1 AND status = 'qualified' AND bidder_number IS NOT NULL`, [s.row.id])) as Array<{ bidder_number: string }>;
    for (const r of rows) if (!s.state.qualified.includes(r.bidder_number)) s.apply({ type: 'qualify', bidderNumber: r.bidder_number });
  }

  /**
   * Applies a command that can close the lot (tick, opening, draw). The engine asks for the reserve only
   * when a close with a price is due on a lot that has one (RESERVE_CHECK_REQUIRED); then, and only
   * then, the sealed reserve is opened — its commitment checked — and the command repeated with
   * `price ≥ reserve` as the predicate. Any other refusal here is a fault and aborts the transaction.
   */
  private async applyClosing(s: LotSession, qr: QueryRunner, command: Command): Promise<void> {
    let d = s.apply(command);
    if (isRejected(d) && d.rejection.code === 'RESERVE_CHECK_REQUIRED') {
      const revealed = await this.reserve.reveal(qr.manager, s.row.id);
      d = s.apply({ ...command, reserveMet: (price: Money) => meetsReserve(price, revealed.value) } as Command);
    }
    if (isRejected(d)) throw new DomainError(d.rejection.code, `lot ${s.row.id}: ${command.type} refused: ${d.rejection.message}`, d.rejection.field);
  }

  /**
   * What follows by itself once a state is reached: the lottery seed committed as soon as the lottery
   * window opens, the draw once it closes with several entrants, the opening of sealed values (a
   * tender at its opening time, one sealed price once its window closed).
   */
  private async followUps(s: LotSession, qr: QueryRunner): Promise<void> {
    for (let i = 0; i < 4; i++) {
      const st = s.state;
      const cap = st.phase === 'cap_round' ? st.capRound : undefined;
      if (cap?.mode === 'lottery' && st.lotteryCommitment === undefined) {
        const seedHex = randomBytes(32).toString('hex');
        const commitment = lotteryCommitment(seedHex);
        await qr.query(`INSERT INTO lottery_seed (lot_id, commitment, sealed, created_at) VALUES ($1, $2, $3, $4)`, [
          s.row.id,
          commitment,
          sealSecret(seedHex, `lottery|${s.row.id}`, this.options.reserveKey),
          s.now,
        ]);
        s.apply({ type: 'commit_lottery_seed', commitment });
        continue;
      }
      if (cap?.mode === 'lottery' && cap.windowClosed) {
        const [seed] = (await qr.query(`SELECT sealed FROM lottery_seed WHERE lot_id = $1`, [s.row.id])) as Array<{ sealed: string }>;
        const seedHex = openSecret(seed.sealed, `lottery|${s.row.id}`, this.options.reserveKey);
        await this.applyClosing(s, qr, { type: 'draw_lottery', seedHex });
        continue;
      }
      const openingDue = st.phase === 'opening' && st.openingAt !== undefined && s.now.getTime() >= st.openingAt.getTime();
      if (openingDue || (cap?.mode === 'one_sealed_price' && cap.windowClosed)) {
        const purpose = openingDue ? 'tender' : 'one_sealed_price';
        const rows = (await qr.query(`SELECT bidder_number, sealed FROM sealed_value WHERE lot_id = $1 AND purpose = $2 ORDER BY bidder_number`, [s.row.id, purpose])) as Array<{ bidder_number: string; sealed: string }>;
        const reveals: SealedReveal[] = rows.map((r) => {
          const [price, saltHex] = openSecret(r.sealed, `${purpose}|${s.row.id}|${r.bidder_number}`, this.options.reserveKey).split('|');
          return { bidderNumber: r.bidder_number, price: Money.of(price), saltHex };
        });
        await this.applyClosing(s, qr, { type: 'open_sealed', reveals });
        continue;
      }
      return;
    }
  }

  // ───────────────────────────── the close ─────────────────────────────

  /** The result row, the reserve revealed, the parcels sold or returned, the public notice and the audit record — in the closing transaction. */
  private async recordClose(em: EntityManager, s: LotSession): Promise<void> {
    const outcome = s.state.outcome;
    if (!outcome) throw new DomainError('INVALID_STATE', 'a closed lot without an outcome', 'outcome');
    const lotId = s.row.id;
    const parcels = (await em.query(
      `SELECT p.id, p.code, p.declared_area::text AS area, p.plot_ratio_max::text AS plot_ratio FROM lot_parcel lp JOIN parcel p ON p.id = lp.parcel_id WHERE lp.lot_id = $1 ORDER BY p.code`,
      [lotId],
    )) as Array<{ id: string; code: string; area: string; plot_ratio: string | null }>;
    // A practice lot locks no parcel of the register: its figures come from the fictional parcel in its terms.
    const measures = s.row.practice
      ? await practiceParcelOf(em, lotId)
      : parcels.map((p) => ({ area: Area.of(p.area), plotRatioMax: p.plot_ratio === null ? null : Ratio.of(p.plot_ratio) }));
    const landArea = landAreaOf(measures);
    // The engine's state keeps only what bidding needs; the unit is read from the lot's published terms.
    const [unitRow] = (await em.query(`SELECT coalesce(terms->>'priceUnit', 'total') AS price_unit FROM lot WHERE id = $1`, [lotId])) as Array<{ price_unit: PriceUnit }>;
    const priceUnit = unitRow.price_unit;
    const startPrice = Money.of(s.row.start_price);
    let reserve: { value: Money; salt: string; commitment: string } | null = null;
    if (s.state.terms.hasReserve) reserve = await this.reserve.reveal(em, lotId);

    let winnerApplicationId: string | null = null;
    // The bid is in the lot's unit; the sale's total and every derived figure come from the one function of libs/money.
    let figures: SaleFigures | null = null;
    if (outcome.outcome === 'sold' && outcome.price && outcome.winnerNumber) {
      const [app] = (await em.query(`SELECT id FROM application WHERE lot_id = $1 AND bidder_number = $2`, [lotId, outcome.winnerNumber])) as Array<{ id: string }>;
      if (!app) throw new DomainError('INVALID_STATE', `no application holds bidder number ${outcome.winnerNumber}`, 'winnerNumber');
      winnerApplicationId = app.id;
      figures = saleFigures({ priceUnit, bidPrice: outcome.price, startPrice, parcels: measures });
    }
    const price = figures?.totalPrice ?? null;
    await em.query(
      `INSERT INTO result (lot_id, outcome, reason, winner_application_id, winner_number, price, area, share, unit_price, floor_price, premium_rate, land_area,
                           reserve_value, reserve_salt, reserve_commitment, chain_length, chain_head, closed_at, price_unit, bid_price, floor_area)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21)`,
      [
        lotId,
        outcome.outcome,
        outcome.reason ?? null,
        winnerApplicationId,
        outcome.outcome === 'sold' ? (outcome.winnerNumber ?? null) : null,
        price?.toString() ?? null,
        outcome.area?.toString() ?? null,
        outcome.share?.toString() ?? null,
        figures?.unitPrice?.toString() ?? null,
        figures?.floorPrice?.toString() ?? null,
        figures?.premiumRate.toString() ?? null,
        landArea.toString(),
        reserve?.value.toString() ?? null,
        reserve?.salt ?? null,
        reserve?.commitment ?? null,
        s.seq,
        s.lastHash,
        s.now,
        priceUnit,
        figures?.bidPrice.toString() ?? null,
        figures?.floorArea ? formatFloorArea(figures.floorArea) : null,
      ],
    );
    // A rehearsal changes no parcel and publishes nothing: its result is read at /result, marked practice.
    if (!s.row.practice) {
      const parcelIds = parcels.map((p) => p.id);
      if (outcome.outcome === 'sold') await this.parcels.markSold(em, parcelIds, `lot ${s.row.lot_number} sold`);
      else await this.parcels.returnAfterFailedSale(em, parcelIds, `lot ${s.row.lot_number} unsold: ${outcome.reason ?? ''}`);
      await this.disclosure.publish(em, {
        kind: 'result',
        announcementId: s.row.announcement_id,
        lotId,
        title: `${s.row.lot_number}（${s.row.title}）${outcome.outcome === 'sold' ? '成交结果' : '流拍公告'}`,
        body: resultNoticeBody(s.row.lot_number, outcome.outcome, outcome.reason, outcome.winnerNumber, figures, priceUnit, reserve, s.seq, s.lastHash ?? ''),
      });
    }
    await this.audit.record(em, {
      actor: 'system',
      action: outcome.outcome === 'sold' ? 'lot.close_sold' : 'lot.close_unsold',
      entityType: 'lot',
      entityId: lotId,
      after: {
        outcome: outcome.outcome,
        reason: outcome.reason ?? null,
        winnerNumber: outcome.winnerNumber ?? null,
        price: price?.toString() ?? null,
        chainLength: s.seq,
        chainHead: s.lastHash,
        ...(s.row.practice ? { practice: true } : {}),
      },
    });
    this.logger.log({ lotId, outcome: outcome.outcome, reason: outcome.reason }, 'lot closed');
  }
}

/**
 * The fictional parcel of a practice lot (`terms.practiceParcel`: area and maximum plot ratio, decimal
 * strings), so its result has a unit price and a floor price like a real one; none when absent.
 */
async function practiceParcelOf(em: EntityManager, lotId: string): Promise<Array<{ area: Area; plotRatioMax: Ratio | null }>> {
  const [row] = (await em.query(`SELECT terms->'practiceParcel'->>'area' AS area, terms->'practiceParcel'->>'plotRatioMax' AS plot_ratio FROM lot WHERE id = $1`, [lotId])) as Array<{
    area: string | null;
    plot_ratio: string | null;
  }>;
  if (!row?.area) return [];
  return [{ area: Area.of(row.area), plotRatioMax: row.plot_ratio === null ? null : Ratio.of(row.plot_ratio) }];
}

const REASON_TEXT: Record<string, string> = {
  NO_BIDS: '无有效报价',
  RESERVE_NOT_MET: '最高报价未达到底价',
  TOO_FEW_BIDDERS: '竞买人不足',
  TOO_FEW_BIDS: '有效投标不足',
};

function resultNoticeBody(
  lotNumber: string,
  outcome: 'sold' | 'unsold',
  reason: string | undefined,
  winnerNumber: string | undefined,
  figures: SaleFigures | null,
  priceUnit: PriceUnit,
  reserve: { value: Money; salt: string; commitment: string } | null,
  chainLength: number,
  chainHead: string,
): string {
  const lines = [`宗地编号 ${lotNumber}`];
  if (outcome === 'sold' && figures) {
    lines.push(`竞得人号牌：${winnerNumber ?? ''}`);
    if (priceUnit !== 'total') lines.push(`成交报价：${figures.bidPrice.toString()} ${PRICE_UNIT_LABELS[priceUnit]}`);
    lines.push(`成交总价：${figures.totalPrice.toString()} 元`);
    if (figures.unitPrice) lines.push(`单价：${figures.unitPrice.toString()} 元/平方米（按出让面积）`);
    if (figures.floorPrice) lines.push(`楼面地价：${figures.floorPrice.toString()} 元/平方米（按最大容积率计算的建筑面积）`);
    lines.push(`溢价率：${figures.premiumRate.formatPercent(2)}`);
    lines.push('竞得人名称将在成交公示中公布。');
  } else {
    lines.push(`流拍原因：${REASON_TEXT[reason ?? ''] ?? reason ?? ''}`);
  }
  if (reserve) lines.push(`底价：${reserve.value.toString()} ${PRICE_UNIT_LABELS[priceUnit]}（盐值 ${reserve.salt}，承诺 ${reserve.commitment}，可在 /api/public/reserve/verify 核验）`);
  lines.push(`竞价记录共 ${chainLength} 条，哈希链末端 ${chainHead}，可在 /api/public/lots/{id}/chain/verify 核验。`);
  return lines.join('\n');
}

/** The first answers to client bid ids seen before, by `application|clientBidId`. */
function priorAnswers(rows: readonly PriorAnswer[], deadline: Date | undefined): Map<string, BidAck> {
  const out = new Map<string, BidAck>();
  for (const r of rows) {
    out.set(
      `${r.application_id}|${r.client_bid_id}`,
      r.code === null ? { ok: true, seq: Number(r.seq), price: r.price, deadline: deadline?.toISOString() ?? null } : { ok: false, code: r.code, message: r.message ?? '' },
    );
  }
  return out;
}

function accountKey(a: AccountRef): string {
  return `${a.userId}|${a.sessionId}`;
}

function distinctAccounts(accounts: ReadonlyArray<AccountRef | undefined> | undefined): AccountRef[] {
  const byKey = new Map<string, AccountRef>();
  for (const a of accounts ?? []) if (a) byKey.set(accountKey(a), a);
  return [...byKey.values()];
}

function refused(code: string, message: string): BidAck {
  return { ok: false, code, message };
}

function refusal(r: Rejection): BidAck {
  return r.field === undefined ? { ok: false, code: r.code, message: r.message } : { ok: false, code: r.code, message: r.message, field: r.field };
}
