import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'platform_setting' })
export class PlatformSettingEntity {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'jsonb' })
  value: unknown;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
