// The API client's ApiError, recognised without importing it: pure helpers (and presentational
// components) classify a failure by its status and problem code alone.
interface ApiErrorLike {
  status: number;
  problem: { code?: string } | null;
}

function asApiError(error: unknown): ApiErrorLike | null {
  return error instanceof Error && error.name === 'ApiError' && typeof (error as Partial<ApiErrorLike>).status === 'number'
    ? (error as unknown as ApiErrorLike)
    : null;
}

/** The HTTP status of an API refusal, or null for anything else (network failure, abort, bug). */
export function apiErrorStatus(error: unknown): number | null {
  return asApiError(error)?.status ?? null;
}

/** The problem document's stable code (`PROPOSAL.ALREADY_SUPPORTED`), or null. */
export function apiErrorCode(error: unknown): string | null {
  return asApiError(error)?.problem?.code || null;
}
