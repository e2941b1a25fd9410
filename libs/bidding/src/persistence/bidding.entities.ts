import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Area, AreaColumn, Money, MoneyColumn, Ratio, RatioColumn } from '@app/money';
import { LotEntity } from '@app/listing/persistence/lot.entity';
import { ApplicationEntity } from '@app/qualification/persistence/application.entity';

/**
 * The lot's event log: every event the engine emitted, numbered 1, 2, 3 … without gaps and chained by
 * hash (hash-chain.ts). `payload` is exactly what spectators receive (bidder numbers, never
 * identities). Append-only (database trigger). The replay source of `lot:join {lastSeq}`.
 */
@Entity({ name: 'lot_event' })
@Check('lot_event_seq_check', `seq >= 1`)
@Check('lot_event_hash_check', `hash ~ '^[0-9a-f]{64}$' AND (seq = 1) = (prev_hash IS NULL)`)
export class LotEventEntity {
  @PrimaryColumn({ type: 'uuid' })
  lotId: string;

  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @ManyToOne(() => LotEntity)
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'lot_event_lot_fk' })
  lot?: LotEntity;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  prevHash: string | null;

  @Column({ type: 'text' })
  hash: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}

/** An accepted bid (price, or at the cap an area or a share), with the event it produced. Append-only. */
@Entity({ name: 'bid' })
@Unique('bid_lot_seq_unique', ['lotId', 'seq'])
@Unique('bid_client_bid_unique', ['lotId', 'applicationId', 'clientBidId'])
@Check(
  'bid_kind_check',
  `kind IN ('price','area','share') AND (kind = 'price') = (price IS NOT NULL) AND (kind = 'area') = (area IS NOT NULL) AND (kind = 'share') = (share IS NOT NULL)`,
)
export class BidEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  lotId: string;

  @ManyToOne(() => LotEntity)
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'bid_lot_fk' })
  lot?: LotEntity;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity)
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'bid_application_fk' })
  application?: ApplicationEntity;

  @Column({ type: 'text' })
  bidderNumber: string;

  @Column({ type: 'text' })
  kind: 'price' | 'area' | 'share';

  @MoneyColumn({ nullable: true })
  price: Money | null;

  @AreaColumn({ nullable: true })
  area: Area | null;

  @RatioColumn({ nullable: true })
  share: Ratio | null;

  @Column({ type: 'text' })
  clientBidId: string;

  @Column({ type: 'text', nullable: true })
  prevHash: string | null;

  @Column({ type: 'text' })
  hash: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}

/** A bid the engine refused, kept so that a retry with the same client bid id gets the same answer. Append-only. */
@Entity({ name: 'bid_rejection' })
@Unique('bid_rejection_client_bid_unique', ['lotId', 'applicationId', 'clientBidId'])
export class BidRejectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  lotId: string;

  @ManyToOne(() => LotEntity)
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'bid_rejection_lot_fk' })
  lot?: LotEntity;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity)
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'bid_rejection_application_fk' })
  application?: ApplicationEntity;

  @Column({ type: 'text' })
  clientBidId: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  message: string;

  /** The value as the bidder sent it (a decimal string). */
  @Column({ type: 'text' })
  value: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}

/** A sealed tender bid or one sealed price: the public commitment and the price + salt encrypted (AES-256-GCM) until the opening. */
@Entity({ name: 'sealed_value' })
@Check('sealed_value_purpose_check', `purpose IN ('tender','one_sealed_price')`)
export class SealedValueEntity {
  @PrimaryColumn({ type: 'uuid' })
  lotId: string;

  @PrimaryColumn({ type: 'text' })
  purpose: 'tender' | 'one_sealed_price';

  @PrimaryColumn({ type: 'text' })
  bidderNumber: string;

  @ManyToOne(() => LotEntity)
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'sealed_value_lot_fk' })
  lot?: LotEntity;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity)
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'sealed_value_application_fk' })
  application?: ApplicationEntity;

  @Column({ type: 'text' })
  commitment: string;

  @Column({ type: 'text' })
  sealed: string;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;
}

/** The lottery seed of a lot at the cap: its commitment is published at once, the seed (encrypted here) at the draw. */
@Entity({ name: 'lottery_seed' })
export class LotterySeedEntity {
  @PrimaryColumn({ type: 'uuid' })
  lotId: string;

  @ManyToOne(() => LotEntity)
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'lottery_seed_lot_fk' })
  lot?: LotEntity;

  @Column({ type: 'text' })
  commitment: string;

  @Column({ type: 'text' })
  sealed: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}

/** The outcome of a lot, written once at the close together with the revealed reserve and the chain head. */
@Entity({ name: 'result' })
@Check(
  'result_outcome_check',
  `outcome IN ('sold','unsold') AND (outcome = 'sold') = (winner_application_id IS NOT NULL AND price IS NOT NULL) AND (outcome = 'unsold') = (reason IS NOT NULL)`,
)
@Check('result_price_unit_check', `price_unit IN ('total','per_square_metre','per_floor_area') AND (outcome = 'sold') = (bid_price IS NOT NULL)`)
export class ResultEntity {
  @PrimaryColumn({ type: 'uuid' })
  lotId: string;

