import {describe, expect, it} from 'vitest';
import {moveSelection, resolveSelection, selectedRow, type Selection} from '../../src/hooks/listSelection.js';

const keyOf = (r: {id: string}) => r.id;
const rows = (ids: string[]) => ids.map((id) => ({id}));

describe('a selection follows its row by key', () => {
  it('finds the row where it was, after a re-sort moved it, and falls back to the index once it is gone', () => {
    const sel: Selection = {key: 'c', index: 2, offset: 0};
    expect(resolveSelection(sel, rows(['a', 'b', 'c', 'd']), keyOf, 10).index).toBe(2);
    const resorted = rows(['d', 'c', 'b', 'a']);
    expect(resolveSelection(sel, resorted, keyOf, 10).index).toBe(1);
    expect(resolveSelection(sel, resorted, keyOf, 10).index).toBe(1); // asked again, same answer
    expect(resolveSelection(sel, rows(['a', 'b', 'd', 'e', 'f']), keyOf, 10).index).toBe(2);
    expect(resolveSelection(sel, rows(['a']), keyOf, 10).index).toBe(0); // clamped
  });

  it('moves from where the row is now, and keys the new selection', () => {
    const list = rows(['x', 'y', 'z', 'w']);
    const next = moveSelection({key: 'y', index: 3, offset: 0}, 'down', list, keyOf, 10);
    expect(next).toMatchObject({key: 'z', index: 2});
    expect(selectedRow(next, list, keyOf, 10)).toEqual({id: 'z'});
  });
});
