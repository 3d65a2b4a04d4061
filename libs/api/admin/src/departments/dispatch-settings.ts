import type { DepartmentDispatchSettings, SendMethod } from '@plaza/shared/contracts';
import { AdminErrors } from '../admin.errors';
import { CODE_PATTERN, type DepartmentDispatchDto } from './department.dto';

/** Columns of a department's send method a create or update writes; undefined leaves one alone. */
export interface DispatchColumns {
  send_method?: SendMethod;
  open311_endpoint?: string | null;
  open311_api_key?: string | null;
  open311_jurisdiction_id?: string | null;
  open311_service_codes?: string;
  open311_send_reporter?: boolean;
}

const SERVICE_CODE = /^[\x21-\x7e]{1,100}$/;

function blankToNull(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  return value.trim() || null;
}

/** The columns an admin's input sets, trimmed and checked (service codes map category codes to printable codes). */
export function dispatchColumns(input: DepartmentDispatchDto): DispatchColumns {
  const codes = input.open311ServiceCodes;
  if (codes !== undefined && codes !== null) {
    for (const [category, code] of Object.entries(codes)) {
      if (!CODE_PATTERN.test(category) || typeof code !== 'string' || !SERVICE_CODE.test(code.trim())) {
        throw AdminErrors.field(
          'open311ServiceCodes',
          'invalid_service_code',
          `open311ServiceCodes maps category codes to service codes of 1-100 visible characters ("${category}" does not).`,
        );
      }
    }
  }
  return {
    // These two columns are NOT NULL: a null in the body means "leave as is", like an absent field.
    send_method: input.sendMethod ?? undefined,
    open311_endpoint: blankToNull(input.open311Endpoint)?.replace(/\/+$/, ''),
    open311_api_key: blankToNull(input.open311ApiKey),
    open311_jurisdiction_id: blankToNull(input.open311JurisdictionId),
    open311_service_codes:
      codes === undefined || codes === null
        ? undefined
        : JSON.stringify(Object.fromEntries(Object.entries(codes).map(([k, v]) => [k, String(v).trim()]))),
    open311_send_reporter: input.open311SendReporter ?? undefined,
  };
}

/**
 * A department sending by Open311 needs somewhere to send and a key to send with. Checked on the
 * settings the write would leave (the current ones, or none for a new department, plus the input)
 * before writing, so the answer is a field error rather than the database's check failing.
 */
export function assertDispatchComplete(current: DepartmentDispatchSettings | null, columns: DispatchColumns): void {
  const method = columns.send_method ?? current?.sendMethod ?? 'email';
  if (method !== 'open311') return;
  const endpoint = columns.open311_endpoint !== undefined ? columns.open311_endpoint : current?.open311Endpoint ?? null;
  const keySet = columns.open311_api_key !== undefined ? columns.open311_api_key !== null : current?.open311ApiKeySet ?? false;
  if (!endpoint) throw AdminErrors.field('open311Endpoint', 'required', 'Sending by Open311 needs the endpoint URL.');
  if (!keySet) throw AdminErrors.field('open311ApiKey', 'required', 'Sending by Open311 needs the API key the external system issued.');
}
