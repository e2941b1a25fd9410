import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^-?\d{1,6}$/.test(value) ? Number.parseInt(value, 10) : value);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class YearQueryDto {
  @ApiProperty({ example: 2026 }) @Transform(toInt) @IsInt({ message: 'year must be a whole number such as 2026' }) @Min(2000) @Max(2100)
  year: number;
}

export class SetCalendarDayDto {
  @ApiProperty({ enum: ['holiday', 'workday'], description: 'holiday: a day off; workday: a make-up working day on a weekend (调休上班)' })
  @IsIn(['holiday', 'workday'], { message: 'kind must be "holiday" or "workday"' })
  kind: 'holiday' | 'workday';

  @ApiProperty({ example: '国庆节' }) @IsString() @MinLength(1) @MaxLength(50)
  name: string;

  @ApiProperty({ example: '按国办发明电〔2026〕X号通知补录' }) @IsString() @MinLength(2) @MaxLength(500)
  reason: string;
}

export class ReasonQueryDto {
  @ApiProperty({ example: '误录，删除' }) @IsString() @MinLength(2) @MaxLength(500)
  reason: string;
}

export class DateQueryDto {
  @ApiProperty({ example: '2026-10-08' }) @Matches(ISO_DATE, { message: 'date must be a date like 2026-10-08' })
  date: string;
}

export class AddWorkingDaysQueryDto {
  @ApiProperty({ example: '2026-09-30' }) @Matches(ISO_DATE, { message: 'start must be a date like 2026-09-30' })
  start: string;

  @ApiProperty({ example: 10 }) @Transform(toInt) @IsInt({ message: 'days must be a whole number' }) @Min(-3660) @Max(3660)
  days: number;
}

export class BetweenQueryDto {
  @ApiProperty({ example: '2026-09-30' }) @Matches(ISO_DATE, { message: 'from must be a date like 2026-09-30' })
  from: string;

  @ApiProperty({ example: '2026-10-16' }) @Matches(ISO_DATE, { message: 'to must be a date like 2026-10-16' })
  to: string;
}
