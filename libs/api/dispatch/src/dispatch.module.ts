import { Module } from '@nestjs/common';
import { AuditModule } from '@plaza/api/audit';
import { CasesModule } from '@plaza/api/cases';
import { MailModule } from '@plaza/api/mail';
import { DispatchRepository } from './dispatch.repository';
import { DispatchRouter } from './dispatch-router';
import { Open311DispatchChannel } from './open311-channel';
import { Open311PullJob } from './open311-pull.job';

/** Sends routed cases to their departments — by email or to their Open311 systems — and pulls updates back (docs/dispatch.md). */
@Module({
  imports: [AuditModule, CasesModule, MailModule],
  providers: [DispatchRepository, DispatchRouter, Open311DispatchChannel, Open311PullJob],
  exports: [Open311PullJob],
})
export class DispatchModule {}
