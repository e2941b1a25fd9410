import { Injectable, Logger } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { LotPhase } from '@app/contracts';
import { Area, Money } from '@app/money';
import { nextSimulatedMove, simulatedClientBidId, simulatedDelayMs, simulationFinished, type SimulatedMove, type SimulatedSeat } from '../domain/simulated-bidders';
import { TradingQueryService } from './trading-query.service';
import { TradingService, type BidAck } from './trading.service';

/** A simulated bidder to enlist: its seat (a qualified application) and its private limits. */
export interface SimulatedBidderInput {
  readonly applicationId: string;
  readonly bidderNumber: string;
  readonly limit: Money;
  readonly areaLimit?: Area | null;
}

export interface SimulationPace {
  /** Delay before the first move, ms. */
  readonly firstMoveInMs: number;
  /** Bounds of the pause between two moves, ms. */
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
  /** Quotes the simulated bidders put on a listing board in all. */
  readonly listingQuotesMax: number;
}

interface DueRow {
  lot_id: string;
  step: number;
  min_delay_ms: number;
  max_delay_ms: number;
  listing_quotes: number;
  listing_quotes_max: number;
}

/** A fraction in [0, 1) from the platform's CSPRNG (no JS float arithmetic reaches an amount). */
const fraction = () => randomInt(1_000_000) / 1_000_000;

/**
 * The simulated bidders of the demo's live lot and of practice lots (模拟竞价): one driver for both.
 *
 * Their state lives in the database (`simulated_lot`, `simulated_bidder`), so a restart loses nothing
 * and any instance can drive them. The auction clock calls {@link driveDue} on every instance; each due
 * lot is taken with `FOR UPDATE SKIP LOCKED`, so one instance at a time moves it, and the move is sent
 * through {@link TradingService} like a real bidder's (row lock, database clock, hash chain). Each move
 * carries the client bid id of its step number: if an instance dies after the bid committed but before
 * the step did, the next instance repeats the step and the engine answers it as a retry (the same
 * bidder) or judges the new situation (another one) — a simulated bid is never placed twice.
 */
@Injectable()
export class SimulatedBidders {
  private readonly logger = new Logger(SimulatedBidders.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly trading: TradingService,
    private readonly query: TradingQueryService,
  ) {}

  /** Enlists simulated bidders on a lot, in the caller's transaction (their seats are written there too). */
  async enlist(em: EntityManager, lotId: string, bidders: readonly SimulatedBidderInput[], pace: SimulationPace): Promise<void> {
    await em.query(
      `INSERT INTO simulated_lot (lot_id, next_at, min_delay_ms, max_delay_ms, listing_quotes_max)
       VALUES ($1, clock_timestamp() + make_interval(secs => $2::double precision / 1000), $3, $4, $5)`,
      [lotId, pace.firstMoveInMs, pace.minDelayMs, pace.maxDelayMs, pace.listingQuotesMax],
    );
    await em.query(
      `INSERT INTO simulated_bidder (lot_id, application_id, bidder_number, limit_price, area_limit)
       SELECT $1, x.application_id, x.bidder_number, x.limit_price, x.area_limit
         FROM jsonb_to_recordset($2::jsonb) AS x(application_id uuid, bidder_number text, limit_price numeric, area_limit numeric)`,
      [
        lotId,
        JSON.stringify(bidders.map((b) => ({ application_id: b.applicationId, bidder_number: b.bidderNumber, limit_price: b.limit.toString(), area_limit: b.areaLimit?.toString() ?? null }))),
      ],
    );
  }

  /** Moves every lot whose simulated bidders are due, once each; returns how many lots were looked at. */
  async driveDue(limit = 50): Promise<number> {
    const seen: string[] = [];
    while (seen.length < limit) {
      const lotId = await this.driveNext(seen);
      if (!lotId) break;
      seen.push(lotId);
    }
    return seen.length;
  }