  @ManyToOne(() => LotEntity)
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'result_lot_fk' })
  lot?: LotEntity;

  @Column({ type: 'text' })
  outcome: 'sold' | 'unsold';

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  winnerApplicationId: string | null;

  @ManyToOne(() => ApplicationEntity)
  @JoinColumn({ name: 'winner_application_id', foreignKeyConstraintName: 'result_winner_fk' })
  winnerApplication?: ApplicationEntity;

  @Column({ type: 'text', nullable: true })
  winnerNumber: string | null;

  /** 成交总价, 元 (saleFigures: the bid × the lot's measure, rounded once). */
  @MoneyColumn({ nullable: true })
  price: Money | null;

  /** The unit the lot was priced and bid in: total, per_square_metre or per_floor_area. */
  @Column({ type: 'text', default: 'total' })
  priceUnit: string;

  /** The winning price as bid, in `priceUnit`. */
  @MoneyColumn({ nullable: true })
  bidPrice: Money | null;

  /** Σ (parcel area × maximum plot ratio), exact (㎡); null when a parcel has no maximum plot ratio. */
  @Column({ type: 'numeric', precision: 28, scale: 6, nullable: true })
  floorArea: string | null;

  @AreaColumn({ nullable: true })
  area: Area | null;

  @RatioColumn({ nullable: true })
  share: Ratio | null;

  @MoneyColumn({ nullable: true })
  unitPrice: Money | null;

  @MoneyColumn({ nullable: true })
  floorPrice: Money | null;

  @RatioColumn({ nullable: true })
  premiumRate: Ratio | null;

  @AreaColumn()
  landArea: Area;

  @MoneyColumn({ nullable: true })
  reserveValue: Money | null;

  @Column({ type: 'text', nullable: true })
  reserveSalt: string | null;

  @Column({ type: 'text', nullable: true })
  reserveCommitment: string | null;

  @Column({ type: 'bigint' })
  chainLength: string;

  @Column({ type: 'text' })
  chainHead: string;

  @Column({ type: 'timestamptz' })
  closedAt: Date;
}

/**
 * A lot driven by simulated bidders (simulated-bidders.service.ts): the demo's live lot and every
 * practice lot. Taken by one instance at a time (`FOR UPDATE SKIP LOCKED`) when `next_at` has passed;
 * `step` numbers the driver's moves and makes each simulated bid's client bid id, so a move repeated
 * after a crash is answered as a retry, never placed twice.
 */
@Entity({ name: 'simulated_lot' })
@Check('simulated_lot_delay_check', `min_delay_ms > 0 AND max_delay_ms >= min_delay_ms`)
@Index('simulated_lot_due_idx', ['done', 'nextAt'])
export class SimulatedLotEntity {
  @PrimaryColumn({ type: 'uuid' })
  lotId: string;

  @ManyToOne(() => LotEntity)
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'simulated_lot_lot_fk' })
  lot?: LotEntity;

  @Column({ type: 'timestamptz' })
  nextAt: Date;

  @Column({ type: 'integer', default: 0 })
  step: number;

  /** The pause between two moves is drawn between these (ms). */
  @Column({ type: 'integer' })
  minDelayMs: number;

  @Column({ type: 'integer' })
  maxDelayMs: number;

  /** How many quotes the simulated bidders put on a listing board in all (the rest is left to the timed round). */
  @Column({ type: 'integer' })
  listingQuotesMax: number;

  @Column({ type: 'integer', default: 0 })
  listingQuotes: number;

  /** The lot has closed: nothing more to drive. */
  @Column({ type: 'boolean', default: false })
  done: boolean;
}

/** One simulated bidder of a driven lot: its seat and its private limit (never shown to anyone). */
@Entity({ name: 'simulated_bidder' })
export class SimulatedBidderEntity {
  @PrimaryColumn({ type: 'uuid' })
  lotId: string;

  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => LotEntity)
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'simulated_bidder_lot_fk' })
  lot?: LotEntity;

  @ManyToOne(() => ApplicationEntity)
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'simulated_bidder_application_fk' })
  application?: ApplicationEntity;

  @Column({ type: 'text' })
  bidderNumber: string;

  /** The highest price it bids, in the lot's unit. */
  @MoneyColumn()
  limitPrice: Money;

  /** At a 竞配建 cap: the largest floor area it offers. */
  @AreaColumn({ nullable: true })
  areaLimit: Area | null;
}

export const BIDDING_ENTITIES = [LotEventEntity, BidEntity, BidRejectionEntity, SealedValueEntity, LotterySeedEntity, ResultEntity, SimulatedLotEntity, SimulatedBidderEntity];
