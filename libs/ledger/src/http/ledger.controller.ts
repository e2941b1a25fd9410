import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Permission } from '@app/auth/domain/permission';
import { RequirePermission } from '@app/auth/http/access.decorators';
import { parseIsoDate } from '@app/calendar/domain/calendar-day';
import { XLSX_CONTENT_TYPE } from '../application/land-sales-report.service';
import { LedgerBookService } from '../application/ledger-book.service';
import { AccountBalanceQueryDto, EntriesQueryDto, ReversalDto, TrialBalanceQueryDto } from './dto/ledger.dto';
import { AccountBalanceDto, EntryPageDto, EntryViewDto, TrialBalanceDto } from './dto/ledger.responses';

@ApiTags('ledger')
@ApiBearerAuth()
@ApiExtraModels(TrialBalanceDto)
@Controller('ledger')
export class LedgerController {
  constructor(private readonly book: LedgerBookService) {}

  @Get('trial-balance')
  @RequirePermission(Permission.LedgerRead)
  @ApiOkResponse({
    description: 'the trial balance (JSON), or the same table as a CSV or XLSX download (format=csv|xlsx)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(TrialBalanceDto) } },
      'text/csv': { schema: { type: 'string', format: 'binary' } },
      [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
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
  @ApiOkResponse({ type: EntryPageDto })
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
  @ApiOkResponse({ type: AccountBalanceDto })
  @ApiOperation({ summary: 'Balance of one account (one subject or all) as of the end of a date' })
  balance(@Param('code') code: string, @Query() query: AccountBalanceQueryDto) {
    return this.book.accountBalance(code, query.asOf === undefined ? undefined : parseIsoDate(query.asOf, 'asOf'), query.subject);
  }

  @Post('entries/:id/reversal')
  @RequirePermission(Permission.LedgerWrite)
  @ApiCreatedResponse({ type: EntryViewDto, description: 'the reversing entry' })
  @ApiOperation({ summary: 'Reverse an entry (the only correction: entries are never edited), with a reason; once per entry (audited)' })
  reverse(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ReversalDto) {
    return this.book.reverse(id, dto.reason);
  }
}
