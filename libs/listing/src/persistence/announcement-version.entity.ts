import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AnnouncementEntity } from './announcement.entity';

/** A published version of an announcement, kept as published (the original, then each amendment). */
@Entity({ name: 'announcement_version' })
@Unique('announcement_version_unique', ['announcementId', 'version'])
@Check('announcement_version_kind_check', `kind IN ('original','amendment')`)
export class AnnouncementVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  announcementId: string;

  @ManyToOne(() => AnnouncementEntity)
  @JoinColumn({ name: 'announcement_id', foreignKeyConstraintName: 'announcement_version_announcement_fk' })
  announcement?: AnnouncementEntity;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  kind: 'original' | 'amendment';

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** The public content of this version: the announcement and its lots (never a sealed value). */
  @Column({ type: 'jsonb' })
  snapshot: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  publishedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  publishedBy: string | null;
}
