import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_DIMENSIONS, REPORT_PERIODS } from '../../domain/reports';

// Responses of the land sales statistics (LandSalesReportService.report), for the OpenAPI document the
// web client is generated from. Aggregates only: never a bidder.

export class LandSalesFiguresDto {
  @ApiProperty({ type: 'integer', description: 'lots closed' }) offered: number;
  @ApiProperty({ type: 'integer' }) sold: number;
  @ApiProperty({ type: 'integer' }) unsold: number;
  @ApiProperty({ type: String, example: '17800.00', description: '出让面积, ㎡: the land area of the sold lots (Σ of their parcels), 2 places' }) soldArea: string;
  @ApiProperty({ example: '125000000.00', description: '出让收入, 元' }) revenue: string;
  @ApiProperty({ type: String, nullable: true, example: '0.2500', description: 'mean of the sold lots’ premium rates, 4 places; null when nothing was sold' }) averagePremiumRate: string | null;
  @ApiProperty({ example: '0.00', description: 'deposits of these lots still held at `to`' }) depositsHeld: string;
}

export class LandSalesRowDto extends LandSalesFiguresDto {
  @ApiProperty({ example: '2027-01', description: '"2027-01", "2027-Q1" or "2027" (Shanghai time)' }) period: string;
  @ApiPropertyOptional({ example: '鲤城区', description: 'only when grouped by district' }) district?: string;
  @ApiPropertyOptional({ example: '城镇住宅用地', description: 'only when grouped by landUse' }) landUse?: string;
  @ApiPropertyOptional({ enum: ['auction', 'listing', 'tender'], description: 'only when grouped by method' }) method?: string;
}

export class LandSalesReportDto {
  @ApiProperty({ enum: REPORT_PERIODS }) period: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2027-01-01', description: 'null: from the first sale' }) from: string | null;
  @ApiProperty({ format: 'date', example: '2027-12-31' }) to: string;
  @ApiProperty({ enum: REPORT_DIMENSIONS, isArray: true }) by: string[];
  @ApiProperty({ type: [LandSalesRowDto] }) rows: LandSalesRowDto[];
  @ApiProperty({ type: LandSalesFiguresDto }) totals: LandSalesFiguresDto;
}
