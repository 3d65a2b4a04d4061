import { Module } from '@nestjs/common';
import { AuthModule } from '@plaza/api/auth';
import { MailModule } from '@plaza/api/mail';
import { AccountDataController } from './account-data.controller';
import { AccountDataService } from './account-data.service';
import { PersonalDataRepository } from './personal-data.repository';
import { RetentionClock } from './retention-clock';
import { RetentionJob } from './retention.job';

/** A person's data rights and the retention sweep (docs/privacy.md). */
@Module({
  imports: [AuthModule, MailModule],
  controllers: [AccountDataController],
  providers: [PersonalDataRepository, AccountDataService, RetentionClock, RetentionJob],
  exports: [AccountDataService, RetentionJob],
})
export class PrivacyModule {}
