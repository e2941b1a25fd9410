import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DayKind } from '../domain/working-days';

/**
 * One override of the plain Monday–Friday week: a day off on a weekday (`holiday`) or a make-up
 * working day on a weekend (`workday`, 调休上班). Seeded from the State Council notices; staff edit it.
 */
@Entity({ name: 'holiday' })
export class HolidayEntity {
  /** YYYY-MM-DD (PostgreSQL `date`, read back as text so no timezone can shift it). */
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  kind: DayKind;

  @Column({ type: 'text' })
  name: string;

  /** `official` (seeded from a notice) or `staff` (entered through the API). */
  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
