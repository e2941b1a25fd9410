import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@app/auth/domain/permission';
import { Public, RequirePermission } from '@app/auth/http/access.decorators';
import { WorkingDayCalendar } from '../application/working-day-calendar';
import { parseIsoDate } from '../domain/calendar-day';
import { AddWorkingDaysQueryDto, BetweenQueryDto, DateQueryDto, ReasonQueryDto, SetCalendarDayDto, YearQueryDto } from './dto/calendar.dto';
import { AddWorkingDaysAnswerDto, CalendarDayViewDto, WorkingDayAnswerDto, WorkingDaysBetweenAnswerDto } from './dto/calendar.responses';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: WorkingDayCalendar) {}

  @Get('days')
  @Public()
  @ApiOkResponse({ type: [CalendarDayViewDto] })
  @ApiOperation({ summary: 'Holidays and make-up workdays of a year' })
  list(@Query() query: YearQueryDto) {
    return this.calendar.list(query.year);
  }

  @Put('days/:date')
  @RequirePermission(Permission.CalendarEdit)
  @ApiBearerAuth()
  @ApiOkResponse({ type: CalendarDayViewDto })
  @ApiOperation({ summary: 'Set a day as a holiday or a make-up workday (staff), with a reason' })
  set(@Param('date') date: string, @Body() dto: SetCalendarDayDto) {
    return this.calendar.setDay(parseIsoDate(date, 'date'), dto.kind, dto.name, dto.reason);
  }

  @Delete('days/:date')
  @HttpCode(204)
  @RequirePermission(Permission.CalendarEdit)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'removed' })
  @ApiOperation({ summary: 'Remove a holiday or make-up workday entry (staff), with a reason' })
  async remove(@Param('date') date: string, @Query() query: ReasonQueryDto): Promise<void> {
    await this.calendar.removeDay(parseIsoDate(date, 'date'), query.reason);
  }

  @Get('working-day')
  @Public()
  @ApiOkResponse({ type: WorkingDayAnswerDto })
  @ApiOperation({ summary: 'Is a date a working day?' })
  async isWorkingDay(@Query() query: DateQueryDto) {
    const date = parseIsoDate(query.date, 'date');
    return { date, workingDay: await this.calendar.isWorkingDay(date) };
  }

  @Get('add-working-days')
  @Public()
  @ApiOkResponse({ type: AddWorkingDaysAnswerDto })
  @ApiOperation({ summary: 'The date n working days after (or before, for negative n) a start date' })
  async add(@Query() query: AddWorkingDaysQueryDto) {
    const start = parseIsoDate(query.start, 'start');
    return { start, days: query.days, result: await this.calendar.addWorkingDays(start, query.days) };
  }

  @Get('working-days-between')
  @Public()
  @ApiOkResponse({ type: WorkingDaysBetweenAnswerDto })
  @ApiOperation({ summary: 'Working days in the interval (from, to]' })
  async between(@Query() query: BetweenQueryDto) {
    const from = parseIsoDate(query.from, 'from');
    const to = parseIsoDate(query.to, 'to');
    return { from, to, workingDays: await this.calendar.workingDaysBetween(from, to) };
  }
}
