import { ApiProperty } from '@nestjs/swagger';
import { BOUNDARY_CRS_VALUES } from '../../domain/parcel-boundary';
import { PARCEL_STATES } from '../../domain/parcel-lifecycle';
import { COST_KINDS, PLANNED_USES } from '../../domain/parcel-rules';
import { ACQUISITION_METHODS } from '../../persistence/parcel.entity';

// Responses of the land reserve routes (ParcelService, toParcelView/toParcelDetail), for the OpenAPI
// document the web client is generated from. Areas, ratios and money are decimal strings.

/** A GeoJSON Polygon or MultiPolygon, coordinates as stored ([lon, lat] in boundaryCrs). */
export class BoundaryGeometryDto {
  @ApiProperty({ enum: ['Polygon', 'MultiPolygon'] }) type: string;
  @ApiProperty({ type: 'array', items: { type: 'array', items: {} }, description: 'Polygon: rings of [lon, lat]; MultiPolygon: polygons of rings' }) coordinates: unknown[];
}

class ParcelPlanningConditionsDto {
  @ApiProperty({ type: String, nullable: true, example: '1.0000' }) plotRatioMin: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2.5000' }) plotRatioMax: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0.3000' }) buildingDensity: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0.3500' }) greenRatio: string | null;
  @ApiProperty({ type: String, nullable: true, example: '80.00' }) heightLimitMetres: string | null;
}

/** A parcel of the land reserve as staff read it (toParcelView). */
export class ParcelViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'QZ-2026-017' }) code: string;
  @ApiProperty({ example: '江南片区A-03地块' }) name: string;
  @ApiProperty({ example: '鲤城区' }) district: string;
  @ApiProperty({ example: '江南街道紫华路以东' }) location: string;
  @ApiProperty({ type: BoundaryGeometryDto }) boundary: BoundaryGeometryDto;
  @ApiProperty({ enum: BOUNDARY_CRS_VALUES }) boundaryCrs: string;
  @ApiProperty({ example: '20000.00', description: '㎡, as declared' }) declaredArea: string;
  @ApiProperty({ example: '20001.37', description: '㎡, computed from the boundary' }) computedArea: string;
  @ApiProperty({ example: '30.0000', description: 'the declared area in 亩' }) declaredAreaMu: string;
  @ApiProperty({ enum: PLANNED_USES }) plannedUse: string;
  @ApiProperty({ type: 'integer', example: 70 }) tenureYears: number;
  @ApiProperty({ type: ParcelPlanningConditionsDto }) planningConditions: ParcelPlanningConditionsDto;
  @ApiProperty({ enum: ACQUISITION_METHODS }) acquisitionMethod: string;
  @ApiProperty({ format: 'date', example: '2026-03-01' }) acquiredOn: string;
  @ApiProperty({ type: String, nullable: true, example: '2027-Q1' }) plannedSupplyQuarter: string | null;
  @ApiProperty({ enum: PARCEL_STATES }) state: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

class CostTotalsDto {
  @ApiProperty({ example: '0.00', description: 'acquisition and compensation' }) acquisition: string;
  @ApiProperty({ example: '0.00' }) development: string;
  @ApiProperty({ example: '0.00' }) financing: string;
  @ApiProperty({ example: '0.00' }) other: string;
  @ApiProperty({ example: '0.00' }) total: string;
}

class CostEntryViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: COST_KINDS }) kind: string;
  @ApiProperty({ example: '3500000.00' }) amount: string;
  @ApiProperty({ format: 'date', example: '2026-03-15' }) incurredOn: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt: Date;
}

class ParcelDocumentViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '收回土地使用权批复' }) title: string;
  @ApiProperty({ example: 'pifu.pdf' }) fileName: string;
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }) sha256: string;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt: Date;
}

/** A parcel with its costs and source documents (toParcelDetail). */
export class ParcelDetailDto extends ParcelViewDto {
  @ApiProperty({ type: CostTotalsDto }) costTotals: CostTotalsDto;
  @ApiProperty({ type: [CostEntryViewDto] }) costEntries: CostEntryViewDto[];
  @ApiProperty({ type: [ParcelDocumentViewDto] }) documents: ParcelDocumentViewDto[];
}

export class ParcelPageDto {
  @ApiProperty({ type: [ParcelViewDto] }) items: ParcelViewDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
}

/** One event of a parcel's history, from the audit trail. */
export class ParcelHistoryEntryDto {
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
  @ApiProperty({ example: 'parcel.transition' }) action: string;
  @ApiProperty({ example: '王储备' }) actor: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

class ReserveTotalsDto {
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ example: '20000.00', description: '㎡' }) area: string;
  @ApiProperty({ example: '3500000.00', description: '元' }) cost: string;
}

/** Totals per parcel state: every state present, zeros included. */
class ReserveTotalsByStateDto {
  @ApiProperty({ type: ReserveTotalsDto }) acquired: ReserveTotalsDto;
  @ApiProperty({ type: ReserveTotalsDto }) in_reserve: ReserveTotalsDto;
  @ApiProperty({ type: ReserveTotalsDto }) developing: ReserveTotalsDto;
  @ApiProperty({ type: ReserveTotalsDto }) ready_for_supply: ReserveTotalsDto;
  @ApiProperty({ type: ReserveTotalsDto }) listed: ReserveTotalsDto;
  @ApiProperty({ type: ReserveTotalsDto }) sold: ReserveTotalsDto;
  @ApiProperty({ type: ReserveTotalsDto }) withdrawn: ReserveTotalsDto;
}

class ReserveDistrictRowDto extends ReserveTotalsDto {
  @ApiProperty({ example: '鲤城区' }) district: string;
  @ApiProperty({ type: ReserveTotalsByStateDto }) byState: ReserveTotalsByStateDto;
}

export class ReserveReportDto {
  @ApiProperty({ type: ReserveTotalsDto }) overall: ReserveTotalsDto;
  @ApiProperty({ type: ReserveTotalsByStateDto }) byState: ReserveTotalsByStateDto;
  @ApiProperty({ type: [ReserveDistrictRowDto] }) byDistrict: ReserveDistrictRowDto[];
}

class SupplyPlanParcelDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'QZ-2026-017' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '鲤城区' }) district: string;
  @ApiProperty({ enum: PARCEL_STATES }) state: string;
  @ApiProperty({ example: '20000.00' }) area: string;
}

class SupplyPlanQuarterDto {
  @ApiProperty({ example: '2027-Q1' }) quarter: string;
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ example: '20000.00' }) area: string;
  @ApiProperty({ type: [SupplyPlanParcelDto] }) parcels: SupplyPlanParcelDto[];
}

class SupplyPlanTotalDto {
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ example: '20000.00' }) area: string;
}

export class SupplyPlanDto {
  @ApiProperty({ type: 'integer', example: 2027 }) year: number;
  @ApiProperty({ type: [SupplyPlanQuarterDto] }) quarters: SupplyPlanQuarterDto[];
  @ApiProperty({ type: SupplyPlanTotalDto }) total: SupplyPlanTotalDto;
  @ApiProperty({ type: SupplyPlanTotalDto, description: 'parcels without a planned quarter' }) unscheduled: SupplyPlanTotalDto;
}
