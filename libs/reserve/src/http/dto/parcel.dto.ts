import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '@app/common';
import { IsArea, IsDecimalString, IsMoney, IsRatio } from '@app/money';
import { PARCEL_STATES, PARCEL_TRANSITION_NAMES } from '../../domain/parcel-lifecycle';
import { COST_KINDS, PLANNED_USES } from '../../domain/parcel-rules';
import { ACQUISITION_METHODS } from '../../persistence/parcel.entity';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CostEntryDto {
  @ApiProperty({ enum: COST_KINDS }) @IsIn(COST_KINDS, { message: `kind must be one of ${COST_KINDS.join(', ')}` })
  kind: string;

  @ApiProperty({ example: '35000000.00' }) @IsMoney({ min: '0.01' })
  amount: string;

  @ApiProperty({ example: '2026-03-15' }) @Matches(ISO_DATE, { message: 'incurredOn must be a date like 2026-03-15' })
  incurredOn: string;

  @ApiProperty({ example: '收购补偿款' }) @IsString() @MinLength(1) @MaxLength(500)
  description: string;
}

export class DocumentDto {
  @ApiProperty({ example: '收储协议' }) @IsString() @MinLength(1) @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'agreement-2026-001.pdf' }) @IsString() @MinLength(1) @MaxLength(255)
  fileName: string;

  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lowercase hex characters' })
  sha256: string;
}

export class ParcelFieldsDto {
  @ApiProperty({ example: '寿光市林业局办公院' }) @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  @ApiProperty({ example: '圣城街道' }) @IsString() @MinLength(1) @MaxLength(100)
  district: string;

  @ApiProperty({ example: '寿光市圣城街以北、商务街以西' }) @IsString() @MinLength(1) @MaxLength(500)
  location: string;

  @ApiProperty({
    description: 'GeoJSON Polygon or MultiPolygon (or a Feature of one), [lon, lat] in WGS 84 / CGCS2000',
    example: { type: 'Polygon', coordinates: [[[118.78, 36.86], [118.7815, 36.86], [118.7815, 36.8612], [118.78, 36.8612], [118.78, 36.86]]] },
  })
  @IsObject()
  boundary: Record<string, unknown>;

  @ApiPropertyOptional({ enum: ['EPSG:4326', 'EPSG:4490'] }) @IsOptional() @IsIn(['EPSG:4326', 'EPSG:4490'])
  boundaryCrs?: 'EPSG:4326' | 'EPSG:4490';

  @ApiProperty({ example: '17800.00', description: 'Declared area, ㎡: within reserve.areaTolerance of the area computed from the boundary' }) @IsArea({ min: '0.01' })
  declaredArea: string;

  @ApiProperty({ enum: PLANNED_USES }) @IsIn(PLANNED_USES, { message: `plannedUse must be one of ${PLANNED_USES.join(', ')}` })
  plannedUse: string;

  @ApiPropertyOptional({ example: '1.0000' }) @IsOptional() @IsRatio()
  plotRatioMin?: string;

  @ApiPropertyOptional({ example: '2.5000' }) @IsOptional() @IsRatio()
  plotRatioMax?: string;

  @ApiPropertyOptional({ example: '0.3500', description: 'Building density (建筑密度) as a fraction of the site' }) @IsOptional() @IsRatio()
  buildingDensity?: string;

  @ApiPropertyOptional({ example: '0.3000', description: 'Green ratio (绿地率) as a fraction of the site' }) @IsOptional() @IsRatio()
  greenRatio?: string;

  @ApiPropertyOptional({ example: '60.00' }) @IsOptional() @IsDecimalString({ scale: 2, precision: 8 })
  heightLimitMetres?: string;

  @ApiProperty({ enum: ACQUISITION_METHODS }) @IsIn(ACQUISITION_METHODS, { message: `acquisitionMethod must be one of ${ACQUISITION_METHODS.join(', ')}` })
  acquisitionMethod: string;

  @ApiProperty({ example: '2026-03-01' }) @Matches(ISO_DATE, { message: 'acquiredOn must be a date like 2026-03-01' })
  acquiredOn: string;

  @ApiPropertyOptional({ example: '2027-Q1' }) @IsOptional() @Matches(/^\d{4}-Q[1-4]$/, { message: 'plannedSupplyQuarter must look like 2027-Q1' })
  plannedSupplyQuarter?: string;
}

export class CreateParcelDto extends ParcelFieldsDto {
  @ApiProperty({ example: 'SG2026-001' }) @IsString() @MinLength(1) @MaxLength(40)
  code: string;

  @ApiPropertyOptional({ type: [CostEntryDto] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CostEntryDto)
  costEntries?: CostEntryDto[];

  @ApiPropertyOptional({ type: [DocumentDto] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => DocumentDto)
  documents?: DocumentDto[];
}

export class UpdateParcelDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) district?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(500) location?: string;
  @ApiPropertyOptional() @IsOptional() @IsObject() boundary?: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @IsIn(['EPSG:4326', 'EPSG:4490']) boundaryCrs?: 'EPSG:4326' | 'EPSG:4490';
  @ApiPropertyOptional() @IsOptional() @IsArea({ min: '0.01' }) declaredArea?: string;
  @ApiPropertyOptional({ enum: PLANNED_USES }) @IsOptional() @IsIn(PLANNED_USES) plannedUse?: string;
  @ApiPropertyOptional() @IsOptional() @IsRatio() plotRatioMin?: string;
  @ApiPropertyOptional() @IsOptional() @IsRatio() plotRatioMax?: string;
  @ApiPropertyOptional() @IsOptional() @IsRatio() buildingDensity?: string;
  @ApiPropertyOptional() @IsOptional() @IsRatio() greenRatio?: string;
  @ApiPropertyOptional() @IsOptional() @IsDecimalString({ scale: 2, precision: 8 }) heightLimitMetres?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{4}-Q[1-4]$/, { message: 'plannedSupplyQuarter must look like 2027-Q1' }) plannedSupplyQuarter?: string;

  @ApiProperty({ example: '依据测绘成果更正界址', description: 'Why the parcel data changes (audit trail)' }) @IsString() @MinLength(2) @MaxLength(500)
  reason: string;
}

export class ParcelTransitionDto {
  @ApiProperty({ enum: PARCEL_TRANSITION_NAMES }) @IsIn(PARCEL_TRANSITION_NAMES, { message: `transition must be one of ${PARCEL_TRANSITION_NAMES.join(', ')}` })
  transition: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500)
  reason?: string;
}

export class ParcelListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PARCEL_STATES }) @IsOptional() @IsIn(PARCEL_STATES) state?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) district?: string;
  @ApiPropertyOptional({ enum: PLANNED_USES }) @IsOptional() @IsIn(PLANNED_USES) use?: string;
}

export class SupplyPlanQueryDto {
  @ApiProperty({ example: '2027' }) @Matches(/^\d{4}$/, { message: 'year must be a year like 2027' })
  year: string;
}

