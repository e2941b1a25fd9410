import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Failed logins, counted per username and per address to rate-limit guessing across instances. */
@Entity({ name: 'login_failure' })
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
