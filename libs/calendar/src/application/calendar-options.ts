export const CALENDAR_OPTIONS = Symbol('CALENDAR_OPTIONS');

export interface CalendarOptions {
  /** The zone in which "today" and calendar-day deadlines are reckoned. */
  timezone: string;
}
