import {randomBytes} from 'node:crypto';
import {argon2id, argon2Verify} from 'hash-wasm';
import type {TokenKind} from '../domain/validate.js';
import {iso, projectSegment, randomBase32} from './ids.js';
import type {Row} from './store.js';

/** The contract's plaintext shape: `psb_<env>_<project>_<kind>_<random>`. */
export const PLAINTEXT_RE = /^psb_([a-z]+)_([a-z2-7]+)_(node|bridge)_([a-z2-7]{20,})$/;

// OWASP's Argon2id baseline (19 MiB, 2 passes): ~45 ms per hash in hash-wasm on one core.
const ARGON = {iterations: 2, parallelism: 1, memorySize: 19_456, hashLength: 32} as const;
// 26 base32 characters = 130 bits, the length of the contract's example; it keeps a
// `prod` plaintext at 67 characters, one unwrapped line in an 80-column modal.
const RANDOM_CHARS = 26;
const HINT_CHARS = 4;

/**
 * A fresh plaintext. The random part carries 130 bits; its first 4 characters (20 bits) are
 * stored as a lookup hint so redemption verifies a handful of Argon2 candidates instead of
 * every token in the project (a 100k-token project would otherwise take over an hour to
 * scan). The 110 bits left keep the hint useless to anyone who reads the store.
 */
export function newPlaintext(env: string, projectId: string, kind: TokenKind): {plaintext: string; hint: string} {
  const random = randomBase32(RANDOM_CHARS);
  return {plaintext: `psb_${env}_${projectSegment(projectId)}_${kind}_${random}`, hint: random.slice(0, HINT_CHARS)};
}

/** Splits a plaintext into its segments, or undefined when it is not in the documented format. */
export function parsePlaintext(s: string): {env: string; project: string; kind: TokenKind; hint: string} | undefined {
  const m = PLAINTEXT_RE.exec(s);
  if (!m) return undefined;
  return {env: m[1]!, project: m[2]!, kind: m[3] as TokenKind, hint: m[4]!.slice(0, HINT_CHARS)};
}

/** Argon2id in the PHC encoded form (`$argon2id$v=19$m=…`), random 16-byte salt. */
export function hashPlaintext(plaintext: string): Promise<string> {
  return argon2id({...ARGON, password: plaintext, salt: randomBytes(16), outputType: 'encoded'});
}

/** True when `plaintext` matches the stored encoded hash. */
export function verifyPlaintext(plaintext: string, hash: string): Promise<boolean> {
  return argon2Verify({password: plaintext, hash});
}

/**
 * An encoded Argon2id string for a bulk-seeded token whose plaintext is never shown. Hashing
 * 100,000 discarded secrets would take over an hour, so salt and digest are random bytes:
 * the row is shaped exactly like a real one, and no plaintext can ever verify against it.
 */
export function unredeemableHash(rand: Buffer = randomBytes(48)): string {
  const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');
  return `$argon2id$v=19$m=${ARGON.memorySize},t=${ARGON.iterations},p=${ARGON.parallelism}$${b64(rand.subarray(0, 16))}$${b64(rand.subarray(16, 48))}`;
}

/** The wire metadata view: `consumed_at` / `revoked_at` are absent, not null, when unset. */
export function tokenMetadata(r: Row): Record<string, string> {
  const out: Record<string, string> = {
    id: String(r.id),
    project_id: String(r.project_id),
    kind: String(r.kind),
    env_prefix: String(r.env_prefix),
    issued_at: iso(Number(r.issued_at)),
    expires_at: iso(Number(r.expires_at)),
    issued_by_user_id: String(r.issued_by_user_id),
  };
  if (r.consumed_at !== null && r.consumed_at !== undefined) out.consumed_at = iso(Number(r.consumed_at));
  if (r.revoked_at !== null && r.revoked_at !== undefined) out.revoked_at = iso(Number(r.revoked_at));
  return out;
}

export const TOKEN_COLUMNS = 'id, project_id, kind, env_prefix, issued_at, expires_at, consumed_at, revoked_at, issued_by_user_id';
