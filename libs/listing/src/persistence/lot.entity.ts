import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Money, MoneyColumn } from '@app/money';
import { AnnouncementEntity } from './announcement.entity';

export type LotMethod = 'auction' | 'listing' | 'tender';

/**
 * A lot (标的) of an announcement: its terms, its schedule and, once trading starts, the live state
 * every bid locks (phase, deadline, current price, seq, last_hash). Only the lot phase state machine
 * writes `phase`.
 */
@Entity({ name: 'lot' })
@Check('lot_method_check', `method IN ('auction','listing','tender')`)
@Check('lot_prices_check', `start_price > 0 AND (increment IS NULL OR increment > 0) AND deposit > 0 AND (cap_price IS NULL OR cap_price > start_price)`)
@Index('lot_phase_deadline_idx', ['phase', 'deadline'])
@Index('lot_due_at_idx', ['dueAt'])
export class LotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @Index('lot_announcement_idx')
  announcementId: string;

  @ManyToOne(() => AnnouncementEntity)
  @JoinColumn({ name: 'announcement_id', foreignKeyConstraintName: 'lot_announcement_fk' })
  announcement?: AnnouncementEntity;

  @Column({ type: 'text', unique: true })
  lotNumber: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  method: LotMethod;

  @Column({ type: 'text' })
  phase: string;

  @Column({ type: 'text', nullable: true })
  phaseBeforeFreeze: string | null;

  @Column({ type: 'text', nullable: true })
  phaseBeforeSuspension: string | null;

  @MoneyColumn()
  startPrice: Money;

  /** None for a tender. */
  @MoneyColumn({ nullable: true })
  increment: Money | null;

  @MoneyColumn()
  deposit: Money;

  @MoneyColumn({ nullable: true })
  capPrice: Money | null;

  /** The full trading terms as validated (decimals as strings). */
  @Column({ type: 'jsonb' })
  terms: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  applicationStart: Date;

  @Column({ type: 'timestamptz' })
  applicationEnd: Date;

  @Column({ type: 'timestamptz' })
  depositDeadline: Date;

  /** Listing start, auction start, or the opening of sealed bidding. */
  @Column({ type: 'timestamptz' })
  tradingStart: Date;

  /** Listing end or tender submission deadline; null for an auction (its rounds end by countdown). */
  @Column({ type: 'timestamptz', nullable: true })
  tradingEnd: Date | null;

  /** Public opening of a tender. */
  @Column({ type: 'timestamptz', nullable: true })
  openingAt: Date | null;

  @Column({ type: 'timestamptz' })
  registrationClose: Date;

  /** Only for a lot with a reserve price: by when the committee's proposals are sealed. */
  @Column({ type: 'timestamptz', nullable: true })
  reserveSealDeadline: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deadline: Date | null;

  @MoneyColumn({ nullable: true })
  currentPrice: Money | null;

  @Column({ type: 'bigint', default: 0 })
  seq: string;

  @Column({ type: 'text', nullable: true })
  lastHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  frozenAt: Date | null;

  /** The bidding engine's state once trading opens (libs/bidding, trading-state-codec.ts); never the reserve. */
  @Column({ type: 'jsonb', nullable: true })
  tradingState: Record<string, unknown> | null;

  /** When the auction clock must next look at this lot (clock-schedule.ts); null when nothing is due. */
  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /**
   * A practice lot (模拟竞价, libs/practice): set once at insert (a database trigger refuses any change),
   * never in notices, statistics, the ledger or settlement, and deleted after the retention.
   */
  @Column({ type: 'boolean', default: false })
  practice: boolean;

  /** The current leader's bidder number (号牌), public. */
  @Column({ type: 'text', nullable: true })
  leaderNumber: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
