/**
 * A proof-of-work challenge (`GET /api/v1/challenge`), in ALTCHA's format: find the number
 * 0..maxnumber whose SHA-256(salt + number), in hex, equals `challenge`; send back
 * base64(JSON {algorithm, challenge, number, salt, signature}) in the `Plaza-Challenge` header.
 */
export interface ProofOfWorkChallenge {
  algorithm: 'SHA-256';
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

/** The problem code that asks for a solved challenge (status 428). */
export const CHALLENGE_REQUIRED_CODE = 'ABUSE.CHALLENGE_REQUIRED';
/** The request header that carries a solution. */
export const CHALLENGE_HEADER_NAME = 'Plaza-Challenge';