  private async driveNext(skip: readonly string[]): Promise<string | null> {
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      const [row] = (await qr.query(
        `SELECT lot_id, step, min_delay_ms, max_delay_ms, listing_quotes, listing_quotes_max FROM simulated_lot
          WHERE NOT done AND next_at <= clock_timestamp() AND NOT (lot_id = ANY($1::uuid[]))
          ORDER BY next_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [skip],
      )) as DueRow[];
      if (!row) {
        await qr.commitTransaction();
        return null;
      }
      let moved = false;
      let quoted = false;
      let finished = false;
      try {
        const { snapshot } = await this.query.join(row.lot_id, Number.MAX_SAFE_INTEGER);
        finished = simulationFinished(snapshot.phase);
        if (!finished) {
          const move = await this.decide(qr.manager, row, snapshot);
          if (move) {
            const ack = await this.send(row.lot_id, row.step, move);
            moved = true;
            quoted = snapshot.phase === 'listing' && move.kind === 'price' && ack.ok;
          }
        }
      } catch (err) {
        // A fault on one lot must not stop the others: it is looked at again after the pause.
        this.logger.warn({ err, lotId: row.lot_id }, 'a simulated move failed');
      }
      await qr.query(
        `UPDATE simulated_lot SET done = $2, step = step + $3, listing_quotes = listing_quotes + $4,
                next_at = clock_timestamp() + make_interval(secs => $5::double precision / 1000) WHERE lot_id = $1`,
        [row.lot_id, finished, moved ? 1 : 0, quoted ? 1 : 0, simulatedDelayMs(row.min_delay_ms, row.max_delay_ms, fraction())],
      );
      await qr.commitTransaction();
      return row.lot_id;
    } catch (err) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      throw err;
    } finally {
      await qr.release();
    }
  }

  private async decide(
    em: EntityManager,
    row: DueRow,
    snapshot: { phase: LotPhase; leaderNumber: string | null; minimumNextPrice: string | null; capMode: string | null; leadingArea: string | null },
  ): Promise<SimulatedMove | null> {
    const [lot] = (await em.query(`SELECT start_price::text AS start_price, terms->'capRule'->>'areaStep' AS area_step FROM lot WHERE id = $1`, [row.lot_id])) as Array<{
      start_price: string;
      area_step: string | null;
    }>;
    const seats = (
      (await em.query(`SELECT application_id, bidder_number, limit_price::text AS limit_price, area_limit::text AS area_limit FROM simulated_bidder WHERE lot_id = $1 ORDER BY bidder_number`, [
        row.lot_id,
      ])) as Array<{ application_id: string; bidder_number: string; limit_price: string; area_limit: string | null }>
    ).map<SimulatedSeat>((s) => ({ applicationId: s.application_id, bidderNumber: s.bidder_number, limit: Money.of(s.limit_price), areaLimit: s.area_limit === null ? null : Area.of(s.area_limit) }));
    const sealed =
      snapshot.phase === 'sealed_bidding'
        ? ((await em.query(`SELECT bidder_number FROM sealed_value WHERE lot_id = $1 AND purpose = 'tender'`, [row.lot_id])) as Array<{ bidder_number: string }>).map((r) => r.bidder_number)
        : [];
    return nextSimulatedMove(
      {
        phase: snapshot.phase,
        leaderNumber: snapshot.leaderNumber,
        minimumNextPrice: snapshot.minimumNextPrice === null ? null : Money.of(snapshot.minimumNextPrice),
        capMode: snapshot.capMode as 'build_in_area' | 'lottery' | null,
        leadingArea: snapshot.leadingArea === null ? null : Area.of(snapshot.leadingArea),
        areaStep: lot.area_step === null ? null : Area.of(lot.area_step),
        startPrice: Money.of(lot.start_price),
        sealedSubmitted: sealed,
      },
      seats,
      { step: row.step, listingQuotes: row.listing_quotes, listingQuotesMax: row.listing_quotes_max },
      fraction(),
    );
  }

  /** The move through the same path as a real bidder's (no account: a simulated bidder has no login). */
  private async send(lotId: string, step: number, move: SimulatedMove): Promise<BidAck> {
    const seat = { applicationId: move.seat.applicationId, bidderNumber: move.seat.bidderNumber };
    const clientBidId = simulatedClientBidId(step);
    switch (move.kind) {
      case 'price':
        return (await this.trading.placeBids(lotId, [{ ...seat, clientBidId, price: move.price }]))[0]!;
      case 'area':
        return this.trading.bidderCommand(lotId, seat, { kind: 'area', area: move.area, clientBidId });
      case 'opt_in':
        return this.trading.bidderCommand(lotId, seat, { kind: 'opt_in' });
      case 'sealed':
        return this.trading.bidderCommand(lotId, seat, { kind: 'sealed', price: move.price });
    }
  }
}
