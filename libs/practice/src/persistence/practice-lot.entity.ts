import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@app/auth';
import { LotEntity } from '@app/listing';

/**
 * A practice lot (模拟竞价): who started it, as a bidder or as a trainer, and when. The lot itself,
 * its seats and its trading live in their own contexts, all marked practice; the whole lot is deleted
 * after the retention (`delete_practice_lot`), this row with it.
 */
@Entity({ name: 'practice_lot' })
@Index('practice_lot_created_by_idx', ['createdBy'])
@Index('practice_lot_created_at_idx', ['createdAt'])
export class PracticeLotEntity {
  @PrimaryColumn({ type: 'uuid' })
  lotId: string;

  @ManyToOne(() => LotEntity)
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'practice_lot_lot_fk' })
  lot?: LotEntity;

  @Column({ type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'practice_lot_created_by_fk' })
  creator?: UserEntity;

  /** Started by a trainer (a trading officer, who may seat a class), not by a bidder for itself. */
  @Column({ type: 'boolean' })
  trainer: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
