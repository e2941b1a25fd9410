import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SettingView } from '../../application/settings.service';
import type { SettingKind } from '../../domain/setting-definitions';

// Responses of the settings routes (SettingsService), for the OpenAPI document the web client is generated from.

/** A setting's value: integers as numbers, decimals as strings, booleans, or a JSON object. */
const SETTING_VALUE = { oneOf: [{ type: 'integer' }, { type: 'string' }, { type: 'boolean' }, { type: 'object' }, { type: 'array' }] };

/** A platform setting with its handbook default and its current value (SettingView). */
export class SettingViewDto implements SettingView {
  @ApiProperty({ example: 'listing.minListingDays' }) key: string;
  @ApiProperty({ enum: ['integer', 'decimal', 'boolean', 'json'] }) kind: SettingKind;
  @ApiProperty({ ...SETTING_VALUE, description: 'the handbook default' }) default: unknown;
  @ApiProperty() description: string;
  @ApiPropertyOptional({ type: 'integer', description: 'integer settings: the smallest value' }) min?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'integer settings: the largest value' }) max?: number;
  @ApiProperty({ ...SETTING_VALUE, description: 'the value in force' }) value: unknown;
  @ApiProperty({ description: 'the value differs from the default' }) overridden: boolean;
}
