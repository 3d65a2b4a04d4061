import { Module } from '@nestjs/common';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesService } from './deliveries.service';
import { UnsubscribeController } from './unsubscribe.controller';

/** The outbox's HTTP side: public unsubscribe links and the staff Deliveries page. */
@Module({
  controllers: [UnsubscribeController, DeliveriesController],
  providers: [DeliveriesService],
})
export class DeliveriesModule {}
