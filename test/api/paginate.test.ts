import {describe, expect, test} from 'vitest';
import type {ApiResponse} from '../../src/api/client.js';
import {collectAll, type Page} from '../../src/api/paginate.js';

// Three pages of a list, as the server would return them.
function pages(): (cursor: string | undefined) => Promise<ApiResponse<Page<{id: number}>>> {
  const data: Record<string, Page<{id: number}>> = {
    start: {items: [{id: 1}, {id: 2}], next_cursor: 'b'},
    b: {items: [], next_cursor: 'c'},
    c: {items: [{id: 3}]},
  };
  return async (cursor) => {
    const page = data[cursor ?? 'start']!;
    return {status: 200, data: page, raw: structuredClone(page), headers: {}};
  };
}

describe('collectAll', () => {
  test('follows next_cursor through short and empty pages, keeping items and raw JSON', async () => {
    const r = await collectAll(pages());
    expect(r.items.map((i) => i.id)).toEqual([1, 2, 3]);
    expect(r.raw).toEqual([{id: 1}, {id: 2}, {id: 3}]);
  });

  test('keepItems: false streams pages with a running count and holds nothing', async () => {
    const seen: number[] = [];
    const r = await collectAll(pages(), {keepItems: false, onPage: (_page, loaded) => seen.push(loaded)});
    expect(seen).toEqual([2, 2, 3]);
    expect(r.items).toEqual([]);
    expect(r.raw).toEqual([]);
    expect(r.truncated).toBe(false);
  });
});

describe('collectAll schedules the next request before the consumer', () => {
  test('the next page is requested before onPage sees the previous one', async () => {
    const events: string[] = [];
    const fetch = pages();
    await collectAll(
      (cursor) => {
        events.push(`request ${cursor ?? 'start'}`);
        return fetch(cursor);
      },
      {onPage: (_page, loaded) => events.push(`onPage ${loaded}`)},
    );
    // A render in onPage therefore runs while the next page travels, not between two pages.
    expect(events).toEqual(['request start', 'request b', 'onPage 2', 'request c', 'onPage 2', 'onPage 3']);
  });

  test('an onPage that throws cancels the request in flight and the walk fails with its error', async () => {
    const fetch = pages();
    let inFlight: AbortSignal | undefined;
    const e = await collectAll(
      (cursor, _limit, signal) => {
        inFlight = signal;
        return fetch(cursor);
      },
      {
        onPage: () => {
          throw new Error('consumer failed');
        },
      },
    ).catch((x: unknown) => x);
    expect(e).toMatchObject({message: 'consumer failed'});
    expect(inFlight?.aborted).toBe(true);
  });
});
