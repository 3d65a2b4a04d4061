import { Global, Module } from '@nestjs/common';
import { Outbox } from './outbox';
import { OutboxChannels } from './outbox-channels';
import { OutboxClock } from './outbox-clock';
import { OutboxSignal } from './outbox-signal';
import { OutboxWorker } from './outbox-worker';
import { OutboxRepository } from './outbox.repository';
import { AppSecretsRepository } from './unsubscribe/app-secrets.repository';
import { SigningSecret } from './unsubscribe/signing-secret';
import { UnsubscribeLinks } from './unsubscribe/unsubscribe-links';

/**
 * Reliable delivery for every feature: the outbox, its worker, unsubscribe links
 * (docs/notifications.md). Its HTTP routes (unsubscribe, staff deliveries) live in
 * @plaza/api/deliveries: they need @plaza/api/auth, which needs the mailer, which needs this.
 */
@Global()
@Module({
  providers: [OutboxRepository, AppSecretsRepository, Outbox, OutboxChannels, OutboxClock, OutboxSignal, OutboxWorker, SigningSecret, UnsubscribeLinks],
  exports: [OutboxRepository, Outbox, OutboxChannels, OutboxClock, OutboxWorker, UnsubscribeLinks, SigningSecret],
})
export class OutboxModule {}
