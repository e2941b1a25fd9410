import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@app/common';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'user' }) @IsOptional() @IsString() @MaxLength(100)
  entityType?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'admin' }) @IsOptional() @IsString() @MaxLength(100)
  actorName?: string;

  @ApiPropertyOptional({ example: 'user.create' }) @IsOptional() @IsString() @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00+08:00' })
  @IsOptional() @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31T23:59:59+08:00' })
  @IsOptional() @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to?: string;
}
