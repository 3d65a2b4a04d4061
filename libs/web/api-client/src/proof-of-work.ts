// The browser's half of the API's proof of work (docs/api.md#proof-of-work): find the number whose
// SHA-256(salt + number) is the challenge, with Web Crypto. No third party, nothing stored.
import type { ProofOfWorkChallenge } from '@plaza/shared/contracts';

// Hashes are asked for in batches: one await per hash would spend more time waiting than hashing.
const BATCH = 500;

function hex(buffer: ArrayBuffer): string {
  let out = '';
  for (const byte of new Uint8Array(buffer)) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** The solution as the `Plaza-Challenge` header carries it, or null when no number matches. */
export async function solveProofOfWork(challenge: ProofOfWorkChallenge, signal?: AbortSignal): Promise<string | null> {
  const encoder = new TextEncoder();
  for (let start = 0; start <= challenge.maxnumber; start += BATCH) {
    if (signal?.aborted) throw new DOMException('The request was aborted', 'AbortError');
    const numbers = Array.from({ length: Math.min(BATCH, challenge.maxnumber - start + 1) }, (_, i) => start + i);
    const digests = await Promise.all(
      numbers.map((n) => crypto.subtle.digest('SHA-256', encoder.encode(challenge.salt + n))),
    );
    const found = digests.findIndex((digest) => hex(digest) === challenge.challenge);
    if (found >= 0) {
      const { algorithm, salt, signature } = challenge;
      return btoa(JSON.stringify({ algorithm, challenge: challenge.challenge, number: numbers[found], salt, signature }));
    }
  }
  return null;
}
