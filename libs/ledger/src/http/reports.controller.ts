import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Permission } from '@app/auth/domain/permission';
import { Public, RequirePermission } from '@app/auth/http/access.decorators';
import { LandSalesReportService, XLSX_CONTENT_TYPE, type LandSalesQuery, type LandSalesReport } from '../application/land-sales-report.service';
import type { ReportDimension } from '../domain/reports';
import { LandSalesQueryDto, PublicStatisticsQueryDto } from './dto/ledger.dto';
import { LandSalesReportDto } from './dto/reports.responses';

function queryOf(dto: PublicStatisticsQueryDto): LandSalesQuery {
  return {
    period: dto.period,
    from: dto.from,
    to: dto.to,
    by: dto.by === undefined ? [] : (dto.by.split(',') as ReportDimension[]),
  };
}

@ApiTags('reports')
@ApiExtraModels(LandSalesReportDto)
@Controller()
export class ReportsController {
  constructor(private readonly reports: LandSalesReportService) {}

  @Get('reports/land-sales')
  @RequirePermission(Permission.LedgerRead)
  @ApiBearerAuth()
  @ApiOkResponse({
    description: 'the report (format=json), or the same table as a CSV or XLSX download',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(LandSalesReportDto) } },
      'text/csv': { schema: { type: 'string', format: 'binary' } },
      [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOperation({
    summary: 'Land sales by period (month / quarter / year) and district, land use, method: offered, sold, unsold, revenue, average premium rate, deposits still held',
    description: 'format=csv (UTF-8 with BOM) or format=xlsx downloads the same table with a 合计 row.',
  })
  async landSales(@Query() dto: LandSalesQueryDto): Promise<LandSalesReport | StreamableFile> {
    const format = dto.format ?? 'json';
    if (format === 'json') return this.reports.report(queryOf(dto));
    const file = await this.reports.export(queryOf(dto), format);
    return new StreamableFile(file.body, { type: file.contentType, disposition: `attachment; filename="${file.filename}"`, length: file.body.length });
  }

  @Get('public/statistics/land-sales')
  @Public()
  @ApiOkResponse({ type: LandSalesReportDto })
  @ApiOperation({ summary: 'Public land sales statistics: the same aggregates, never a bidder’s name, credit code, ID number or application' })
  publicLandSales(@Query() dto: PublicStatisticsQueryDto): Promise<LandSalesReport> {
    return this.reports.report(queryOf(dto));
  }
}
