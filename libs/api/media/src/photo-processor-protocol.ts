/** Messages between the API and its photo processor processes (photo-processor-pool.ts). */

export interface ProcessRequest {
  id: number;
  /** The original upload, at most REPORT_LIMITS.photoBytesMax bytes. */
  original: Uint8Array;
}

export type ProcessReply =
  | { id: number; ok: true; full: Uint8Array; thumbnail: Uint8Array; width: number; height: number }
  /** `invalid`: the decoder refused the bytes (InvalidPhotoError's reason); otherwise an unexpected error. */
  | { id: number; ok: false; invalid: string | null; message: string };

/** IPC messages carry Uint8Arrays (advanced serialisation); a Buffer view of one, without a copy. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
