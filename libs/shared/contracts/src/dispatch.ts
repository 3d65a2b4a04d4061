/** How a department receives the cases routed to it (docs/dispatch.md). */
export const SEND_METHODS = ['email', 'open311', 'none'] as const;
export type SendMethod = (typeof SEND_METHODS)[number];

/**
 * A department's send method as the administration reads it. The external system's API key is a
 * secret: it is written, never read back — `open311ApiKeySet` only says whether one is stored.
 */
export interface DepartmentDispatchSettings {
  sendMethod: SendMethod;
  open311Endpoint: string | null;
  open311JurisdictionId: string | null;
  /** Plaza category code → the external service_code; unlisted categories are sent under their own code. */
  open311ServiceCodes: Record<string, string>;
  /** Whether the reporter's name, email and phone go with the request. */
  open311SendReporter: boolean;
  open311ApiKeySet: boolean;
}

/** A client application of Plaza's Open311 API, as the administration lists it (never its key). */
export interface AdminApiClient {
  id: string;
  name: string;
  contactEmail: string;
  active: boolean;
  /** Its requests skip the reporter's email confirmation (the app verified its users). */
  verifiesReporters: boolean;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The answer to creating a client: the only time the clear key is ever shown. */
export interface CreatedApiClient {
  client: AdminApiClient;
  key: string;
}
