import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { TransactionRunner } from '@app/database';
import { isWeekend, toShanghaiDate, type IsoDate } from '../domain/calendar-day';
import { HolidayEntity } from '../persistence/holiday.entity';
import {
  addWorkingDays,
  isWorkingDay,
  subtractWorkingDays,
  workingDaysBetween,
  type DayKind,
  type DayOverrides,
} from '../domain/working-days';
import { CALENDAR_OPTIONS, type CalendarOptions } from './calendar-options';

export interface CalendarDayView {
  date: string;
  kind: DayKind;
  name: string;
  source: string;
  updatedAt: Date;
}

/**
 * Deadline arithmetic over the calendar table. The table is small (a few dozen rows a year), so each
 * computation reads it whole: edits by staff on any instance take effect at once, with no cache to
 * invalidate. Pass the caller's EntityManager to read inside its transaction.
 */
@Injectable()
export class WorkingDayCalendar {
  constructor(
    @InjectRepository(HolidayEntity) private readonly days: Repository<HolidayEntity>,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    @Inject(CALENDAR_OPTIONS) private readonly options: CalendarOptions,
  ) {}

  async overrides(em?: EntityManager): Promise<DayOverrides> {
    const rows = await (em ? em.getRepository(HolidayEntity) : this.days).find({ select: { date: true, kind: true } });
    return new Map(rows.map((r) => [r.date as IsoDate, r.kind]));
  }

  async isWorkingDay(date: IsoDate, em?: EntityManager): Promise<boolean> {
    return isWorkingDay(date, await this.overrides(em));
  }

  async addWorkingDays(start: IsoDate, days: number, em?: EntityManager): Promise<IsoDate> {
    const overrides = await this.overrides(em);
    return days >= 0 ? addWorkingDays(start, days, overrides) : subtractWorkingDays(start, -days, overrides);
  }

  async workingDaysBetween(from: IsoDate, to: IsoDate, em?: EntityManager): Promise<number> {
    return workingDaysBetween(from, to, await this.overrides(em));
  }

  /** The calendar date of an instant in the platform's zone (Asia/Shanghai by default). */
  dateOf(instant: Date): IsoDate {
    return toShanghaiDate(instant, this.options.timezone);
  }

  async list(year: number): Promise<CalendarDayView[]> {
    const rows = await this.days
      .createQueryBuilder('d')
      .where('d.date >= :from AND d.date < :to', { from: `${year}-01-01`, to: `${year + 1}-01-01` })
      .orderBy('d.date', 'ASC')
      .getMany();
    return rows.map(toView);
  }

  /** Staff set a day's kind (a new holiday, or a make-up workday), with a reason for the trail. */
  async setDay(date: IsoDate, kind: DayKind, name: string, reason: string): Promise<CalendarDayView> {
    if (kind === 'workday' && !isWeekend(date)) {
      throw new DomainError('NOT_A_WEEKEND', `${date} is a weekday and is worked anyway; a make-up workday must fall on a Saturday or Sunday`, 'kind');
    }
    return this.tx.run(async (em) => {
      const existing = await em.findOne(HolidayEntity, { where: { date }, lock: { mode: 'pessimistic_write' } });
      const before = existing ? toView(existing) : null;
      await em.upsert(HolidayEntity, { date, kind, name, source: 'staff', updatedAt: () => 'now()' }, ['date']);
      const saved = await em.findOneByOrFail(HolidayEntity, { date });
      await this.audit.record(em, { action: 'calendar.day.set', entityType: 'calendar_day', entityId: date, before, after: toView(saved), reason });
      return toView(saved);
    });
  }

  /** Removes an override, so the day follows the plain week again. The trail keeps what it was. */
  async removeDay(date: IsoDate, reason: string): Promise<void> {
    await this.tx.run(async (em) => {
      const existing = await em.findOne(HolidayEntity, { where: { date }, lock: { mode: 'pessimistic_write' } });
      if (!existing) throw new DomainError('CALENDAR_DAY_NOT_FOUND', `${date} has no holiday or make-up workday entry`, 'date');
      await em.delete(HolidayEntity, { date });
      await this.audit.record(em, { action: 'calendar.day.remove', entityType: 'calendar_day', entityId: date, before: toView(existing), after: null, reason });
    });
  }
}

function toView(row: HolidayEntity): CalendarDayView {
  return { date: row.date, kind: row.kind, name: row.name, source: row.source, updatedAt: row.updatedAt };
}
