import { Module } from '@nestjs/common';
import { StatsPreviewService } from './stats-preview.service';
import { StatsController } from './stats.controller';
import { StatsRepository } from './stats.repository';
import { StatsService } from './stats.service';

@Module({
  controllers: [StatsController],
  providers: [StatsRepository, StatsService, StatsPreviewService],
  // The web fallback renders the /stats pages' titles and preview tags (apps/api configure-app.ts).
  exports: [StatsPreviewService],
})
export class StatsModule {}
