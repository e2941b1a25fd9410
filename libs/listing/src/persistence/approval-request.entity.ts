import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ApprovalStatus = 'pending' | 'approved' | 'rejected';

/** A decision the rules reserve to a supervisor: requested by one official, decided by another. */
@Entity({ name: 'approval_request' })
@Check('approval_request_status_check', `status IN ('pending','approved','rejected')`)
@Check('approval_request_maker_checker', `decided_by IS NULL OR decided_by <> requested_by`)
@Index('approval_request_status_idx', ['status', 'requestedAt'])
export class ApprovalRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** e.g. `announcement.suspend`, `announcement.terminate`. */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  targetType: string;

  @Column({ type: 'uuid' })
  targetId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text', default: 'pending' })
  status: ApprovalStatus;

  @Column({ type: 'uuid' })
  requestedBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;
}
