import type {z} from 'zod';
import {formatMillis} from '../domain/duration.js';
import type {ApiClient, ApiResponse} from './client.js';
import {ApiError, isProblemCode} from './errors.js';
import type {Skipped} from './schemas.js';
import {nextTurn} from './turn.js';

/** A page of any list endpoint; `skipped` lists the items the schema could not read. */
export type Page<T> = {items: T[]; next_cursor?: string | null; skipped?: readonly Skipped[]};

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
  /**
   * Called after each page; `loaded` counts items since the (re)start, so `loaded === page.length`
   * means begin afresh; `skipped` is every unreadable item since the (re)start.
   */
  onPage?: (page: T[], loaded: number, skipped: readonly Skipped[]) => void;
  /**
   * False: only stream pages to `onPage` and return no items. The console keeps its own
   * rows; holding parsed items and their raw JSON as well would triple a 100k roster in memory.
   */
  keepItems?: boolean;
  /** The whole walk's deadline (default LIST_ALL_DEADLINE_MS); each request keeps its own too. */
  deadlineMs?: number;
};

/** Everything a list-all call collected; `raw` holds the items as received (unreadable ones too), for verbatim output. */
export type ListAllResult<T> = {items: T[]; raw: unknown[]; truncated: boolean; skipped: readonly Skipped[]};

/** Page size of the list-all helpers: the contract's maximum, to load rosters fast. */
export const LIST_ALL_LIMIT = 200;
/** Item cap of the list-all helpers, as plexctl's `--all`. */
export const LIST_ALL_MAX = 100_000;
/** Empty pages in a row that end a walk: a server handing out fresh cursors for nothing never ends otherwise. */
export const LIST_ALL_EMPTY_PAGES = 5;
/** Overall deadline of a walk: 100,000 tokens load in well under a minute on a sane server. */
export const LIST_ALL_DEADLINE_MS = 5 * 60_000;
// Requests a walk may make: enough for `max` items in pages four times shorter than asked
// for (a server capping `limit`), plus slack for the odd empty page.
const requestBudget = (max: number, limit: number): number => Math.ceil(max / limit) * 4 + LIST_ALL_EMPTY_PAGES;

// A cursor the server no longer accepts (re-keyed HMAC, another caller's binding): start over once.
const isStaleCursor = (e: unknown): boolean =>
  e instanceof ApiError &&
  ((e.status === 400 && isProblemCode(e, 'invalid_cursor')) || (e.status === 403 && isProblemCode(e, 'cursor_binding_mismatch')));

const runaway = (code: string, detail: string): ApiError => new ApiError({kind: 'schema', code, title: 'listing stopped', detail});

/**
 * Follows `next_cursor` until it is absent (pages may be short or empty), up to `max` items, within bounds.
 * Each next page is requested before `onPage` sees the previous one: whatever the consumer does
 * with a page (a render, a merge) happens while the next one travels, never between two pages.
 */
export async function collectAll<T>(
  fetchPage: (cursor: string | undefined, limit: number, signal: AbortSignal) => Promise<ApiResponse<Page<T>>>,
  opts: ListAllOptions<T> = {},
): Promise<ListAllResult<T>> {
  const limit = opts.limit ?? LIST_ALL_LIMIT;
  const max = opts.max ?? LIST_ALL_MAX;
  const keep = opts.keepItems ?? true;
  const deadlineMs = opts.deadlineMs ?? LIST_ALL_DEADLINE_MS;
  const deadline = AbortSignal.timeout(deadlineMs);
  // Cancels the request in flight when `onPage` throws.
  const walk = new AbortController();
  const signal = AbortSignal.any([walk.signal, deadline, ...(opts.signal ? [opts.signal] : [])]);
  const budget = requestBudget(max, limit);
  let requests = 0;
  let restarted = false;
  // Bounds checked before every request; undefined when the next one may go.
  const refusal = (count: number): ApiError | undefined => {
    if (opts.signal?.aborted) return new ApiError({kind: 'aborted', code: 'aborted', title: 'request cancelled'});
    if (deadline.aborted) return deadlineError(deadlineMs, requests, count);
    if (requests >= budget) return runaway('too_many_pages', `${requests} requests without reaching the end of the list (${count} items)`);
    return undefined;
  };
  const send = (cursor: string | undefined): Promise<ApiResponse<Page<T>>> => {
    requests++;
    const res = fetchPage(cursor, limit, signal);
    res.catch(() => {}); // awaited later; a failure while onPage runs is not unhandled
    return res;
  };
  for (;;) {
    const items: T[] = [];
    const raw: unknown[] = [];
    const skipped: Skipped[] = [];
    let count = 0;
    let seen = 0;
    let empty = 0;
    let cursor: string | undefined;
    try {
      const refused = refusal(count);
      if (refused) throw refused;
      let inFlight = send(cursor);
      for (;;) {
        const res = await inFlight;
        const rawItems = (res.raw as {items: unknown[]}).items;
        const unread = new Set((res.data.skipped ?? []).map((s) => s.index));
        for (const s of res.data.skipped ?? []) skipped.push({index: seen + s.index, reason: s.reason});
        const room = max - count;
        const page = res.data.items.length > room ? res.data.items.slice(0, room) : res.data.items;
        // `raw` keeps every item as received, unreadable ones included (verbatim output), up to
        // the `max` cut. A plain loop: spreading 200-item pages 500 times is measurably slower.
        for (let i = 0, k = 0; keep && i < rawItems.length; i++) {
          if (!unread.has(i)) {
            if (k >= page.length) break;
            items.push(page[k++] as T);
          }
          raw.push(rawItems[i]);
        }
        count += page.length;
        seen += rawItems.length;
        empty = rawItems.length === 0 ? empty + 1 : 0;
        const next = res.data.next_cursor ?? undefined;
        // How this page ends the walk, if it does: a result, or an error thrown after onPage.
        let end: ListAllResult<T> | ApiError | undefined;
        if (count >= max) end = {items, raw, skipped, truncated: next !== undefined || res.data.items.length > page.length};
        else if (next === undefined) end = {items, raw, skipped, truncated: false};
        else if (next === cursor) {
          end = new ApiError({kind: 'schema', code: 'cursor_loop', title: 'invalid response body', detail: 'next_cursor repeats the cursor just sent'});
        } else if (empty >= LIST_ALL_EMPTY_PAGES) {
          end = runaway('empty_pages', `the server sent ${empty} empty pages in a row, each with a new next_cursor (${requests} requests)`);
        } else {
          // A turn for undici to take back the connection the page came on (the client would wait
          // it too), so the request below is dispatched at once; undici writes it a turn later, and
          // onPage, with the render it schedules, comes after that write.
          await nextTurn();
          end = refusal(count);
          if (!end) {
            cursor = next;
            inFlight = send(cursor);
            await nextTurn();
          }
        }
        try {
          opts.onPage?.(page, count, skipped);
        } catch (e) {
          walk.abort();
          throw e;
        }
        if (end instanceof ApiError) throw end;
        if (end) return end;
      }
    } catch (e) {
      // The walk's own deadline aborts the request in flight, which reads as a cancel.
      if (deadline.aborted && !opts.signal?.aborted) throw deadlineError(deadlineMs, requests, count);
      if (restarted || cursor === undefined || !isStaleCursor(e)) throw e;
      restarted = true;
    }
  }
}

function deadlineError(ms: number, requests: number, count: number): ApiError {
  return new ApiError({
    kind: 'timeout',
    code: 'list_deadline',
    title: `listing timed out after ${formatMillis(ms)}`,
    detail: `${requests} requests, ${count} items, and next_cursor still set`,
  });
}
