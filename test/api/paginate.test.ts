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
