import {matches, type BindingId} from './keymap.js';

export type ListNav = {readonly index: number; readonly offset: number};
export type ListMove = 'up' | 'down' | 'pageUp' | 'pageDown' | 'first' | 'last';
type Bounds = {count: number; height: number};

/** Keeps `index` inside `[0, count)` and the window `[offset, offset+height)` around it, scrolling as little as possible. */
export function clampWindow(index: number, offset: number, {count, height}: Bounds): ListNav {
  const h = Math.max(1, height);
  const i = count === 0 ? 0 : Math.min(Math.max(0, index), count - 1);
  let o = Math.min(Math.max(0, offset), Math.max(0, count - h));
  if (i < o) o = i;
  if (i >= o + h) o = i - h + 1;
  return {index: i, offset: o};
}

/** The index a list move leads to, before clamping (a page is the window less one row). */
export function stepIndex(index: number, move: ListMove, count: number, height: number): number {
  const page = Math.max(1, height - 1);
  switch (move) {
    case 'up': return index - 1;
    case 'down': return index + 1;
    case 'pageUp': return index - page;
    case 'pageDown': return index + page;
    case 'first': return 0;
    case 'last': return count - 1;
  }
}

const MOVES: ReadonlyArray<readonly [BindingId, ListMove]> = [
  ['list.up', 'up'], ['list.down', 'down'], ['list.pageUp', 'pageUp'],
  ['list.pageDown', 'pageDown'], ['list.first', 'first'], ['list.last', 'last'],
];

/** Maps a keypress name to a list move (from the keymap table), or undefined. */
export function listMoveFor(name: string): ListMove | undefined {
  return MOVES.find(([id]) => matches(id, name))?.[1];
}
