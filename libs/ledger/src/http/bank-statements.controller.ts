import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '@app/auth/domain/permission';
import { CurrentActor, RequirePermission } from '@app/auth/http/access.decorators';
import { AcceptsUpload, PageQueryDto, type Actor } from '@app/common';
import { StatementImportService } from '../application/statement-import.service';
import { ImportStatementDto, ResolutionDto, StatementLinesQueryDto } from './dto/ledger.dto';
import { DuplicateStatementReportDto, StatementDetailDto, StatementImportReportDto, StatementLinePageDto, StatementLineViewDto, StatementPageDto } from './dto/ledger.responses';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller()
export class BankStatementsController {
  constructor(private readonly statements: StatementImportService) {}

  @Post('bank-statements')
  @AcceptsUpload()
  @RequirePermission(Permission.LedgerWrite)
  @ApiCreatedResponse({ type: StatementImportReportDto, description: 'imported and reconciled' })
  @ApiOkResponse({ type: DuplicateStatementReportDto, description: 'the same statement was imported before; nothing changed' })
  @ApiOperation({
    summary: 'Import a bank statement (CSV as base64) and reconcile it',
    description:
      '201 with the reconciliation report (matched, partial, unmatched with suggestions, skipped, outstanding); 200 `{duplicate: true}` when the same statement was already imported (nothing changes); 400 STATEMENT_INVALID listing every problem by line and column (nothing stored).',
  })
  async import(@Body() dto: ImportStatementDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const result = await this.statements.importStatement({ filename: dto.filename, content: Buffer.from(dto.contentBase64, 'base64') }, actor);
    res.status(result.duplicate ? 200 : 201);
    return result;
  }

  @Get('bank-statements')
  @RequirePermission(Permission.LedgerRead)
  @ApiOkResponse({ type: StatementPageDto })
  @ApiOperation({ summary: 'Imported bank statements, newest first, with their lines counted by status' })
  list(@Query() query: PageQueryDto) {
    return this.statements.list(query);
  }

  @Get('bank-statements/:id')
  @RequirePermission(Permission.LedgerRead)
  @ApiOkResponse({ type: StatementDetailDto })
  @ApiOperation({ summary: 'One statement with its lines and their reconciliation status' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.statements.get(id);
  }

  @Get('bank-statement-lines')
  @RequirePermission(Permission.LedgerRead)
  @ApiOkResponse({ type: StatementLinePageDto })
  @ApiOperation({ summary: 'Statement lines by status (default: unmatched and partial, the ones to resolve)' })
  lines(@Query() query: StatementLinesQueryDto) {
    return this.statements.lines(query);
  }

  @Post('bank-statement-lines/:id/resolution')
  @HttpCode(200)
  @RequirePermission(Permission.LedgerWrite)
  @ApiOkResponse({ type: StatementLineViewDto })
  @ApiOperation({ summary: 'Resolve an open line by hand, with a reason: match it to an expected item, or ignore it (audited)' })
  resolve(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ResolutionDto, @CurrentActor() actor: Actor) {
    const resolution = dto.action === 'match' ? { action: 'match' as const, itemId: dto.itemId ?? '', reason: dto.reason } : { action: 'ignore' as const, reason: dto.reason };
    return this.statements.resolve(id, resolution, actor);
  }
}
