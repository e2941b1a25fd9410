import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/auth/http/access.decorators';

export const WEB_SETTINGS = Symbol('WEB_SETTINGS');

export interface WebSettings {
  tileUrl: string | null;
}

export class WebConfigDto implements WebSettings {
  @ApiProperty({ type: String, nullable: true, description: 'XYZ tile URL template of the parcel maps\' base layer ({z}, {x}, {y}); null: outlines only', example: 'https://t0.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=KEY' })
  tileUrl: string | null;
}

/** What the browser app needs to know of the deployment's settings, and nothing secret. */
@ApiTags('public')
@Controller('public/web-config')
export class WebConfigController {
  constructor(@Inject(WEB_SETTINGS) private readonly settings: WebSettings) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Settings of the web app: the optional base-map tile URL (WEB_TILE_URL)' })
  @ApiOkResponse({ type: WebConfigDto })
  get(): WebConfigDto {
    return { tileUrl: this.settings.tileUrl };
  }
}
