import { ApiProperty } from '@nestjs/swagger';
import type { CalendarDayView } from '../../application/working-day-calendar';
import type { DayKind } from '../../domain/working-days';

// Responses of the working-day calendar routes (WorkingDayCalendar), for the OpenAPI document the web
// client is generated from. Dates are Shanghai calendar dates, YYYY-MM-DD.

export class CalendarDayViewDto implements CalendarDayView {
  @ApiProperty({ format: 'date', example: '2027-02-10' }) date: string;
  @ApiProperty({ enum: ['holiday', 'workday'], description: 'a holiday, or a make-up workday on a weekend' }) kind: DayKind;
  @ApiProperty({ example: '春节' }) name: string;
  @ApiProperty({ enum: ['official', 'staff'] }) source: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class WorkingDayAnswerDto {
  @ApiProperty({ format: 'date', example: '2027-02-10' }) date: string;
  @ApiProperty() workingDay: boolean;
}

export class AddWorkingDaysAnswerDto {
  @ApiProperty({ format: 'date', example: '2027-02-08' }) start: string;
  @ApiProperty({ type: 'integer', example: 3 }) days: number;
  @ApiProperty({ format: 'date', example: '2027-02-19' }) result: string;
}

export class WorkingDaysBetweenAnswerDto {
  @ApiProperty({ format: 'date', example: '2027-02-08' }) from: string;
  @ApiProperty({ format: 'date', example: '2027-02-19' }) to: string;
  @ApiProperty({ type: 'integer', example: 3 }) workingDays: number;
}
