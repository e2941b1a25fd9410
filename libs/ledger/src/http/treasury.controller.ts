import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '@app/auth/domain/permission';
import { CurrentActor, RequirePermission } from '@app/auth/http/access.decorators';
import { parseIsoDate } from '@app/calendar/domain/calendar-day';
import { PageQueryDto, type Actor } from '@app/common';
import { TreasuryService } from '../application/treasury.service';
import { AsOfQueryDto, RemittanceDto } from './dto/ledger.dto';
import { RemittancePageDto, RemittanceResultDto, UnremittedDto } from './dto/ledger.responses';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller()
export class TreasuryController {
  constructor(private readonly treasury: TreasuryService) {}

  @Post('treasury-remittances')
  @RequirePermission(Permission.LedgerWrite)
  @ApiCreatedResponse({ type: RemittanceResultDto, description: 'recorded (duplicate: false)' })
  @ApiOkResponse({ type: RemittanceResultDto, description: 'the same remittance was recorded before (duplicate: true); nothing changed' })
  @ApiOperation({
    summary: 'Record a remittance of land revenue to the treasury (收支两条线), posted Dr 4901 / Cr 1002 (audited)',
    description: 'Without amounts, all that is remittable. 201 when recorded; 200 `{duplicate: true}` for the same treasury reference and figures again.',
  })
  async remit(@Body() dto: RemittanceDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const result = await this.treasury.remit(dto, actor);
    res.status(result.duplicate ? 200 : 201);
    return result;
  }

  @Get('treasury-remittances')
  @RequirePermission(Permission.LedgerRead)
  @ApiOkResponse({ type: RemittancePageDto })
  @ApiOperation({ summary: 'Remittances, newest first, with their entry and the bank line they were reconciled with' })
  list(@Query() query: PageQueryDto) {
    return this.treasury.list(query);
  }

  @Get('ledger/unremitted')
  @RequirePermission(Permission.LedgerRead)
  @ApiOkResponse({ type: UnremittedDto })
  @ApiOperation({ summary: 'Per revenue account: booked, remitted, unremitted, still receivable and remittable now' })
  unremitted(@Query() query: AsOfQueryDto) {
    return this.treasury.unremitted(query.asOf === undefined ? undefined : parseIsoDate(query.asOf, 'asOf'));
  }
}
