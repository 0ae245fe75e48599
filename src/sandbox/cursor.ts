import {createHmac, timingSafeEqual} from 'node:crypto';
import type {Result} from './app.js';
import {HttpError, problem} from './problems.js';
import type {Row} from './store.js';

// Envelope: version(1) | caller binding(16) | JSON payload | HMAC-SHA256(32) over the rest.
// The binding is an HMAC of the caller's subject under the sandbox secret (the "pepper"),
// so the cursor names no subject yet cannot be replayed by another caller.
const VERSION = 1;
const BIND = 16;
const MAC = 32;

type Payload = {s: string; k: unknown[]};

/** Signs and verifies keyset cursors for one sandbox secret. */
export class CursorCodec {
  // A subject's binding is the same for every page it lists: computed once, not twice a page.
  private readonly bindings = new Map<string, Buffer>();

  constructor(private readonly secret: Buffer) {}

  private binding(subject: string): Buffer {
    let b = this.bindings.get(subject);
    if (!b) {
      if (this.bindings.size >= 1024) this.bindings.clear(); // callers are few; never unbounded
      b = createHmac('sha256', this.secret).update(`caller:${subject}`).digest().subarray(0, BIND);
      this.bindings.set(subject, b);
    }
    return b;
  }

  private mac(data: Buffer): Buffer {
    return createHmac('sha256', this.secret).update(data).digest();
  }

  /** A cursor for `scope` (which list, which filter) resuming after `key`, bound to `subject`. */
  encode(subject: string, scope: string, key: unknown[]): string {
    const payload: Payload = {s: scope, k: key};
    const body = Buffer.concat([Buffer.from([VERSION]), this.binding(subject), Buffer.from(JSON.stringify(payload))]);
    return Buffer.concat([body, this.mac(body)]).toString('base64url');
  }

  /**
   * The resume key; 400 `invalid_cursor` if forged or for another list, 403
   * `cursor_binding_mismatch` if minted for another caller. `permissionDeniedShape` adds the
   * PermissionDenied fields for lists whose contract declares only that schema on 403.
   */
  decode(cursor: string, subject: string, scope: string, permissionDeniedShape = false): unknown[] {
    const invalid = () => problem.badRequest('invalid_cursor', 'cursor is malformed or has been tampered with');
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
    const raw = Buffer.from(cursor, 'base64url');
    // Non-canonical base64 (stray trailing bits) would decode to the same bytes: reject it too.
    if (raw.toString('base64url') !== cursor || raw.length < 1 + BIND + MAC + 2 || raw[0] !== VERSION) throw invalid();
    const body = raw.subarray(0, raw.length - MAC);
    if (!timingSafeEqual(this.mac(body), raw.subarray(raw.length - MAC))) throw invalid();
    if (!timingSafeEqual(body.subarray(1, 1 + BIND), this.binding(subject))) {
      // out_of_scope: the caller has no binding to this cursor; decided before any relation lookup.
      const extra = permissionDeniedShape ? {reason: 'out_of_scope', relation_path: []} : {};
      throw new HttpError(403, 'cursor_binding_mismatch', 'cursor was minted for a different caller', extra);
    }
    let payload: Payload;
    try {
      payload = JSON.parse(body.subarray(1 + BIND).toString('utf8')) as Payload;
    } catch {
      throw invalid();
    }
    if (payload.s !== scope || !Array.isArray(payload.k)) throw invalid();
    return payload.k;
  }
}

/** Parses `limit`: an integer in [1, 200], default 50; anything else is 400 `invalid_limit`. */
export function parseLimit(raw: string | null): number {
  if (raw === null) return 50;
  const n = /^[0-9]{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= 200)) throw problem.badRequest('invalid_limit', `limit must be an integer in [1, 200], got "${raw.slice(0, 32)}"`);
  return n;
}

/**
 * The 200 list response for `rows` fetched with `LIMIT limit + 1`: the first `limit` as items,
 * plus a `next_cursor` resuming after the last one shown when the extra row says more remain.
 */
export function keysetPage(
  cursors: CursorCodec,
  subject: string,
  scope: string,
  rows: Row[],
  limit: number,
  item: (r: Row) => unknown,
  key: (r: Row) => unknown[],
): Result {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const body: Record<string, unknown> = {items: page.map((r) => item(r))};
  if (rows.length > limit && last) body.next_cursor = cursors.encode(subject, scope, key(last));
  return {status: 200, body};
}
