import {createContext, useContext} from 'react';

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
  | {readonly name: 'journal'};

export type Navigation = {
  /** Opens `route` on top of the current screen. */
  push(route: Route): void;
  /** Replaces the current screen (e.g. preview → result). */
  replace(route: Route): void;
  /** Goes back one screen; on the first screen it does nothing. */
  back(): void;
  /** Clears the stack and opens `route` (the `1` `2` `3` and `:` jumps). */
  reset(route: Route): void;
  /** The Project the operator last opened, for `2` and `:tokens` without an argument. */
  readonly lastProject?: string;
};

export const NavigationContext = createContext<Navigation | null>(null);

/** The screen stack's actions. */
export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation() outside the app');
  return nav;
}
