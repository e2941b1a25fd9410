import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserEntity } from '@app/auth/persistence/user.entity';
import { Money, MoneyColumn } from '@app/money';
import { LotEntity } from './lot.entity';

/** Who sits on a lot's pricing committee (集体决策). */
@Entity({ name: 'reserve_committee_member' })
export class ReserveCommitteeMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  lotId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => LotEntity)
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'reserve_committee_member_lot_fk' })
  lot?: LotEntity;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'reserve_committee_member_user_fk' })
  user?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  assignedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  assignedBy: string | null;
}

/** One member's sealed proposal: the value is encrypted at rest and no API returns it. */
@Entity({ name: 'reserve_proposal' })
@Unique('reserve_proposal_once', ['lotId', 'memberId'])
export class ReserveProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  lotId: string;

  @ManyToOne(() => LotEntity)
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'reserve_proposal_lot_fk' })
  lot?: LotEntity;

  @Column({ type: 'uuid' })
  memberId: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'reserve_proposal_member_fk' })
  member?: UserEntity;

  @Column({ type: 'text', select: false })
  sealedValue: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;
}

/**
 * The lot's sealed reserve (底价): the public commitment, and the value with its salt encrypted at
 * rest until the close reveals them. The database refuses any change but the one reveal.
 */
@Entity({ name: 'reserve_seal' })
@Check('reserve_seal_commitment_check', `commitment ~ '^[0-9a-f]{64}$'`)
export class ReserveSealEntity {
  @PrimaryColumn({ type: 'uuid' })
  lotId: string;

  @ManyToOne(() => LotEntity)
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'reserve_seal_lot_fk' })
  lot?: LotEntity;

  @Column({ type: 'text' })
  commitment: string;

  @Column({ type: 'text', select: false })
  sealedValue: string;

  @Column({ type: 'integer' })
  proposalCount: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  sealedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revealedAt: Date | null;

  @MoneyColumn({ nullable: true })
  revealedValue: Money | null;

  @Column({ type: 'text', nullable: true })
  revealedSalt: string | null;
}
