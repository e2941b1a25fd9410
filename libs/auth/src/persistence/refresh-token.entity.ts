import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AuthSessionEntity } from './auth-session.entity';
import { UserEntity } from './user.entity';

/** Only the SHA-256 of a refresh token is stored; a token is used once and then replaced. */
@Entity({ name: 'refresh_token' })
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @Index('refresh_token_user_idx')
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'NO ACTION', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'refresh_token_user_id_fkey' })
  user?: UserEntity;

  /** The login this token continues; a refresh keeps the session, a new login starts one. */
  @Column({ type: 'uuid' })
  @Index('refresh_token_session_idx')
  sessionId: string;

  @ManyToOne(() => AuthSessionEntity, { onDelete: 'NO ACTION', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'refresh_token_session_id_fkey' })
  session?: AuthSessionEntity;

  @Column({ type: 'text', unique: true })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
