import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/common/domain-error';
import { Decimal, formatFloorArea } from '@app/money';
import { TransactionRunner } from '@app/database';
import type { CapMode, LotPhase, LotSnapshot } from '@app/contracts';
import { CANONICAL_FORM_SPEC, tradingSnapshot, verifyChain } from '../domain';
import { decodeTradingState } from '../domain/trading-state-codec';

export type { LotSnapshot };

export interface ReplayedEvent {
  lotId: string;
  seq: number;
  type: string;
  hash: string;
  [key: string]: unknown;
}

/** Read side of trading: snapshots with replay for `lot:join`, the published chain and its verification, results. */
@Injectable()
export class TradingQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * The snapshot and every event after `lastSeq`, read in one REPEATABLE READ transaction so the
   * events end exactly at the snapshot's seq. Events committed later reach the client live (it joined
   * the room before this read), so it misses nothing; it ignores any live event with seq ≤ snapshot.seq.
   */
  async join(lotId: string, lastSeq: number, ownApplicationId?: string): Promise<{ snapshot: LotSnapshot; events: ReplayedEvent[] }> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const [row] = (await em.query(
        `SELECT l.id, l.lot_number, l.method, l.phase, l.seq, l.trading_state, l.deadline, l.current_price::text AS current_price, l.leader_number, l.trading_start, l.practice, clock_timestamp() AS now
           FROM lot l WHERE l.id = $1 AND l.phase <> 'draft'`,
        [lotId],
      )) as Array<{
        id: string;
        lot_number: string;
        method: string;
        phase: string;
        seq: string;
        trading_state: unknown;
        deadline: Date | null;
        current_price: string | null;
        leader_number: string | null;
        trading_start: Date;
        practice: boolean;
        now: Date;
      }>;
      if (!row) throw new DomainError('LOT_NOT_FOUND', `lot ${lotId} does not exist or is not published`, 'lotId');
      const seq = Number(row.seq);
      const snap = row.trading_state ? tradingSnapshot(decodeTradingState(row.trading_state)) : undefined;
      const snapshot: LotSnapshot = {
        lotId: row.id,
        lotNumber: row.lot_number,
        method: row.method as LotSnapshot['method'],
        phase: row.phase as LotPhase,
        seq,
        serverTime: new Date(row.now).toISOString(),
        currentPrice: row.current_price,
        leaderNumber: row.leader_number,
        deadline: row.deadline ? new Date(row.deadline).toISOString() : null,
        opensAt: snap?.opensAt?.toISOString() ?? (row.trading_state ? null : new Date(row.trading_start).toISOString()),
        increment: snap?.increment?.toString() ?? null,
        minimumNextPrice: snap?.minimumNextPrice?.toString() ?? null,
        capMode: (snap?.capMode ?? null) as CapMode | null,
        capPrice: snap?.capPrice?.toString() ?? null,
        leadingArea: snap?.leadingArea?.toString() ?? null,
        leadingShare: snap?.leadingShare?.toString() ?? null,
        outcome: snap?.outcome ? (JSON.parse(JSON.stringify(snap.outcome)) as Record<string, unknown>) : null,
        practice: row.practice,
      };
      const events = lastSeq < seq ? await this.events(em, lotId, lastSeq, ownApplicationId, row.practice) : [];
      return { snapshot, events };
    });
  }

  private async events(em: { query: DataSource['query'] }, lotId: string, afterSeq: number, ownApplicationId: string | undefined, practice: boolean): Promise<ReplayedEvent[]> {
    const rows = (await em.query(
      `SELECT e.seq, e.type, e.payload, e.hash, e.prev_hash, (b.application_id IS NOT NULL AND b.application_id = $3) AS own
         FROM lot_event e LEFT JOIN bid b ON b.lot_id = e.lot_id AND b.seq = e.seq
        WHERE e.lot_id = $1 AND e.seq > $2 ORDER BY e.seq`,
      [lotId, afterSeq, ownApplicationId ?? null],
    )) as Array<{ seq: string; type: string; payload: Record<string, unknown>; hash: string; own: boolean }>;
    // Replayed like the live frames: a practice lot's events say so (outside the hashed payload).
    return rows.map((r) => ({ lotId, seq: Number(r.seq), hash: r.hash, ...r.payload, type: r.type, ...(r.own ? { own: true } : {}), ...(practice ? { practice: true } : {}) }));
  }

  /** The lot's whole event log as published: each event's canonical payload, seq, previous hash and hash. */
  async chain(lotId: string) {
    const rows = (await this.dataSource.query(
      `SELECT e.seq, e.payload, e.prev_hash, e.hash FROM lot_event e JOIN lot l ON l.id = e.lot_id AND l.phase <> 'draft' WHERE e.lot_id = $1 ORDER BY e.seq`,
      [lotId],
    )) as Array<{ seq: string; payload: Record<string, unknown>; prev_hash: string | null; hash: string }>;
    const [lot] = (await this.dataSource.query(`SELECT seq, last_hash FROM lot WHERE id = $1 AND phase <> 'draft'`, [lotId])) as Array<{ seq: string; last_hash: string | null }>;
    if (!lot) throw new DomainError('LOT_NOT_FOUND', `lot ${lotId} does not exist or is not published`, 'lotId');
    return {
      lotId,
      canonicalForm: CANONICAL_FORM_SPEC,
      length: Number(lot.seq),
      head: lot.last_hash,
      events: rows.map((r) => ({ seq: Number(r.seq), prevHash: r.prev_hash, hash: r.hash, event: r.payload })),
    };
  }

  /** Recomputes the chain from the stored events and compares it with the stored hashes and the lot's head. */
  async verify(lotId: string) {
    const c = await this.chain(lotId);
    const verdict = verifyChain(c.events.map((e) => ({ seq: e.seq, event: e.event, hash: e.hash })));
    const headMatches = verdict.ok && verdict.lastSeq === c.length && verdict.lastHash === c.head;
    return { lotId, length: c.length, head: c.head, valid: verdict.ok && headMatches, headMatches, ...(verdict.ok ? {} : { firstInvalidSeq: verdict.seq, problem: verdict.reason }) };
  }

  /** The database clock, which judges every deadline; clients compute their offset from it. */
  async serverTime() {
    return { serverTime: (await this.tx.now()).toISOString() };
  }

  /** Whether the lot exists and is published (not a draft): what `lot:join` and the public routes show. */
  async isPublicLot(lotId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM lot WHERE id = $1 AND phase <> 'draft'`, [lotId])) as unknown[];
    return rows.length > 0;
  }

  /** The qualified application (and its bidder number) through which this account bids on the lot: its lead bidder's. */
  async seatOf(lotId: string, userId: string): Promise<{ applicationId: string; bidderNumber: string } | null> {
    const rows = (await this.dataSource.query(
      `SELECT a.id, a.bidder_number FROM application a JOIN bidder b ON b.id = a.lead_bidder_id
        WHERE a.lot_id = $1 AND b.user_id = $2 AND a.status = 'qualified' AND a.bidder_number IS NOT NULL`,
      [lotId, userId],
    )) as Array<{ id: string; bidder_number: string }>;
    return rows[0] ? { applicationId: rows[0].id, bidderNumber: rows[0].bidder_number } : null;
  }

  /** Trading staff only: every bid of a lot with the bidder behind each number. */
  async bidsWithIdentities(lotId: string, limit: number) {
    const rows = (await this.dataSource.query(
      `SELECT b.seq, b.kind, b.price::text AS price, b.area::text AS area, b.share::text AS share, b.bidder_number, b.client_bid_id, b.created_at, b.hash,
              bd.name AS bidder_name, bd.credit_code, a.id AS application_id, a.joint
         FROM bid b JOIN application a ON a.id = b.application_id JOIN bidder bd ON bd.id = a.lead_bidder_id
        WHERE b.lot_id = $1 ORDER BY b.seq LIMIT $2`,
      [lotId, limit],
    )) as Array<{
      seq: string;
      kind: string;
      price: string | null;
      area: string | null;
      share: string | null;
      bidder_number: string;
      client_bid_id: string;
      created_at: Date;
      hash: string;
      bidder_name: string;
      credit_code: string | null;
      application_id: string;
      joint: boolean;
    }>;
    return rows.map((r) => ({
      seq: Number(r.seq),
      kind: r.kind,
      price: r.price,
      area: r.area,
      share: r.share,
      bidderNumber: r.bidder_number,
      clientBidId: r.client_bid_id,
      createdAt: r.created_at,
      hash: r.hash,
      bidderName: r.bidder_name,
      creditCode: r.credit_code,
      applicationId: r.application_id,
      joint: r.joint,
    }));
  }

  /** The result of a closed lot as the public sees it: bidder number, figures, the revealed reserve and the chain head; no identity. */
  async result(lotId: string) {
    const [r] = (await this.dataSource.query(
      `SELECT r.outcome, r.reason, r.winner_number, r.price::text AS price, r.price_unit, r.bid_price::text AS bid_price, r.floor_area::text AS floor_area, r.area::text AS area, r.share::text AS share, r.unit_price::text AS unit_price,
              r.floor_price::text AS floor_price, r.premium_rate::text AS premium_rate, r.land_area::text AS land_area, r.reserve_value::text AS reserve_value,
              r.reserve_salt, r.reserve_commitment, r.chain_length, r.chain_head, r.closed_at, l.lot_number, l.practice
         FROM result r JOIN lot l ON l.id = r.lot_id WHERE r.lot_id = $1`,
      [lotId],
    )) as Array<Record<string, unknown>>;
    if (!r) throw new DomainError('RESULT_NOT_FOUND', `lot ${lotId} has no result yet`, 'lotId');
    return {
      lotId,
      lotNumber: r.lot_number,
      outcome: r.outcome,
      reason: r.reason,
      winnerNumber: r.winner_number,
      /** 成交总价, 元. */
      price: r.price,
      /** The unit the lot was bid in, and the winning price as bid in it. */
      priceUnit: r.price_unit,
      bidPrice: r.bid_price,
      area: r.area,
      share: r.share,
      unitPrice: r.unit_price,
      floorPrice: r.floor_price,
      premiumRate: r.premium_rate,
      landArea: r.land_area,
      /** Σ area × maximum plot ratio, exact; null when a parcel has no maximum plot ratio. */
      floorArea: r.floor_area === null ? null : formatFloorArea(new Decimal(r.floor_area as string)),
      reserve: r.reserve_value ? { value: r.reserve_value, salt: r.reserve_salt, commitment: r.reserve_commitment } : null,
      chainLength: Number(r.chain_length),
      chainHead: r.chain_head,
      closedAt: r.closed_at,
      /** A rehearsal (模拟竞价): no real sale, nothing settled or published. */
      practice: r.practice === true,
    };
  }
}
