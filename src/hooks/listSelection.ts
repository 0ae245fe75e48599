import {clampWindow, stepIndex, type ListMove} from './listWindow.js';

/** A selection that follows a row by key across refreshes, sorts and filters; `index` is the fallback. */
export type Selection = {readonly key?: string; readonly index: number; readonly offset: number};
export const FIRST_ROW: Selection = {index: 0, offset: 0};

// Key → position per rows array, built once per array (O(n)), shared by render and key handler.
const positions = new WeakMap<object, Map<string, number>>();
function positionOf<T>(rows: readonly T[], keyOf: (r: T) => string, key: string): number | undefined {
  let m = positions.get(rows);
  if (!m) {
    m = new Map();
    for (let i = 0; i < rows.length; i++) m.set(keyOf(rows[i] as T), i);
    positions.set(rows, m);
  }
  return m.get(key);
}

/** Where the selection is in `rows` now: the keyed row if present, else the old position clamped. */
export function resolveSelection<T>(sel: Selection, rows: readonly T[], keyOf: (r: T) => string, height: number) {
  const found = sel.key === undefined ? undefined : positionOf(rows, keyOf, sel.key);
  return clampWindow(found ?? sel.index, sel.offset, {count: rows.length, height});
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
