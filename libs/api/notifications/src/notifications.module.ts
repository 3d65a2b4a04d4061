import { Module } from '@nestjs/common';
import { AccountNotificationsController } from './account-notifications.controller';
import { RecipientsRepository } from './recipients.repository';
import { UpdateUnsubscribeKinds } from './unsubscribe-kinds';
import { UpdateNotifier } from './update-notifier';

/** Update mails to reporters, authors and followers (docs/notifications.md). */
@Module({
  controllers: [AccountNotificationsController],
  providers: [RecipientsRepository, UpdateNotifier, UpdateUnsubscribeKinds],
})
export class NotificationsModule {}
