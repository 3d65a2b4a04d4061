import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { OutboxChannels, OutboxClock, PermanentDeliveryError, type OutboxChannelHandler } from '@plaza/api/outbox';
import { caseConsoleUrl } from './department-mail';
import { DispatchRepository } from './dispatch.repository';
import { postRequest, type GeoReportRequest } from './georeport-client';

export const OPEN311_CHANNEL = 'open311';

export interface Open311DispatchPayload {
  dispatchId: string;
  /** For people reading the Deliveries page: which case, to which department. */
  ref: string;
  department: string;
}

/** Files a routed case as a request on its department's external GeoReport v2 endpoint. */
@Injectable()
export class Open311DispatchChannel implements OutboxChannelHandler, OnModuleInit {
  readonly channel = OPEN311_CHANNEL;

  constructor(
    private readonly channels: OutboxChannels,
    private readonly dispatches: DispatchRepository,
    private readonly clock: OutboxClock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
  ) {}

  onModuleInit(): void {
    this.channels.register(this);
  }

  recipientOf(payload: Record<string, unknown>): string | null {
    return typeof payload['department'] === 'string' ? payload['department'] : null;
  }

  async deliver(payload: Record<string, unknown>): Promise<string> {
    const dispatchId = payload['dispatchId'];
    if (typeof dispatchId !== 'string') throw new PermanentDeliveryError('Malformed payload: no dispatchId');
    const found = await this.dispatches.forDelivery(dispatchId, `${this.config.publicUrl}/api/v1/media/`);
    if (!found) throw new PermanentDeliveryError('The case or its dispatch no longer exists');
    // Already filed (a retry after the outcome could not be recorded): never file twice.
    if (found.dispatch.externalId) return `service_request_id=${found.dispatch.externalId}`;
    if (found.dispatch.externalToken) return `token=${found.dispatch.externalToken}`;
    if (!found.system) throw new PermanentDeliveryError('The department no longer sends cases by Open311');
    const c = found.case;
    const system = found.system;
    const request: GeoReportRequest = {
      apiKey: system.apiKey,
      jurisdictionId: system.jurisdictionId,
      serviceCode: system.serviceCodes[c.categoryCode] ?? c.categoryCode,
      lat: c.lat,
      long: c.lon,
      addressString: c.address,
      description: `${c.title}\n\n${c.description}\n\nPlaza ${c.ref}: ${caseConsoleUrl(this.config.publicUrl, c.ref)}`,
      mediaUrl: c.photoUrls[0] ?? null,
      reporter: system.sendReporter ? { name: c.reporterName, email: c.reporterEmail, phone: c.reporterPhone } : null,
    };
    const created = await postRequest(system.endpoint, request);
    await this.dispatches.recordCreated(dispatchId, system.endpoint, created, this.clock.now());
    return 'serviceRequestId' in created ? `service_request_id=${created.serviceRequestId}` : `token=${created.token}`;
  }
}
