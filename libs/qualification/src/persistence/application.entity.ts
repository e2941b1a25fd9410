import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import { LotEntity } from '@app/listing/persistence/lot.entity';
import { Money, MoneyColumn, Ratio, RatioColumn } from '@app/money';
import type { InvitationStatus } from '../domain/joint-invitation';
import { BidderEntity } from './bidder.entity';

/** An application (竞买申请) for a lot, by one bidder or a joint group led by one. */
@Entity({ name: 'application' })
@Unique('application_bidder_number_unique', ['lotId', 'bidderNumber'])
@Check('application_review_mode_check', `review_mode IN ('pre_review','post_review')`)
@Index('application_lot_idx', ['lotId', 'status'])
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  lotId: string;

  @ManyToOne(() => LotEntity)
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'application_lot_fk' })
  lot?: LotEntity;

  @Column({ type: 'uuid' })
  leadBidderId: string;

  @ManyToOne(() => BidderEntity)
  @JoinColumn({ name: 'lead_bidder_id', foreignKeyConstraintName: 'application_lead_fk' })
  leadBidder?: BidderEntity;

  @Column({ type: 'boolean' })
  joint: boolean;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'text' })
  reviewMode: 'pre_review' | 'post_review';

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewDueAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  reviewReason: string | null;

  @Column({ type: 'text', unique: true, nullable: true })
  subAccount: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  subAccountIssuedAt: Date | null;

  @MoneyColumn()
  depositRequired: Money;

  @Column({ type: 'timestamptz' })
  depositDeadline: Date;

  /** 号牌: the only identity others see from qualification on. */
  @Column({ type: 'text', nullable: true })
  bidderNumber: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  qualifiedAt: Date | null;

  /** Verification code printed on the 竞买资格确认书. */
  @Column({ type: 'text', unique: true, nullable: true })
  confirmationCode: string | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A member of an application (the lead included), with its share: the lead from the start, a partner
 * once it accepted its invitation. A bidder is an active member of at most one application per lot
 * (alone, or in one group); a withdrawn application releases its members' places.
 */
@Entity({ name: 'application_partner' })
@Index('application_partner_once_per_lot', ['lotId', 'bidderId'], { unique: true, where: 'released_at IS NULL' })
@Check('application_partner_share_check', `share > 0 AND share <= 1`)
export class ApplicationPartnerEntity {
  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @PrimaryColumn({ type: 'uuid' })
  bidderId: string;

  @ManyToOne(() => ApplicationEntity)
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'application_partner_application_fk' })
  application?: ApplicationEntity;

  @ManyToOne(() => BidderEntity)
  @JoinColumn({ name: 'bidder_id', foreignKeyConstraintName: 'application_partner_bidder_fk' })
  bidder?: BidderEntity;

  @Column({ type: 'uuid' })
  lotId: string;

  @ManyToOne(() => LotEntity)
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'application_partner_lot_fk' })
  lot?: LotEntity;

  /** Fraction of the group (0.3334 = 33.34%); the shares of a group sum to exactly 1. */
  @RatioColumn({ precision: 7, scale: 4 })
  share: Ratio;

  @Column({ type: 'boolean' })
  isLead: boolean;

  @Column({ type: 'timestamptz' })
  acceptedAt: Date;

  /** Set when the application was withdrawn: the place is free again. */
  @Column({ type: 'timestamptz', nullable: true })
  releasedAt: Date | null;
}

/**
 * An invitation to join a joint bid, addressed by the credit code or ID number the lead typed. It
 * occupies nobody's place; the invited bidder becomes a member (application_partner) by accepting.
 */
@Entity({ name: 'joint_invitation' })
@Unique('joint_invitation_once_per_application', ['applicationId', 'identifier'])
@Check('joint_invitation_status_check', `status IN ('pending','accepted','declined','withdrawn')`)
@Check('joint_invitation_share_check', `share > 0 AND share < 1`)
@Index('joint_invitation_identifier_idx', ['identifier'])
export class JointInvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity)
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'joint_invitation_application_fk' })
  application?: ApplicationEntity;

  @Column({ type: 'uuid' })
  lotId: string;

  @ManyToOne(() => LotEntity)
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'joint_invitation_lot_fk' })
  lot?: LotEntity;

  /** The code as the lead typed it, normalized (upper case, no spaces). */
  @Column({ type: 'text' })
  identifier: string;

  @RatioColumn({ precision: 7, scale: 4 })
  share: Ratio;

  /** Place in the lead's list of partners. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  status: InvitationStatus;

  /** The bidder who answered (null while pending). */
  @Column({ type: 'uuid', nullable: true })
  bidderId: string | null;

  @ManyToOne(() => BidderEntity)
  @JoinColumn({ name: 'bidder_id', foreignKeyConstraintName: 'joint_invitation_bidder_fk' })
  bidder?: BidderEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;
}

@Entity({ name: 'application_document' })
@Check('application_document_sha256_check', `sha256 ~ '^[0-9a-f]{64}$'`)
@Index('application_document_application_idx', ['applicationId'])
export class ApplicationDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity)
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'application_document_application_fk' })
  application?: ApplicationEntity;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'text' })
  sha256: string;

  /** From the content, not the name (document-type.ts); `application/octet-stream` for older uploads. */
  @Column({ type: 'text' })
  contentType: string;

  @Column({ type: 'text' })
  storageKey: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  uploadedAt: Date;
}

@Entity({ name: 'sub_account_registry' })
export class SubAccountRegistryEntity {
  @PrimaryColumn({ type: 'text' })
  subAccount: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;
}
