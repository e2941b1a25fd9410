export * from './application/working-day-calendar';
export * from './calendar.module';
export * from './domain/calendar-day';
export * from './persistence/holiday.entity';
export * from './domain/working-days';
