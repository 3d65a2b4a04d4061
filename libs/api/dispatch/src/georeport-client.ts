import { PermanentDeliveryError } from '@plaza/api/outbox';

/** What Plaza posts to a department's external GeoReport v2 endpoint for one case. */
export interface GeoReportRequest {
  apiKey: string;
  jurisdictionId: string | null;
  serviceCode: string;
  lat: number;
  long: number;
  addressString: string | null;
  description: string;
  mediaUrl: string | null;
  reporter: { name: string; email: string | null; phone: string | null } | null;
}

/** The external side's answer to a POST: the request id, or a token to resolve later. */
export type GeoReportCreated = { serviceRequestId: string } | { token: string };

/** One request as the external side's GET requests answers it. */
export interface GeoReportStatus {
  serviceRequestId: string;
  status: 'open' | 'closed';
  statusNotes: string | null;
  updatedDatetime: string | null;
}

const TIMEOUT_MS = 20_000;
// GeoReport v2 caps description at 4,000 characters.
const DESCRIPTION_MAX = 4_000;

/** `https://host/open311/v2/` → `https://host/open311/v2`, so paths join with a single slash. */
export function endpointBase(endpoint: string): string {
  return endpoint.replace(/\/+$/, '');
}

/** The form body of POST requests, field names per the GeoReport v2 specification. */
export function encodeRequestForm(request: GeoReportRequest): URLSearchParams {
  const form = new URLSearchParams();
  form.set('api_key', request.apiKey);
  if (request.jurisdictionId) form.set('jurisdiction_id', request.jurisdictionId);
  form.set('service_code', request.serviceCode);
  form.set('lat', String(request.lat));
  form.set('long', String(request.long));
  if (request.addressString) form.set('address_string', request.addressString);
  form.set('description', request.description.slice(0, DESCRIPTION_MAX));
  if (request.mediaUrl) form.set('media_url', request.mediaUrl);
  if (request.reporter) {
    const [first, ...rest] = request.reporter.name.trim().split(/\s+/);
    if (first) form.set('first_name', first);
    if (rest.length) form.set('last_name', rest.join(' '));
    if (request.reporter.email) form.set('email', request.reporter.email);
    if (request.reporter.phone) form.set('phone', request.reporter.phone);
  }
  return form;
}

/**
 * Whether an HTTP failure can succeed later: the external side being down, overloaded or slow
 * (5xx, 408, 429) is worth retrying; any other 4xx means it refuses this request as it is.
 */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** The `description` of a GeoReport error array (`[{ code, description }]`), when the body is one. */
export function errorDescription(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    const first = Array.isArray(parsed) ? parsed[0] : null;
    return typeof first?.description === 'string' ? first.description : null;
  } catch {
    return null;
  }
}

/** Reads the POST answer: `[{ service_request_id }]` or `[{ token }]`. Null when it is neither. */
export function parseCreated(body: unknown): GeoReportCreated | null {
  const first = Array.isArray(body) ? body[0] : null;
  if (!first || typeof first !== 'object') return null;
  const id = (first as Record<string, unknown>)['service_request_id'];
  if ((typeof id === 'string' && id) || typeof id === 'number') return { serviceRequestId: String(id) };
  const token = (first as Record<string, unknown>)['token'];
  if ((typeof token === 'string' && token) || typeof token === 'number') return { token: String(token) };
  return null;
}

/** Reads the GET requests answer, skipping entries that are not requests with a known status. */
export function parseStatuses(body: unknown): GeoReportStatus[] {
  if (!Array.isArray(body)) return [];
  return body.flatMap((entry: Record<string, unknown>) => {
    const id = entry?.['service_request_id'];
    const status = entry?.['status'];
    if ((typeof id !== 'string' && typeof id !== 'number') || (status !== 'open' && status !== 'closed')) return [];
    const notes = entry['status_notes'];
    const updated = entry['updated_datetime'];
    return [
      {
        serviceRequestId: String(id),
        status,
        statusNotes: typeof notes === 'string' && notes.trim() ? notes.trim() : null,
        updatedDatetime: typeof updated === 'string' ? updated : null,
      },
    ];
  });
}

/**
 * Posts one request. Network errors and retryable statuses throw a plain Error (the outbox retries
 * with backoff); a request the external side refuses throws PermanentDeliveryError with its reason.
 */
export async function postRequest(endpoint: string, request: GeoReportRequest): Promise<GeoReportCreated> {
  const response = await fetch(`${endpointBase(endpoint)}/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: encodeRequestForm(request).toString(),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) {
    const reason = `HTTP ${response.status}${errorDescription(text) ? `: ${errorDescription(text)}` : ''}`;
    if (isRetryableStatus(response.status)) throw new Error(reason);
    throw new PermanentDeliveryError(reason);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  const created = parseCreated(body);
  // The external side accepted something; posting again could file it twice, so do not retry.
  if (!created) throw new PermanentDeliveryError('The endpoint answered without a service_request_id or token');
  return created;
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
  return response.json();
}

/** GET requests for these ids (GeoReport allows a comma-separated list). */
export async function getStatuses(endpoint: string, jurisdictionId: string | null, ids: string[]): Promise<GeoReportStatus[]> {
  const query = new URLSearchParams({ service_request_id: ids.join(',') });
  if (jurisdictionId) query.set('jurisdiction_id', jurisdictionId);
  return parseStatuses(await getJson(`${endpointBase(endpoint)}/requests.json?${query}`));
}

/** GET tokens/{token}: the request id once the external side has created the request, else null. */
export async function resolveToken(endpoint: string, jurisdictionId: string | null, token: string): Promise<string | null> {
  const query = jurisdictionId ? `?${new URLSearchParams({ jurisdiction_id: jurisdictionId })}` : '';
  const body = await getJson(`${endpointBase(endpoint)}/tokens/${encodeURIComponent(token)}.json${query}`);
  const created = parseCreated(body);
  return created && 'serviceRequestId' in created ? created.serviceRequestId : null;
}
