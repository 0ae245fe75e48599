import {createContext, useCallback, useContext} from 'react';

/** A screen on the stack. `project` and `node` take an id or a slug/name, as `:` commands do. */
export type Route =
  | {readonly name: 'projects'}
  | {readonly name: 'tokens'; readonly project: string; readonly select?: string}
  | {readonly name: 'tokenDetail'; readonly projectId: string; readonly tokenId: string}
  | {readonly name: 'nodes'}
  | {readonly name: 'rotationPreview'; readonly node: string}
  | {readonly name: 'rotationResult'; readonly nodeId: string; readonly nodeLabel: string; readonly estimateSeconds: number}
  /** Several marked Nodes: the aggregate preview, the typed count, then the waves. `labels` maps id → name. */
  | {readonly name: 'fleetRotation'; readonly nodes: readonly string[]; readonly labels: Readonly<Record<string, string>>}
  | {readonly name: 'journal'}
  /** The rotations confirmed in this session (`:rotations`). */
  | {readonly name: 'rotations'}
  /** Who the console acts as (`:whoami`). */
  | {readonly name: 'whoami'};

/**
 * One level of history: the route plus the screen's view state (filter, sort, STATE filter,
 * cursor, mode, and later marks). The screen owns the shape of `view`; the stack only keeps
 * it, so Esc back re-mounts the screen exactly as it was left.
 */
export type Entry = {readonly route: Route; readonly view?: unknown};

export type Navigation = {
  /** Opens `route` on top of the current screen. */
  push(route: Route): void;
  /** Replaces the current screen (e.g. preview → result). */
  replace(route: Route): void;
  /** Goes back one screen; on the first screen it goes to the parent (Tokens → Projects). */
  back(): void;
  /** Clears the history and opens `route` (after a rotation, back to Nodes). */
  reset(route: Route): void;
  /** A jump (`1` `2` `3`, `:`): pushed on the history, seeded with the view that screen had last. */
  jump(route: Route): void;
  /** Records the Project a Tokens screen resolved, for `2` and `:tokens` without an argument. */
  rememberProject(ref: string): void;
};

export const NavigationContext = createContext<Navigation | null>(null);

/** The screen stack's actions. */
export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation() outside the app');
  return nav;
}

/** The view-state slot of the screen being rendered: its entry's `view`, and a setter into the stack. */
export type ViewSlot = {readonly view: unknown; readonly setView: (view: unknown) => void};

export const ViewSlotContext = createContext<ViewSlot | null>(null);

/**
 * A screen's view state, kept in its navigation-stack entry (house-style rule 12).
 * `init` runs when the entry has none yet. Keys are delivered one at a time after the
 * previous render (KeyRouter), so the value a handler reads is always current.
 */
export function useViewState<S>(init: () => S): readonly [S, (next: S) => void] {
  const slot = useContext(ViewSlotContext);
  if (!slot) throw new Error('useViewState() outside a screen');
  const view = (slot.view as S | undefined) ?? init();
  const {setView} = slot;
  const set = useCallback((next: S) => setView(next), [setView]);
  return [view, set] as const;
}

/** A stable identity for "the same screen" across jumps: the route without its one-off selection. */
export function routeKey(route: Route): string {
  const {select: _select, ...rest} = route as Route & {select?: string};
  return JSON.stringify(rest);
}
