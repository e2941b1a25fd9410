import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Money, MoneyColumn } from '@app/money';
import { ApplicationEntity } from './application.entity';

/** A deposit arrival reported by the bank. Append-only; idempotent by the bank's transaction id. */
@Entity({ name: 'deposit_payment' })
@Check('deposit_payment_amount_check', `amount > 0`)
@Index('deposit_payment_application_idx', ['applicationId'])
export class DepositPaymentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity)
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'deposit_payment_application_fk' })
  application?: ApplicationEntity;

  @Column({ type: 'text', unique: true })
  bankTxnId: string;

  @Column({ type: 'text' })
  subAccount: string;

  @MoneyColumn()
  amount: Money;

  @Column({ type: 'text' })
  payerName: string;

  @Column({ type: 'text' })
  payerAccount: string;

  /** The bank's arrival time: the one that counts against the deposit deadline. */
  @Column({ type: 'timestamptz' })
  arrivedAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  @Column({ type: 'boolean' })
  inTime: boolean;

  @Column({ type: 'boolean' })
  payerMismatch: boolean;
}

/** Every bank callback received, whatever became of it. */
@Entity({ name: 'bank_notice_log' })
export class BankNoticeLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  @Column({ type: 'text', nullable: true })
  txnId: string | null;

  @Column({ type: 'text' })
  outcome: string;

  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Column({ type: 'text', nullable: true })
  remoteIp: string | null;

  @Column({ type: 'text' })
  rawBody: string;
}

/**
 * A notice that reused an applied transaction id with other content (amount, sub-account, payer or
 * arrival time): nothing was changed, and finance looks into it. One row per distinct body; a bank
 * resending the same conflicting body only counts up.
 */
@Entity({ name: 'bank_notice_conflict' })
@Unique('bank_notice_conflict_once', ['txnId', 'rawBodySha256'])
@Check('bank_notice_conflict_sha256_check', `raw_body_sha256 ~ '^[0-9a-f]{64}$'`)
export class BankNoticeConflictEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  txnId: string;

  /** SHA-256 (hex) of the conflicting notice's raw body. */
  @Column({ type: 'text' })
  rawBodySha256: string;

  /** The fields that differ: subAccount, amount, payerName, payerAccount, arrivedAt. */
  @Column({ type: 'text', array: true })
  differences: string[];

  /** The notice as applied (the deposit on record). */
  @Column({ type: 'jsonb' })
  applied: Record<string, unknown>;

  /** The conflicting notice as received. */
  @Column({ type: 'jsonb' })
  received: Record<string, unknown>;

  @Column({ type: 'text' })
  rawBody: string;

  @Column({ type: 'text', nullable: true })
  remoteIp: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  firstReceivedAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastReceivedAt: Date;

  @Column({ type: 'integer', default: 1 })
  timesReceived: number;
}
