import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PRICE_UNITS, type PriceUnit } from '../derived-figures';
import { IsArea, IsMoney, IsRatio } from '../is-money.validator';

export class PriceFiguresDto {
  @ApiProperty({ example: '12500000.00', description: 'Transaction price as bid, in `priceUnit`' }) @IsMoney({ min: '0.01' })
  price: string;

  @ApiProperty({ example: '10000000.00', description: 'Start price, in `priceUnit`' }) @IsMoney({ min: '0.01' })
  startPrice: string;

  @ApiProperty({ example: '20000.00', description: 'Parcel area, ㎡' }) @IsArea({ min: '0.01' })
  area: string;

  @ApiPropertyOptional({ example: '2.5000', description: 'Maximum plot ratio (容积率上限), for the floor area and floor price' }) @IsOptional() @IsRatio({ min: '0.0001' })
  plotRatio?: string;

  @ApiPropertyOptional({ enum: PRICE_UNITS, description: 'The unit of the prices: total 元 (default), per ㎡ of land, per ㎡ of floor area' })
  @IsOptional()
  @IsIn(PRICE_UNITS, { message: `priceUnit must be one of ${PRICE_UNITS.join(', ')}` })
  priceUnit?: PriceUnit;
}

export interface PriceFigures {
  priceUnit: PriceUnit;
  /** As given, in `priceUnit`. */
  price: string;
  /** 成交总价, 元. */
  totalPrice: string;
  priceInWords: string;
  priceInWanYuan: string;
  unitPrice: string | null;
  floorArea: string | null;
  floorPrice: string | null;
  premiumRate: string;
  premiumPercent: string;
}
