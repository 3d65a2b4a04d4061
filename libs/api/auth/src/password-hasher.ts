import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt (memory-hard, built into Node: no native addon). N=2^15, r=8, p=1 uses 32 MiB and about
 * 100 ms per hash on one core. Parameters are stored with every hash, so raising them later
 * only needs `needsRehash` at the next successful sign-in.
 */
const CURRENT = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;
// scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly that, which it refuses.
const maxmemFor = (N: number, r: number) => 256 * N * r;

export interface PasswordCheck {
  ok: boolean;
  /** The hash uses older parameters than today's: store a fresh one. */
  needsRehash: boolean;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(prepare(password), salt, CURRENT);
  return ['scrypt', CURRENT.N, CURRENT.r, CURRENT.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  );
}

export async function verifyPassword(password: string, stored: string): Promise<PasswordCheck> {
  const parsed = parse(stored);
  if (!parsed) return { ok: false, needsRehash: false };
  const key = await derive(prepare(password), parsed.salt, parsed);
  const ok = key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  const needsRehash = parsed.N !== CURRENT.N || parsed.r !== CURRENT.r || parsed.p !== CURRENT.p;
  return { ok, needsRehash: ok && needsRehash };
}

let dummy: Promise<string> | undefined;
/**
 * A real hash of nothing in particular: checked against when the account does not exist, so an
 * unknown email takes as long to refuse as a wrong password.
 */
export function dummyPasswordHash(): Promise<string> {
  return (dummy ??= hashPassword('plaza-no-such-account'));
}

/** The same password typed on any keyboard or OS gives the same bytes. */
function prepare(password: string): string {
  return password.normalize('NFKC');
}

function derive(
  password: string,
  salt: Buffer,
  { N, r, p }: { N: number; r: number; p: number },
): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: maxmemFor(N, r) };
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

/** Refuses absurd parameters, so a corrupted row cannot make a sign-in allocate gigabytes. */
function parse(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const powerOfTwo = Number.isInteger(N) && N >= 2 && (N & (N - 1)) === 0;
  if (
    !powerOfTwo ||
    N > 2 ** 20 ||
    !Number.isInteger(r) ||
    r < 1 ||
    r > 32 ||
    !Number.isInteger(p) ||
    p < 1 ||
    p > 16
  ) {
    return null;
  }
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { N, r, p, salt, key };
}

export const PASSWORD_LIMITS = { min: 10, max: 128 } as const;
