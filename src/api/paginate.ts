import type {z} from 'zod';
import type {ApiClient, ApiResponse} from './client.js';
import {ApiError, isProblemCode} from './errors.js';

/** A page of any list endpoint. */
export type Page<T> = {items: T[]; next_cursor?: string | null};

/** Query of one list page. */
export type PageQuery = {cursor?: string; limit?: number; signal?: AbortSignal};

/** GET one page of a list endpoint: `cursor` and `limit` as query parameters, retried (safe). */
export function getPage<T>(c: ApiClient, path: string, schema: z.ZodType<T>, q: PageQuery): Promise<ApiResponse<T>> {
  return c.request({method: 'GET', path, query: {cursor: q.cursor, limit: q.limit}, schema, expect: [200], retry: true, signal: q.signal});
}

/** Options for the list-everything helpers. */
export type ListAllOptions<T> = {
  limit?: number;
  max?: number;
  signal?: AbortSignal;
  /** Called after each page; `loaded` counts items since the (re)start, so `loaded === page.length` means begin afresh. */
  onPage?: (page: T[], loaded: number) => void;
  /**
   * False: only stream pages to `onPage` and return no items. The console keeps its own
   * rows; holding parsed items and their raw JSON as well would triple a 100k roster in memory.
   */
  keepItems?: boolean;
};

/** Everything a list-all call collected; `raw` holds the items as received, for verbatim output. */
export type ListAllResult<T> = {items: T[]; raw: unknown[]; truncated: boolean};

/** Page size of the list-all helpers: the contract's maximum, to load rosters fast. */
export const LIST_ALL_LIMIT = 200;
/** Item cap of the list-all helpers, as plexctl's `--all`. */
export const LIST_ALL_MAX = 100_000;

// A cursor the server no longer accepts (re-keyed HMAC, another caller's binding): start over once.
const isStaleCursor = (e: unknown): boolean =>
  e instanceof ApiError &&
  ((e.status === 400 && isProblemCode(e, 'invalid_cursor')) || (e.status === 403 && isProblemCode(e, 'cursor_binding_mismatch')));

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ApiError({kind: 'aborted', code: 'aborted', title: 'request cancelled'});
}

/** Follows `next_cursor` until it is absent (pages may be short or empty), up to `max` items. */
export async function collectAll<T>(
  fetchPage: (cursor: string | undefined, limit: number) => Promise<ApiResponse<Page<T>>>,
  opts: ListAllOptions<T> = {},
): Promise<ListAllResult<T>> {
  const limit = opts.limit ?? LIST_ALL_LIMIT;
  const max = opts.max ?? LIST_ALL_MAX;
  const keep = opts.keepItems ?? true;
  let restarted = false;
  for (;;) {
    const items: T[] = [];
    const raw: unknown[] = [];
    let count = 0;
    let cursor: string | undefined;
    try {
      for (;;) {
        throwIfAborted(opts.signal);
        const res = await fetchPage(cursor, limit);
        const rawItems = (res.raw as {items: unknown[]}).items;
        const room = max - count;
        const page = res.data.items.length > room ? res.data.items.slice(0, room) : res.data.items;
        // A plain loop: spreading 200-item pages 500 times is measurably slower for 100k tokens.
        for (let i = 0; keep && i < page.length; i++) {
          items.push(page[i] as T);
          raw.push(rawItems[i]);
        }
        count += page.length;
        opts.onPage?.(page, count);
        const next = res.data.next_cursor ?? undefined;
        if (count >= max) return {items, raw, truncated: next !== undefined || res.data.items.length > page.length};
        if (next === undefined) return {items, raw, truncated: false};
        if (next === cursor) {
          throw new ApiError({kind: 'schema', code: 'cursor_loop', title: 'invalid response body', detail: 'next_cursor repeats the cursor just sent'});
        }
        cursor = next;
      }
    } catch (e) {
      if (restarted || cursor === undefined || !isStaleCursor(e)) throw e;
      restarted = true;
    }
  }
}
