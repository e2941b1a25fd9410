import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@app/auth/persistence/user.entity';

export type BidderKind = 'company' | 'person' | 'organization';

/** A registered bidder (竞买人): a company, a person or another organization, with its account. */
@Entity({ name: 'bidder' })
@Check('bidder_kind_check', `kind IN ('company','person','organization')`)
@Check('bidder_identity_check', `(kind = 'person') = (id_number IS NOT NULL) AND (kind = 'person') = (credit_code IS NULL)`)
export class BidderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', unique: true })
  userId: string;

  @OneToOne(() => UserEntity)
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'bidder_user_fk' })
  user?: UserEntity;

  @Column({ type: 'text' })
  kind: BidderKind;

  @Column({ type: 'text' })
  name: string;

  /** 统一社会信用代码 (companies and other organizations). */
  @Column({ type: 'text', unique: true, nullable: true })
  creditCode: string | null;

  /** 居民身份证号码 (persons). */
  @Column({ type: 'text', unique: true, nullable: true })
  idNumber: string | null;

  @Column({ type: 'text' })
  legalRepresentative: string;

  @Column({ type: 'text' })
  contactName: string;

  @Column({ type: 'text' })
  contactPhone: string;

  @Column({ type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ type: 'text' })
  address: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A ban after a default (failure to sign or pay), or imposed by staff, for a set period. */
@Entity({ name: 'blacklist_entry' })
@Check('blacklist_entry_period_check', `ends_at > starts_at`)
@Index('blacklist_entry_bidder_idx', ['bidderId', 'endsAt'])
export class BlacklistEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  bidderId: string;

  @ManyToOne(() => BidderEntity)
  @JoinColumn({ name: 'bidder_id', foreignKeyConstraintName: 'blacklist_entry_bidder_fk' })
  bidder?: BidderEntity;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
