import {clampWindow, stepIndex, type ListMove} from './listWindow.js';

/** A selection that follows a row by key across refreshes, sorts and filters; `index` is the fallback. */
export type Selection = {readonly key?: string; readonly index: number; readonly offset: number};
export const FIRST_ROW: Selection = {index: 0, offset: 0};

// The last position found per rows array. Not a key → position map: a 100k roster is re-sorted
// into a new array at every publish while it loads, and a map of every row per array was
// 5 MB of garbage each time (and 6 ms of a 22 ms frame at 10k). The selected row is
// almost always where it was (`hint`), else one scan finds it (or not) and is remembered.
const found = new WeakMap<object, {readonly key: string; readonly index: number | undefined}>();
function positionOf<T>(rows: readonly T[], keyOf: (r: T) => string, key: string, hint: number): number | undefined {
  const last = found.get(rows);
  if (last?.key === key) return last.index;
  let index: number | undefined;
  const at = rows[hint];
  if (at !== undefined && keyOf(at) === key) index = hint;
  else {
    for (let i = 0; i < rows.length; i++) {
      if (keyOf(rows[i] as T) === key) {
        index = i;
        break;
      }
    }
  }
  found.set(rows, {key, index}); // a key that is gone is not searched for again either
  return index;
}

/** Where the selection is in `rows` now: the keyed row if present, else the old position clamped. */
export function resolveSelection<T>(sel: Selection, rows: readonly T[], keyOf: (r: T) => string, height: number) {
  const at = sel.key === undefined ? undefined : positionOf(rows, keyOf, sel.key, sel.index);
  return clampWindow(at ?? sel.index, sel.offset, {count: rows.length, height});
}

/** The selection after a list move. */
export function moveSelection<T>(sel: Selection, move: ListMove, rows: readonly T[], keyOf: (r: T) => string, height: number): Selection {
  const at = resolveSelection(sel, rows, keyOf, height);
  const next = clampWindow(stepIndex(at.index, move, rows.length, height), at.offset, {count: rows.length, height});
  const row = rows[next.index];
  return {key: row === undefined ? sel.key : keyOf(row), ...next};
}

/** The selected row, if any. */
export function selectedRow<T>(sel: Selection, rows: readonly T[], keyOf: (r: T) => string, height: number): T | undefined {
  return rows[resolveSelection(sel, rows, keyOf, height).index];
}
