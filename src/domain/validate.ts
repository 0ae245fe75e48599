// Loose on purpose: servers send UUIDv7 and hand-written ids whose version/variant nibbles
// need not follow RFC 9562, so only the 8-4-4-4-12 hex shape is checked.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENV_PREFIX = /^[a-z]{1,32}$/;

/** True for an 8-4-4-4-12 hex id (any version). */
export function isUuid(s: unknown): boolean {
  return typeof s === 'string' && UUID.test(s);
}

/** True for a bootstrap-token env prefix: `^[a-z]+$`, 1..32 characters. */
export function isEnvPrefix(s: unknown): boolean {
  return typeof s === 'string' && ENV_PREFIX.test(s);
}

/** The bootstrap-token kinds the API accepts. */
export type TokenKind = 'node' | 'bridge';

/** True for `node` or `bridge`. */
export function isKind(s: unknown): s is TokenKind {
  return s === 'node' || s === 'bridge';
}

/** The loose UUID pattern, shared with the API schemas. */
export const UUID_PATTERN: RegExp = UUID;
