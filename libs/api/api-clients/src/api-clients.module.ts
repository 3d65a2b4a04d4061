import { Module } from '@nestjs/common';
import { ApiClientsRepository } from './api-clients.repository';
import { ApiClientsService } from './api-clients.service';

/** The Open311 client applications and their keys: checked by Open311, administered by the console, seeded by the demo. */
@Module({
  providers: [ApiClientsRepository, ApiClientsService],
  exports: [ApiClientsService],
})
export class ApiClientsModule {}
