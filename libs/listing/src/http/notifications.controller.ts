import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Authenticated, CurrentActor } from '@app/auth/http/access.decorators';
import type { Actor } from '@app/common';
import { NotificationEntity } from '../persistence/notification.entity';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('mine')
  @Authenticated()
  @ApiOperation({ summary: 'My notifications (amendments, suspensions… of the lots I applied for)' })
  async mine(@CurrentActor() actor: Actor) {
    const rows = await this.dataSource.manager.find(NotificationEntity, { where: { recipientId: actor.id }, order: { createdAt: 'DESC' }, take: 200 });
    return rows.map((n) => ({ id: n.id, kind: n.kind, subject: n.subject, body: n.body, relatedType: n.relatedType, relatedId: n.relatedId, createdAt: n.createdAt, readAt: n.readAt }));
  }
}
