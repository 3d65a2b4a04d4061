import type {
  AlertConfirmResult,
  AlertSubscribeResult,
  CreateAlertInput,
  Locale,
} from '@plaza/shared/contracts';
import { postJson } from '../api/http';

export const alertsApi = {
  subscribe: (input: CreateAlertInput, locale: Locale) =>
    postJson<AlertSubscribeResult>(`/api/v1/alerts?lang=${locale}`, input),
  confirm: (token: string, locale: Locale) =>
    postJson<AlertConfirmResult>(`/api/v1/alerts/confirm/${encodeURIComponent(token)}?lang=${locale}`, {}),
};
