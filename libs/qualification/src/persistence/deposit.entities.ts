import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
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
