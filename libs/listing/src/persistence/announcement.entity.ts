import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type AnnouncementStatus = 'draft' | 'published' | 'suspended' | 'terminated' | 'completed';

/** A sale announcement (出让公告) selling one or more lots. */
@Entity({ name: 'announcement' })
@Check('announcement_status_check', `status IN ('draft','published','suspended','terminated','completed')`)
export class AnnouncementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 公告编号, e.g. 寿自然资告字〔2026〕8号. */
  @Column({ type: 'text', unique: true })
  number: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  status: AnnouncementStatus;

  /** The published version: 0 while a draft, 1 once published, n + 1 after each 补充公告. */
  @Column({ type: 'integer', default: 0 })
  version: number;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  suspendedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  terminatedAt: Date | null;

  /** The announcement of one practice lot (模拟竞价): never listed or shown as a real announcement. Set once at insert. */
  @Column({ type: 'boolean', default: false })
  practice: boolean;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
