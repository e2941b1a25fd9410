import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'app_user' })
@Check('app_user_username_check', `username ~ '^[a-z][a-z0-9_.-]{2,63}$'`)
@Check(
  'app_user_roles_check',
  `cardinality(roles) > 0 AND roles <@ ARRAY['admin','reserve_officer','trading_officer','pricing_committee','supervisor','finance_officer','bidder']::text[]`,
)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  username: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text', array: true })
  roles: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
