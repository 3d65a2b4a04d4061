import { Global, Logger, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { KeptMailer } from './kept-mailer';
import { MailRepository } from './mail.repository';
import { MAILER } from './mailer';

@Global()
@Module({
  providers: [
    MailRepository,
    KeptMailer,
    {
      provide: MAILER,
      inject: [APP_CONFIG, KeptMailer],
      useFactory: (config: AppConfig, kept: KeptMailer) => {
        // SMTP delivery arrives with the notifications feature, behind this same token.
        if (config.smtpUrl || config.production) {
          new Logger('MailModule').warn(
            'Mail is kept in the database (admin mail preview), not delivered: SMTP delivery is not available yet',
          );
        }
        return kept;
      },
    },
  ],
  exports: [MAILER, MailRepository],
})
export class MailModule {}
