import { Module } from '@nestjs/common';
import { AlertDigest } from './alert-digest';
import { AlertDigestRepository } from './alert-digest.repository';
import { AlertSubscriptionsRepository } from './alert-subscriptions.repository';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { ALERTS_CONFIG, alertsConfigFrom } from './alerts-config';
import { AlertsClock } from './alerts-clock';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';
import { AlertsThrottle } from './alerts-throttle';
import { InstantAlerts } from './instant-alerts';

/** Local alerts by email (docs/alerts.md). */
@Module({
  controllers: [AlertsController],
  providers: [
    { provide: ALERTS_CONFIG, inject: [APP_CONFIG], useFactory: (config: AppConfig) => alertsConfigFrom(config) },
    AlertsClock,
    AlertsThrottle,
    AlertSubscriptionsRepository,
    AlertsService,
    InstantAlerts,
    AlertDigest,
    AlertDigestRepository,
  ],
  exports: [AlertDigest, AlertsClock],
})
export class AlertsModule {}
