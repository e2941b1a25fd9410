import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@app/auth/domain/permission';
import { RequirePermission } from '@app/auth/http/access.decorators';
import { AcceptsUpload } from '@app/common';
import { ParcelService } from '../application/parcel.service';
import type { ParcelTransitionName } from '../domain/parcel-lifecycle';
import { CostEntryDto, CreateParcelDto, DocumentDto, ParcelListQueryDto, ParcelTransitionDto, SupplyPlanQueryDto, UpdateParcelDto } from './dto/parcel.dto';
import { ParcelDetailDto, ParcelHistoryEntryDto, ParcelPageDto, ParcelViewDto, ReserveReportDto, SupplyPlanDto } from './dto/parcel.responses';

@ApiTags('reserve')
@ApiBearerAuth()
@Controller()
export class ParcelsController {
  constructor(private readonly parcels: ParcelService) {}

  @Post('parcels')
  @AcceptsUpload()
  @RequirePermission(Permission.ParcelWrite)
  @ApiCreatedResponse({ type: ParcelDetailDto })
  @ApiOperation({ summary: 'Register a parcel taken into the land reserve (state acquired)' })
  create(@Body() dto: CreateParcelDto) {
    return this.parcels.create(dto);
  }

  @Get('parcels')
  @RequirePermission(Permission.ParcelRead)
  @ApiOkResponse({ type: ParcelPageDto })
  @ApiOperation({ summary: 'List parcels, filtered by state, district and planned use, with paging' })
  list(@Query() query: ParcelListQueryDto) {
    return this.parcels.list(query);
  }

  @Get('parcels/:id')
  @RequirePermission(Permission.ParcelRead)
  @ApiOkResponse({ type: ParcelDetailDto })
  @ApiOperation({ summary: 'A parcel with its costs and source documents' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.parcels.get(id);
  }

  @Patch('parcels/:id')
  @AcceptsUpload()
  @RequirePermission(Permission.ParcelWrite)
  @ApiOkResponse({ type: ParcelDetailDto })
  @ApiOperation({ summary: 'Correct a parcel’s data before it is listed, with a reason' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateParcelDto) {
    return this.parcels.update(id, dto);
  }

  @Post('parcels/:id/transitions')
  @RequirePermission(Permission.ParcelWrite)
  @ApiCreatedResponse({ type: ParcelViewDto })
  @ApiOperation({ summary: 'Move a parcel through the reserve lifecycle (take into reserve, develop, ready, withdraw)' })
  transition(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ParcelTransitionDto) {
    return this.parcels.transition(id, dto.transition as ParcelTransitionName, dto.reason);
  }

  @Post('parcels/:id/costs')
  @RequirePermission(Permission.ParcelWrite)
  @ApiCreatedResponse({ type: ParcelDetailDto })
  @ApiOperation({ summary: 'Add a reserve cost entry (append-only)' })
  addCost(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CostEntryDto) {
    return this.parcels.addCost(id, dto);
  }

  @Post('parcels/:id/documents')
  @AcceptsUpload()
  @RequirePermission(Permission.ParcelWrite)
  @ApiCreatedResponse({ type: ParcelDetailDto })
  @ApiOperation({ summary: 'Record a source document (metadata and SHA-256)' })
  addDocument(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: DocumentDto) {
    return this.parcels.addDocument(id, dto);
  }

  @Get('parcels/:id/history')
  @RequirePermission(Permission.ParcelRead)
  @ApiOkResponse({ type: [ParcelHistoryEntryDto] })
  @ApiOperation({ summary: 'The parcel’s whole history from the audit trail' })
  history(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.parcels.history(id);
  }

  @Get('reserve/report')
  @RequirePermission(Permission.ParcelRead)
  @ApiOkResponse({ type: ReserveReportDto })
  @ApiOperation({ summary: 'Reserve report: count, area and cost by state and district' })
  report() {
    return this.parcels.report();
  }

  @Get('reserve/supply-plan')
  @RequirePermission(Permission.ParcelRead)
  @ApiOkResponse({ type: SupplyPlanDto })
  @ApiOperation({ summary: 'Annual supply plan: parcels per quarter' })
  supplyPlan(@Query() query: SupplyPlanQueryDto) {
    return this.parcels.supplyPlan(Number.parseInt(query.year, 10));
  }
}
