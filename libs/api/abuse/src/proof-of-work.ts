import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { ProofOfWorkChallenge } from '@plaza/shared/contracts';

/**
 * A self-hosted proof of work in ALTCHA's format (https://altcha.org/docs/proof-of-work/): the
 * server picks a secret number up to `maxnumber`, publishes SHA-256(salt + number) and signs it;
 * the client tries numbers until the hash matches. No third party, nothing stored about the
 * client: the salt carries its own expiry and the signature proves the server issued it.
 */

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const hmac = (key: Buffer, text: string): string => createHmac('sha256', key).update(text).digest('hex');

export function createChallenge(key: Buffer, maxNumber: number, expiresAt: Date): ProofOfWorkChallenge {
  const salt = `${randomBytes(12).toString('hex')}?expires=${Math.floor(expiresAt.getTime() / 1000)}`;
  const challenge = sha256(salt + randomInt(0, maxNumber + 1));
  return { algorithm: 'SHA-256', challenge, maxnumber: maxNumber, salt, signature: hmac(key, challenge) };
}

/** A solved challenge as the client sends it back: ALTCHA's payload, JSON in base64. */
export interface ProofOfWorkSolution {
  algorithm: string;
  challenge: string;
  number: number;
  salt: string;
  signature: string;
}

export type SolutionVerdict = { ok: true; signature: string; expiresAt: number } | { ok: false };

/** Checks the form, the expiry, the signature and the work; single use is the caller's job (UsedChallenges). */
export function verifySolution(key: Buffer, header: string, now: number): SolutionVerdict {
  const solution = decode(header);
  if (!solution || solution.algorithm !== 'SHA-256') return { ok: false };
  const expires = Number(new URLSearchParams(solution.salt.split('?')[1] ?? '').get('expires'));
  if (!Number.isFinite(expires) || expires * 1000 <= now) return { ok: false };
  const expected = Buffer.from(hmac(key, solution.challenge), 'hex');
  const given = Buffer.from(solution.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false };
  if (sha256(solution.salt + solution.number) !== solution.challenge) return { ok: false };
  return { ok: true, signature: solution.signature, expiresAt: expires * 1000 };
}

/** Node's solver, for tools and tests (the browser's is in @plaza/web/proof-of-work). */
export function solveChallenge(challenge: ProofOfWorkChallenge): string | null {
  for (let number = 0; number <= challenge.maxnumber; number++) {
    if (sha256(challenge.salt + number) === challenge.challenge) {
      const { algorithm, salt, signature } = challenge;
      return Buffer.from(JSON.stringify({ algorithm, challenge: challenge.challenge, number, salt, signature })).toString('base64');
    }
  }
  return null;
}

function decode(header: string): ProofOfWorkSolution | null {
  if (header.length > 2000) return null;
  try {
    const value = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as Partial<ProofOfWorkSolution>;
    const ok =
      typeof value.algorithm === 'string' &&
      typeof value.challenge === 'string' && /^[0-9a-f]{64}$/.test(value.challenge) &&
      typeof value.number === 'number' && Number.isSafeInteger(value.number) && value.number >= 0 &&
      typeof value.salt === 'string' && value.salt.length <= 200 &&
      typeof value.signature === 'string' && /^[0-9a-f]{64}$/.test(value.signature);
    return ok ? (value as ProofOfWorkSolution) : null;
  } catch {
    return null;
  }
}
