import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigModule, type AppConfig } from '@plaza/api/config';
import { AbuseModule } from '@plaza/api/abuse';
import { AdminModule } from '@plaza/api/admin';
import { AuditModule } from '@plaza/api/audit';
import { ConsentModule } from '@plaza/api/consent';
import { PrivacyModule } from '@plaza/api/privacy';
import { AuthModule } from '@plaza/api/auth';
import { CasesModule } from '@plaza/api/cases';
import { CatalogModule } from '@plaza/api/catalog';
import { dataSourceOptions, PublicReadsModule, reachableReplicas } from '@plaza/api/database';
import { EventsModule } from '@plaza/api/events';
import { FeedsModule } from '@plaza/api/feeds';
import { HealthModule } from '@plaza/api/health';
import { MailModule } from '@plaza/api/mail';
import { MetricsModule } from '@plaza/api/metrics';
import { OutboxModule } from '@plaza/api/outbox';
import { RedisModule } from '@plaza/api/redis';
import { SchedulerModule } from '@plaza/api/scheduler';
import { DeliveriesModule } from '@plaza/api/deliveries';
import { DispatchModule } from '@plaza/api/dispatch';
import { MediaModule } from '@plaza/api/media';
import { Open311Module } from '@plaza/api/open311';
import { ReportsModule } from '@plaza/api/reports';
import { ProposalsModule } from '@plaza/api/proposals';
import { ParticipationModule } from '@plaza/api/participation';
import { ModerationModule } from '@plaza/api/moderation';
import { NotificationsModule } from '@plaza/api/notifications';
import { AlertsModule } from '@plaza/api/alerts';
import { OpenDataModule } from '@plaza/api/open-data';
import { StatsModule } from '@plaza/api/stats';

export interface AppModuleOptions {
  config: AppConfig;
  database: { url: string; embedded: boolean };
}

@Module({})
export class AppModule {
  static forRoot({ config, database }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        // Only the replicas that answer now: one that is down must not keep the API from booting.
        TypeOrmModule.forRootAsync({
          useFactory: async () => ({
            ...dataSourceOptions({ ...database, readUrls: database.embedded ? [] : await reachableReplicas(config.databaseReadUrls) }),
            autoLoadEntities: true,
          }),
        }),
        PublicReadsModule,
        RedisModule,
        SchedulerModule,
        EventsModule,
        OutboxModule,
        MailModule,
        // Rate-limit counters and proof-of-work challenges for every public route that files or mails.
        AbuseModule,
        AuditModule,
        ConsentModule,
        // Puts every route of every module behind the access guard (fails closed).
        AuthModule,
        HealthModule,
        MetricsModule,
        CatalogModule,
        MediaModule,
        ReportsModule,
        AdminModule,
        FeedsModule,
        Open311Module,
        CasesModule,
        ProposalsModule,
        ParticipationModule,
        ModerationModule,
        DeliveriesModule,
        DispatchModule,
        NotificationsModule,
        AlertsModule,
        StatsModule,
        OpenDataModule,
        PrivacyModule,
      ],
    };
  }
}
