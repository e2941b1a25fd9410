import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NotificationEntity } from './notification.entity';

/**
 * The outbox: one row per notification and outbound channel, written with the notification in the
 * business transaction and delivered after the commit by the dispatcher, with retries. Nothing is
 * sent from inside a business transaction, and nothing committed is lost if a gateway is down.
 */
@Entity({ name: 'notification_delivery' })
@Check('notification_delivery_channel_check', `channel IN ('none','email','sms')`)
@Check('notification_delivery_status_check', `status IN ('pending','sent','not_sent','failed')`)
@Index('notification_delivery_due_idx', ['status', 'nextAttemptAt'])
@Index('notification_delivery_notification_idx', ['notificationId'])
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  notificationId: string;

  @ManyToOne(() => NotificationEntity)
  @JoinColumn({ name: 'notification_id', foreignKeyConstraintName: 'notification_delivery_notification_fk' })
  notification?: NotificationEntity;

  @Column({ type: 'text' })
  channel: string;

  /** pending → sent | not_sent (nothing to send it with, or no address) | failed (gave up after the retries). */
  @Column({ type: 'text', default: 'pending' })
  status: string;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** When the dispatcher may take it (again); a claimed row is leased by moving this forward. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** The address it went to (email or phone), once known. */
  @Column({ type: 'text', nullable: true })
  address: string | null;

  /** Why it was not sent, the last error, or the gateway's reference. */
  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
