import { ApiProperty } from '@nestjs/swagger';
import type { NotificationView } from '../../application/notification.service';
import { NOTIFICATION_KINDS } from '../../domain/notification-kinds';

// Responses of the inbox routes (NotificationService), for the OpenAPI document the web client is generated from.

/** A message of the in-app inbox (NotificationService view). */
export class NotificationViewDto implements NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: string;
  @ApiProperty({ example: '竞买资格审核通过' }) subject: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: String, nullable: true, example: 'lot', description: 'what the message is about (lot, application, announcement, contract, refund…)' }) relatedType: string | null;
  @ApiProperty({ type: String, nullable: true }) relatedId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty() read: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: Date | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationViewDto] }) items: NotificationViewDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer', description: 'unread messages of the caller (all pages)' }) unread: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
}

export class NotificationsMarkedDto {
  @ApiProperty({ type: 'integer', description: 'messages newly marked read' }) updated: number;
}
