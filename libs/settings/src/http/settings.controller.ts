import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsDefined, IsString, MaxLength, MinLength } from 'class-validator';
import { Permission } from '@app/auth/domain/permission';
import { Public, RequirePermission } from '@app/auth/http/access.decorators';
import { SettingsService } from '../application/settings.service';
import { SettingViewDto } from './dto/settings.responses';

export class SetSettingDto {
  @ApiProperty({
    description: 'JSON value of the setting’s kind (see GET /api/settings): integers as numbers, decimals as strings ("0.2000"), booleans, or an object',
    oneOf: [{ type: 'integer' }, { type: 'string', pattern: '^-?(0|[1-9]\\d{0,15})(\\.\\d{1,8})?$' }, { type: 'boolean' }, { type: 'object' }, { type: 'array' }],
    example: 12,
  })
  @IsDefined()
  value: unknown;

  @ApiProperty({ example: '依据本市2026年出让规定调整', description: 'Why the setting changes; kept in the audit trail' }) @IsString() @MinLength(2) @MaxLength(500)
  reason: string;
}

@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: [SettingViewDto] })
  @ApiOperation({ summary: 'Every platform setting with its default and current value (the rules are public)' })
  list() {
    return this.settings.list();
  }

  @Put(':key')
  @RequirePermission(Permission.SettingsEdit)
  @ApiBearerAuth()
  @ApiOkResponse({ type: SettingViewDto })
  @ApiOperation({ summary: 'Change a setting, with a reason (audited)' })
  set(@Param('key') key: string, @Body() dto: SetSettingDto) {
    return this.settings.set(key, dto.value, dto.reason);
  }
}
