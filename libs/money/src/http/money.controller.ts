import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/auth/http/access.decorators';
import { floorPrice, premiumRate, unitPrice } from '../derived-figures';
import { toArea, toMoney, toRatio } from '../is-money.validator';
import { PriceFiguresDto, type PriceFigures } from './price-figures.dto';

/**
 * The figures a result notice prints, computed the way the platform computes them: unit price (元/㎡),
 * floor price (楼面价, 元/建筑㎡), premium rate (溢价率) and the amount in capital numerals (大写).
 */
@ApiTags('tools')
@Controller('tools')
export class MoneyController {
  @Post('price-figures')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Derived price figures and the amount in 大写, from decimal strings' })
  figures(@Body() dto: PriceFiguresDto): PriceFigures {
    const price = toMoney(dto.price, 'price');
    const start = toMoney(dto.startPrice, 'startPrice');
    const area = toArea(dto.area, 'area');
    const rate = premiumRate(price, start);
    return {
      price: price.toString(),
      priceInWords: price.toChineseCapital(),
      priceInWanYuan: price.formatWanYuan(),
      unitPrice: unitPrice(price, area).toString(),
      floorPrice: dto.plotRatio ? floorPrice(price, area, toRatio(dto.plotRatio, 'plotRatio')).toString() : null,
      premiumRate: rate.toString(),
      premiumPercent: rate.formatPercent(),
    };
  }
}
