import { Module } from '@nestjs/common';
import { ParticipationDataModule } from '@plaza/api/participation-data';
import { ProposalRecordsModule } from '@plaza/api/proposal-records';
import { ReportRecordsModule } from '@plaza/api/report-records';
import { AccountNotificationsController } from './account-notifications.controller';
import { InboxController } from './inbox.controller';
import { NotificationSettingsRepository } from './notification-settings.repository';
import { RecipientsRepository } from './recipients.repository';
import { UpdateUnsubscribeKinds } from './unsubscribe-kinds';
import { UpdateNotifier } from './update-notifier';

/** Update mails to reporters, authors and followers (docs/notifications.md); the inbox and the account's switch. */
@Module({
  imports: [ParticipationDataModule, ReportRecordsModule, ProposalRecordsModule],
  controllers: [AccountNotificationsController, InboxController],
  providers: [RecipientsRepository, NotificationSettingsRepository, UpdateNotifier, UpdateUnsubscribeKinds],
})
export class NotificationsModule {}
