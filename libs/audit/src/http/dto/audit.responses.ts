import { ApiProperty } from '@nestjs/swagger';

// Responses of the audit trail search (AuditQueryService), for the OpenAPI document the web client is generated from.

/** One event of the append-only audit trail (AuditEventEntity). */
export class AuditEventDto {
  @ApiProperty({ example: '1024', description: 'sequence number (bigint, as a string)' }) id: string;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the system' }) actorId: string | null;
  @ApiProperty({ example: 'wang.reserve' }) actorName: string;
  @ApiProperty({ type: [String], example: ['reserve_officer'] }) actorRoles: string[];
  @ApiProperty({ example: 'parcel.transition' }) action: string;
  @ApiProperty({ example: 'parcel' }) entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items: AuditEventDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
}
