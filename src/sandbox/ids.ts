import {randomBytes} from 'node:crypto';
import {isUuid as isUuidShape} from '../domain/validate.js';

const B32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** True for a canonical 8-4-4-4-12 hex UUID that is not all zeros (the contract rejects the nil UUID). */
export function isUuid(s: string): boolean {
  return isUuidShape(s) && !/^[0-]+$/.test(s);
}

/** Unpadded lowercase RFC 4648 base32, the alphabet of the token plaintext segments. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += B32[(acc << (5 - bits)) & 31];
  return out;
}

/** The 16 bytes of a UUID string. */
function uuidBytes(uuid: string): Uint8Array {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/** The 26-char plaintext project segment: base32 of the project UUID's bytes. */
export function projectSegment(projectId: string): string {
  return base32(uuidBytes(projectId.toLowerCase()));
}

/** `n` base32 characters from crypto randomness (5 bits each). */
export function randomBase32(n: number): string {
  return base32(randomBytes(Math.ceil((n * 5) / 8))).slice(0, n);
}

/**
 * A UUIDv7 for the given millisecond timestamp. `rand` lets bulk seeding pass one big
 * random buffer instead of calling randomBytes 100,000 times.
 */
export function uuidv7(ms: number, rand: Uint8Array = randomBytes(10)): string {
  const b = new Uint8Array(16);
  let t = Math.max(0, Math.floor(ms));
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  b.set(rand.subarray(0, 10), 6);
  b[6] = 0x70 | ((b[6] ?? 0) & 0x0f);
  b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
  const h = Buffer.from(b).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** RFC 3339 UTC timestamp for an epoch-ms value. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
