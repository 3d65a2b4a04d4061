// The staff Deliveries page: thin calls over the shared contracts (docs/notifications.md).
import type { DeliveryView } from '@plaza/shared/contracts';
import { apiRequest } from './client';

const one = (id: string) => `/api/v1/staff/deliveries/${encodeURIComponent(id)}`;

export const deliveriesApi = {
  list: (status: 'failed' | 'pending' | null) =>
    apiRequest<DeliveryView[]>('/api/v1/staff/deliveries', { query: status ? { status } : {} }),
  retry: (id: string) => apiRequest<DeliveryView>(`${one(id)}/retry`, { method: 'POST' }),
  dismiss: (id: string) => apiRequest<DeliveryView>(`${one(id)}/dismiss`, { method: 'POST' }),
};
