import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@app/auth/domain/permission';
import { RequirePermission } from '@app/auth/http/access.decorators';
import { parseIsoDate } from '@app/calendar/domain/calendar-day';
import { LedgerBookService } from '../application/ledger-book.service';
import { AccountBalanceQueryDto, EntriesQueryDto, ReversalDto, TrialBalanceQueryDto } from './dto/ledger.dto';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger')
export class LedgerController {
  constructor(private readonly book: LedgerBookService) {}

  @Get('trial-balance')
  @RequirePermission(Permission.LedgerRead)
  @ApiOperation({ summary: 'Trial balance (试算平衡表) as of the end of a date, by account or by subject; `balanced` says debits = credits' })
  async trialBalance(@Query() query: TrialBalanceQueryDto) {
    const asOf = query.asOf === undefined ? undefined : parseIsoDate(query.asOf, 'asOf');
    if (query.format === 'csv' || query.format === 'xlsx') {
      const file = await this.book.exportTrialBalance(asOf, query.bySubject === 'true', query.format);
      return new StreamableFile(file.body, { type: file.contentType, disposition: `attachment; filename="${file.filename}"`, length: file.body.length });
    }
    return this.book.trialBalance(asOf, query.bySubject === 'true');
  }

  @Get('entries')
  @RequirePermission(Permission.LedgerRead)
  @ApiOperation({ summary: 'Journal entries with their lines, newest first, by entry date and source type' })
  entries(@Query() query: EntriesQueryDto) {
    return this.book.entries({
      ...query,
      from: query.from === undefined ? undefined : parseIsoDate(query.from, 'from'),
      to: query.to === undefined ? undefined : parseIsoDate(query.to, 'to'),
    });
  }

  @Get('accounts/:code/balance')
  @RequirePermission(Permission.LedgerRead)
  @ApiOperation({ summary: 'Balance of one account (one subject or all) as of the end of a date' })
  balance(@Param('code') code: string, @Query() query: AccountBalanceQueryDto) {
    return this.book.accountBalance(code, query.asOf === undefined ? undefined : parseIsoDate(query.asOf, 'asOf'), query.subject);
  }

  @Post('entries/:id/reversal')
  @RequirePermission(Permission.LedgerWrite)
  @ApiOperation({ summary: 'Reverse an entry (the only correction: entries are never edited), with a reason; once per entry (audited)' })
  reverse(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ReversalDto) {
    return this.book.reverse(id, dto.reason);
  }
}
