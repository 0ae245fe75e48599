import {useCallback, useRef, useState} from 'react';
import {clampWindow, stepIndex, type ListMove} from './listWindow.js';

/**
 * State whose updates apply synchronously to a ref, so a handler sees the result of its own
 * update at once; a render follows. (Batched keys no longer need it — the KeyRouter delivers
 * each key after the previous render — but the list screens still read state through it.)
 */
export function useSyncState<S>(init: () => S): readonly [S, (fn: (s: S) => S) => S, () => S] {
  const ref = useRef<S | undefined>(undefined);
  if (ref.current === undefined) ref.current = init();
  const [, setState] = useState(ref.current);
  const update = useCallback((fn: (s: S) => S) => {
    const next = fn(ref.current as S);
    if (next !== ref.current) {
      ref.current = next;
      setState(next);
    }
    return next;
  }, []);
  const get = useCallback(() => ref.current as S, []);
  return [ref.current, update, get] as const;
}

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
