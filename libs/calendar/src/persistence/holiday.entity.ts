import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { DayKind } from '../domain/working-days';

/**
 * One override of the plain Monday–Friday week: a day off on a weekday (`holiday`) or a make-up
 * working day on a weekend (`workday`, 调休上班). Seeded from the State Council notices; staff edit it.
 */
@Entity({ name: 'holiday' })
@Check('holiday_kind_check', `kind IN ('holiday', 'workday')`)
@Check('holiday_name_check', `length(name) BETWEEN 1 AND 50`)
@Check('holiday_source_check', `source IN ('official', 'staff')`)
// A make-up workday is by definition a weekend day (ISO day of week 6 or 7).
@Check('holiday_check', `kind <> 'workday' OR extract(isodow FROM date) >= 6`)
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
