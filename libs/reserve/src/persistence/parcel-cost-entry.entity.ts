import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Money, MoneyColumn } from '@app/money';
import type { CostKind } from '../domain/parcel-rules';
import { ParcelEntity } from './parcel.entity';

/** A reserve cost (储备成本) entry. Entries are never edited or deleted; a correction is a new entry. */
@Entity({ name: 'parcel_cost_entry' })
@Check('parcel_cost_entry_amount_check', `amount > 0`)
@Check('parcel_cost_entry_kind_check', `kind IN ('acquisition','compensation','development','financing','other')`)
export class ParcelCostEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @Index('parcel_cost_entry_parcel_idx')
  parcelId: string;

  @ManyToOne(() => ParcelEntity)
  @JoinColumn({ name: 'parcel_id', foreignKeyConstraintName: 'parcel_cost_entry_parcel_fk' })
  parcel?: ParcelEntity;

  @Column({ type: 'text' })
  kind: CostKind;

  @MoneyColumn()
  amount: Money;

  @Column({ type: 'date' })
  incurredOn: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
