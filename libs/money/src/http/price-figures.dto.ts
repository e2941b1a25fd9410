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

/** The derived figures of a price (the answer of POST /tools/price-figures). */
export class PriceFigures {
  @ApiProperty({ enum: PRICE_UNITS }) priceUnit: PriceUnit;
  @ApiProperty({ example: '12500000.00', description: 'as given, in `priceUnit`' }) price: string;
  @ApiProperty({ example: '12500000.00', description: '成交总价, 元' }) totalPrice: string;
  @ApiProperty({ example: '壹仟贰佰伍拾万元整', description: 'the total in capital numerals (大写)' }) priceInWords: string;
  @ApiProperty({ example: '1250.0000万元', description: 'the total in 万元' }) priceInWanYuan: string;
  @ApiProperty({ type: String, nullable: true, example: '625.00', description: '元/㎡ of land' }) unitPrice: string | null;
  @ApiProperty({ type: String, nullable: true, example: '50000.00', description: 'area × maximum plot ratio, ㎡; null without a plot ratio' }) floorArea: string | null;
  @ApiProperty({ type: String, nullable: true, example: '250.00', description: '楼面价, 元/建筑㎡' }) floorPrice: string | null;
  @ApiProperty({ example: '0.2500', description: '溢价率, 4 places' }) premiumRate: string;
  @ApiProperty({ example: '25.00%' }) premiumPercent: string;
}
