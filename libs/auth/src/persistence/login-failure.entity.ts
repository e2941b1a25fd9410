import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed logins, counted per username and per address to rate-limit guessing across instances. */
@Entity({ name: 'login_failure' })
@Index('login_failure_username_idx', ['username', 'at'])
@Index('login_failure_ip_idx', ['ip', 'at'])
export class LoginFailureEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ type: 'text' })
  ip: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
