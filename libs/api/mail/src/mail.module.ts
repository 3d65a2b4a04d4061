import { Global, Logger, Module, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { UnsubscribeLinks } from '@plaza/api/outbox';
import { EmailChannel } from './email-channel';
import { KeptTransport } from './kept-transport';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import { MailRepository } from './mail.repository';
import { MailTemplates } from './mail-templates';
import { MAILER } from './mailer';
import { OutboxMailer } from './outbox-mailer';
import { SmtpTransport } from './smtp-transport';

@Global()
@Module({
  providers: [
    MailRepository,
    MailTemplates,
    KeptTransport,
    EmailChannel,
    OutboxMailer,
    { provide: MAILER, useExisting: OutboxMailer },
    {
      provide: MAIL_TRANSPORT,
      inject: [APP_CONFIG, KeptTransport, UnsubscribeLinks],
      useFactory: (config: AppConfig, kept: KeptTransport, links: UnsubscribeLinks): MailTransport => {
        if (!config.smtpUrl) {
          if (config.production) {
            new Logger('MailModule').warn('SMTP_URL is not set: mail is kept in the database (admin mail preview), not delivered');
          }
          return kept;
        }
        const domain = new URL(config.publicUrl).hostname;
        return new SmtpTransport({
          url: config.smtpUrl,
          from: config.mailFrom ?? `Plaza <no-reply@${domain}>`,
          messageIdDomain: domain,
          oneClickUrl: (url) => links.oneClickUrl(url),
          connections: config.outbox.concurrency,
        });
      },
    },
  ],
  exports: [MAILER, MailRepository, MailTemplates],
})
export class MailModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close?.();
  }
}
