import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailGatewayChannel, SmsGatewayChannel, UnconfiguredChannel, type NotificationChannel } from './application/notification-channel';
import { NOTIFICATION_CHANNELS, NotificationDispatcher } from './application/notification-dispatcher';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './application/notification-options';
import { NotificationService } from './application/notification.service';
import { SaleNotices } from './application/sale-notices.service';
import { NotificationsController } from './http/notifications.controller';
import { NotificationDeliveryEntity } from './persistence/notification-delivery.entity';
import { NotificationEntity } from './persistence/notification.entity';

/** The outbound channels the settings switch on; `none` is always there for rows written before a change. */
export function channelsFor(options: NotificationOptions): NotificationChannel[] {
  const channels: NotificationChannel[] = [new UnconfiguredChannel()];
  if (options.channels.includes('email') && options.emailGatewayUrl) channels.push(new EmailGatewayChannel(options.emailGatewayUrl, options.gatewayToken));
  if (options.channels.includes('sms') && options.smsGatewayUrl) channels.push(new SmsGatewayChannel(options.smsGatewayUrl, options.gatewayToken));
  return channels;
}

/**
 * Notifications: the in-app inbox, the outbox and its dispatcher, and the notices of a sale. Global,
 * so every context that changes something a user must hear about can inject NotificationService.
 */
@Global()
@Module({})
export class NotificationModule {
  static forRoot(options: NotificationOptions): DynamicModule {
    return {
      module: NotificationModule,
      imports: [TypeOrmModule.forFeature([NotificationEntity, NotificationDeliveryEntity])],
      controllers: [NotificationsController],
      providers: [
        { provide: NOTIFICATION_OPTIONS, useValue: options },
        { provide: NOTIFICATION_CHANNELS, useFactory: () => channelsFor(options) },
        NotificationService,
        NotificationDispatcher,
        SaleNotices,
      ],
      exports: [NotificationService, NotificationDispatcher, SaleNotices],
    };
  }
}
