import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserEntity } from '@app/auth/persistence/user.entity';

/**
 * A message to one user, read in the user's in-app inbox; the inbox is the channel that always
 * works. It is written in the transaction of the change it tells about, so a change that rolls back
 * tells nobody. Outbound copies (email, SMS) go through {@link NotificationDeliveryEntity}.
 */
@Entity({ name: 'notification' })
@Index('notification_recipient_idx', ['recipientId', 'createdAt'])
@Unique('notification_dedupe_unique', ['recipientId', 'dedupeKey'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  recipientId: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'recipient_id', foreignKeyConstraintName: 'notification_recipient_fk' })
  recipient?: UserEntity;

  /** e.g. `announcement.amendment`, `application.qualified` (domain/notification-kinds.ts). */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', nullable: true })
  relatedType: string | null;

  @Column({ type: 'uuid', nullable: true })
  relatedId: string | null;

  /** Reminders and jobs that may run again: one message per recipient and key. */
  @Column({ type: 'text', nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
