import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * One login: its access tokens carry the session's id (`sid`) and its refresh tokens belong to it. A
 * token is honoured only while its session is live, so logout, disabling the account, a password change
 * or a reused refresh token end the access tokens already handed out, not only the refresh tokens.
 */
@Entity({ name: 'auth_session' })
export class AuthSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @Index('auth_session_user_idx')
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'NO ACTION', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'auth_session_user_id_fkey' })
  user?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** Why it ended: logout, account_disabled, password_changed, refresh_token_reused. */
  @Column({ type: 'text', nullable: true })
  revokedReason: string | null;
}
