import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from '@app/auth/http/access.decorators';
import type { Actor } from '@app/common';
import { NotificationService } from '../application/notification.service';
import { NotificationQueryDto } from './dto/notification-query.dto';
import { NotificationPageDto, NotificationsMarkedDto, NotificationViewDto } from './dto/notification.responses';

/** The in-app inbox. Every route works on the caller's own messages only. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  @Get('mine')
  @Authenticated()
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiOperation({ summary: 'My notifications, newest first, with the unread count (amendments, review results, bidder number, results, refunds, installments…)' })
  mine(@CurrentActor() actor: Actor, @Query() query: NotificationQueryDto) {
    return this.notifications.mine(actor, query);
  }

  @Post('read-all')
  @Authenticated()
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationsMarkedDto })
  @ApiOperation({ summary: 'Mark all my notifications read' })
  readAll(@CurrentActor() actor: Actor) {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @Authenticated()
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationViewDto })
  @ApiOperation({ summary: 'Mark one of my notifications read (another user’s is not found)' })
  read(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    return this.notifications.markRead(actor, id);
  }
}
