import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsArea, IsMoney, IsRatio } from '../is-money.validator';

export class PriceFiguresDto {
  @ApiProperty({ example: '12500000.00', description: 'Transaction price, 元' }) @IsMoney({ min: '0.01' })
  price: string;

  @ApiProperty({ example: '10000000.00', description: 'Start price, 元' }) @IsMoney({ min: '0.01' })
  startPrice: string;

  @ApiProperty({ example: '20000.00', description: 'Parcel area, ㎡' }) @IsArea({ min: '0.01' })
  area: string;

  @ApiPropertyOptional({ example: '2.5000', description: 'Plot ratio (容积率), for the floor price' }) @IsOptional() @IsRatio({ min: '0.0001' })
  plotRatio?: string;
}

export interface PriceFigures {
  price: string;
  priceInWords: string;
  priceInWanYuan: string;
  unitPrice: string;
  floorPrice: string | null;
  premiumRate: string;
  premiumPercent: string;
}
