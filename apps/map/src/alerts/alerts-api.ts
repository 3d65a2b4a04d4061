import type {
  AlertConfirmResult,
  AlertSubscribeResult,
  CreateAlertInput,
  Locale,
} from '@plaza/shared/contracts';
import { postJson } from '@plaza/web/api-client';

export const alertsApi = {
  subscribe: (input: CreateAlertInput, locale: Locale) =>
    postJson<AlertSubscribeResult>(`/api/v1/alerts?lang=${locale}`, input, { anonymous: true }),
  confirm: (token: string, locale: Locale) =>
    postJson<AlertConfirmResult>(`/api/v1/alerts/confirm/${encodeURIComponent(token)}?lang=${locale}`, {}, { anonymous: true }),
};
