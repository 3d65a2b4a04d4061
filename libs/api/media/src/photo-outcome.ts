import { InvalidPhotoError } from './photo-processor';

/** What becomes of a photo after one processing attempt. */
export type PhotoOutcome =
  | { state: 'ready' }
  | { state: 'failed'; reason: string }
  | { state: 'retry'; error: string };

/** Raised when the original upload is no longer in storage: nothing left to process. */
export class MissingOriginalError extends Error {
  constructor() {
    super('original_missing');
  }
}

/**
 * The photo state machine after an attempt that threw. A file that is not a usable image
 * (corrupt, a decompression bomb, an unsupported format) fails at once: trying again changes
 * nothing. Anything else (the bucket unreachable, a full disk) is retried until `maxAttempts`.
 */
export function outcomeOfError(error: unknown, attempts: number, maxAttempts: number): PhotoOutcome {
  if (error instanceof InvalidPhotoError) return { state: 'failed', reason: error.message };
  if (error instanceof MissingOriginalError) return { state: 'failed', reason: error.message };
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500) || 'processing_error';
  if (attempts >= maxAttempts) return { state: 'failed', reason: `processing_error: ${message}` };
  return { state: 'retry', error: message };
}
