import {formatCount} from '../domain/count.js';
import {editText} from './textEdit.js';
import {matches} from './keymap.js';
import {FIRST_ROW, moveSelection, selectedRow, type Selection} from './listSelection.js';
import {listMoveFor} from './listWindow.js';
import type {KeyPress} from './keyRouter.js';

/**
 * The view state every list shares, kept in the navigation stack: the keyed cursor, the
 * sort, and the `/` text. Filtering is live: the text applies as it is typed (k9s), Enter
 * keeps it, Esc clears it.
 */
export type ListView<S extends string> = {
  readonly sel: Selection;
  readonly sort: S;
  readonly desc: boolean;
  readonly filter: string;
};

/** A list's modes: browsing, or typing the `/` filter. Screens extend this union with their modals. */
export type ListMode = {readonly kind: 'list'} | {readonly kind: 'filter'};

/** What a list key needs to know about the rows on screen now. */
export type ListContext<T, S extends string> = {
  /** The rows after sort and filter, as displayed. */
  readonly rows: readonly T[];
  readonly keyOf: (row: T) => string;
  /** Rows in the table window. */
  readonly height: number;
  /** The `s` cycle. */
  readonly sorts: readonly S[];
  /** Whether a sort starts descending (newest first for times). */
  readonly descFor?: (sort: S) => boolean;
};

/** A fresh list view. */
export function listView<S extends string>(sort: S, desc = false, select?: string): ListView<S> {
  return {sel: {...FIRST_ROW, key: select}, sort, desc, filter: ''};
}

/** One key while browsing: a move, `/`, `s`, `S` — or undefined when it is not a list key. */
export function browseKey<T, S extends string>(v: ListView<S>, press: KeyPress, ctx: ListContext<T, S>): {view: ListView<S>; mode?: ListMode} | undefined {
  const {name} = press;
  const move = listMoveFor(name);
  if (move) return {view: {...v, sel: moveSelection(v.sel, move, ctx.rows, ctx.keyOf, ctx.height)}};
  if (matches('list.filter', name)) return {view: v, mode: {kind: 'filter'}};
  if (matches('list.sort', name)) {
    const sort = ctx.sorts[(ctx.sorts.indexOf(v.sort) + 1) % ctx.sorts.length] ?? v.sort;
    return {view: {...v, sort, desc: ctx.descFor?.(sort) ?? false}};
  }
  if (matches('list.reverse', name)) return {view: {...v, desc: !v.desc}};
  return undefined;
}

/** One key while the `/` field is open: text filters as typed, Enter keeps it, Esc clears it. */
export function filterKey<S extends string>(v: ListView<S>, press: KeyPress): {view: ListView<S>; done: boolean} {
  if (matches('filter.apply', press.name)) return {view: {...v, filter: v.filter.trim()}, done: true};
  if (matches('filter.clear', press.name)) return {view: {...v, filter: ''}, done: true};
  return {view: {...v, filter: editText(v.filter, press, 64)}, done: false};
}

/** The row under the cursor. */
export function cursorRow<T, S extends string>(v: ListView<S>, ctx: Pick<ListContext<T, S>, 'rows' | 'keyOf' | 'height'>): T | undefined {
  return selectedRow(v.sel, ctx.rows, ctx.keyOf, ctx.height);
}

/** The state of a plain list screen (Projects, Nodes): its list view and its mode. */
export type ListScreenState<S extends string> = {readonly list: ListView<S>; readonly mode: ListMode};

/** What a list key asks the container to do besides changing state. */
export type ListEffect<T> = {readonly kind: 'open'; readonly row: T} | {readonly kind: 'back'} | {readonly kind: 'refresh'};

/**
 * One key on a list screen: filter typing, moves, sort, `/`, Esc (clears the filter
 * first, then goes back), Enter, `r`. Undefined when the key is none of these, so the
 * screen can try its own keys.
 */
export function listScreenKey<T, S extends string>(
  s: ListScreenState<S>,
  press: KeyPress,
  ctx: ListContext<T, S>,
): {state: ListScreenState<S>; effect?: ListEffect<T>} | undefined {
  if (s.mode.kind === 'filter') {
    const f = filterKey(s.list, press);
    return {state: {list: f.view, mode: f.done ? {kind: 'list'} : s.mode}};
  }
  const {name} = press;
  if (matches('nav.back', name)) return s.list.filter ? {state: {...s, list: {...s.list, filter: ''}}} : {state: s, effect: {kind: 'back'}};
  if (matches('list.refresh', name)) return {state: s, effect: {kind: 'refresh'}};
  if (matches('list.open', name)) {
    const row = cursorRow(s.list, ctx);
    return row === undefined ? {state: s} : {state: s, effect: {kind: 'open', row}};
  }
  const b = browseKey(s.list, press, ctx);
  return b ? {state: {list: b.view, mode: b.mode ?? s.mode}} : undefined;
}

/** `41/1,204`: the cursor's position in the rows shown, for every list's summary line. */
export function positionText(index: number, count: number): string {
  return count === 0 ? '0/0' : `${formatCount(index + 1)}/${formatCount(count)}`;
}
