import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost parameters: N (CPU/memory cost, a power of two), r (block size), p (parallelism). */
export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * The production cost: N = 2^15, r = 8, p = 1 needs 32 MiB and about 80 ms per hash on one
 * core, the OWASP recommendation for scrypt. Stored hashes carry their parameters, so
 * raising the cost later re-hashes each password at its owner's next login.
 */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

/**
 * A cheap cost for NODE_ENV=test only (N = 2^12: 4 MiB, ~3 ms), so suites that register
 * hundreds of customers stay fast; the hashing tests use SCRYPT_PARAMS.
 */
export const SCRYPT_TEST_PARAMS: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Bounds on what a stored hash may ask for, so a corrupt row cannot make a login
// allocate gigabytes or spin for minutes.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;
const FORMAT = /^scrypt\$(\d{1,8})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

// scrypt needs 128 × N × r × p bytes; Node refuses anything above maxmem (32 MiB by
// default, which N = 2^15, r = 8 just exceeds), so allow that plus headroom.
const maxmemOf = ({ N, r, p }: ScryptParams): number => 128 * N * r * p + 16 * 1024 * 1024;

function derive(password: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: maxmemOf(params) };
  // The callback form runs on libuv's thread pool: the event loop keeps serving requests.
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `password` hashed with a fresh salt: `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`. */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function parseHash(encoded: string): ParsedHash | undefined {
  const match = FORMAT.exec(encoded);
  if (!match) return undefined;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const isPowerOfTwo = N >= 2 && (N & (N - 1)) === 0;
  if (!isPowerOfTwo || N > MAX_N || r < 1 || r > MAX_R || p < 1 || p > MAX_P) return undefined;
  const salt = Buffer.from(match[4] ?? '', 'base64');
  const key = Buffer.from(match[5] ?? '', 'base64');
  if (salt.length < 8 || key.length < 16) return undefined;
  return { params: { N, r, p }, salt, key };
}

/**
 * Whether `password` matches the stored `encoded` hash, compared in constant time. A hash
 * this code cannot read never matches (and is not an error the caller could tell apart).
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** Whether a stored hash was made with other parameters than `params` (re-hash at login). */
export function needsRehash(encoded: string, params: ScryptParams = SCRYPT_PARAMS): boolean {
  const parsed = parseHash(encoded);
  return (
    !parsed ||
    parsed.params.N !== params.N ||
    parsed.params.r !== params.r ||
    parsed.params.p !== params.p ||
    parsed.key.length !== KEY_BYTES
  );
}

const dummyHashes = new Map<string, Promise<string>>();

/**
 * Spends the time a real verification takes, for logins to an email nobody has: without
 * it, "no such account" would answer ~80 ms faster than "wrong password" and give the
 * accounts away. The dummy hash is made once per parameter set.
 */
export async function verifyDummyPassword(
  password: string,
  params: ScryptParams = SCRYPT_PARAMS,
): Promise<void> {
  const id = `${params.N}:${params.r}:${params.p}`;
  let dummy = dummyHashes.get(id);
  if (!dummy) {
    dummy = hashPassword(randomBytes(16).toString('base64'), params);
    dummyHashes.set(id, dummy);
  }
  await verifyPassword(password, await dummy);
}
