import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CALENDAR_OPTIONS, type CalendarOptions } from './application/calendar-options';
import { WorkingDayCalendar } from './application/working-day-calendar';
import { HolidayEntity } from './persistence/holiday.entity';
import { CalendarController } from './http/calendar.controller';

@Module({})
export class CalendarModule {
  static forRoot(options: CalendarOptions): DynamicModule {
    return {
      module: CalendarModule,
      global: true,
      imports: [TypeOrmModule.forFeature([HolidayEntity])],
      controllers: [CalendarController],
      providers: [{ provide: CALENDAR_OPTIONS, useValue: options }, WorkingDayCalendar],
      exports: [WorkingDayCalendar],
    };
  }
}
