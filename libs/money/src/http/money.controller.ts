import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/auth/http/access.decorators';
import { formatFloorArea, saleFigures } from '../derived-figures';
import { toArea, toMoney, toRatio } from '../is-money.validator';
import { PriceFigures, PriceFiguresDto } from './price-figures.dto';

/**
 * The figures a result notice prints, computed by the platform's one function (saleFigures): the
 * total (元), unit price (元/㎡), floor price (楼面价, 元/建筑㎡), premium rate (溢价率) and the total in
 * capital numerals (大写).
 */
@ApiTags('tools')
@Controller('tools')
export class MoneyController {
  @Post('price-figures')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: PriceFigures })
  @ApiOperation({ summary: 'Derived price figures and the total in 大写, from decimal strings (one parcel)' })
  figures(@Body() dto: PriceFiguresDto): PriceFigures {
    const price = toMoney(dto.price, 'price');
    const start = toMoney(dto.startPrice, 'startPrice');
    const area = toArea(dto.area, 'area');
    const plotRatioMax = dto.plotRatio ? toRatio(dto.plotRatio, 'plotRatio') : null;
    const f = saleFigures({ priceUnit: dto.priceUnit ?? 'total', bidPrice: price, startPrice: start, parcels: [{ area, plotRatioMax }] });
    return {
      priceUnit: f.priceUnit,
      price: price.toString(),
      totalPrice: f.totalPrice.toString(),
      priceInWords: f.totalPrice.toChineseCapital(),
      priceInWanYuan: f.totalPrice.formatWanYuan(),
      unitPrice: f.unitPrice?.toString() ?? null,
      floorArea: f.floorArea === null ? null : formatFloorArea(f.floorArea),
      floorPrice: f.floorPrice?.toString() ?? null,
      premiumRate: f.premiumRate.toString(),
      premiumPercent: f.premiumRate.formatPercent(),
    };
  }
}
