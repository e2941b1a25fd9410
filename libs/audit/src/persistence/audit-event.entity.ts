import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of the append-only audit trail. The database refuses UPDATE, DELETE and TRUNCATE on this
 * table (migration AuditTrail), so a record, once committed, stays as written.
 */
@Entity({ name: 'audit_event' })
@Index('audit_event_entity_idx', ['entityType', 'entityId', 'occurredAt'])
@Index('audit_event_actor_idx', ['actorId', 'occurredAt'])
@Index('audit_event_time_idx', ['occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** Database time of the transaction that made the change. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** Username at the time of the action, or `system` for the platform's own jobs. */
  @Column({ type: 'text' })
  actorName: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  actorRoles: string[];

  /** Dotted verb, e.g. `user.create`, `calendar.day.set`, `lot.publish`. */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entityType: string;

  @Column({ type: 'text' })
  entityId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;
}
