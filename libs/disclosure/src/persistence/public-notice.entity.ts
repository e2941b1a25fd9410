import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AnnouncementEntity } from '@app/listing/persistence/announcement.entity';
import { LotEntity } from '@app/listing/persistence/lot.entity';

export type NoticeKind = 'announcement' | 'amendment' | 'suspension' | 'resumption' | 'termination' | 'reserve_sealed' | 'result';

/**
 * A notice as the public read it, written in the same transaction as the event it announces. The
 * database refuses to change or delete one: a correction is a new notice.
 */
@Entity({ name: 'public_notice' })
@Check('public_notice_kind_check', `kind IN ('announcement','amendment','suspension','resumption','termination','reserve_sealed','result')`)
@Index('public_notice_published_idx', ['publishedAt'])
export class PublicNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: NoticeKind;

  @Column({ type: 'uuid' })
  announcementId: string;

  @ManyToOne(() => AnnouncementEntity)
  @JoinColumn({ name: 'announcement_id', foreignKeyConstraintName: 'public_notice_announcement_fk' })
  announcement?: AnnouncementEntity;

  @Column({ type: 'uuid', nullable: true })
  lotId: string | null;

  @ManyToOne(() => LotEntity)
  @JoinColumn({ name: 'lot_id', foreignKeyConstraintName: 'public_notice_lot_fk' })
  lot?: LotEntity;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  publishedAt: Date;
}
