import {useReducer} from 'react';
import {routeKey, type Entry, type Route} from './navigation.js';

export type Overlay = 'none' | 'help' | 'command';

export type AppState = {
  /** History, oldest first; the last entry is on screen. */
  readonly stack: readonly Entry[];
  /** The view each screen had when it was last left, by `routeKey`, so a jump back finds it as it was. */
  readonly lastViews: Readonly<Record<string, unknown>>;
  readonly overlay: Overlay;
  readonly commandText: string;
};

export type AppAction =
  | {type: 'push' | 'replace' | 'reset' | 'jump'; route: Route}
  | {type: 'back'}
  | {type: 'view'; depth: number; view: unknown}
  | {type: 'overlay'; overlay: Overlay}
  | {type: 'command'; text: string};

// Jumps push history; past this many entries the oldest fall off.
export const MAX_HISTORY = 50;

/** Where Esc leads from a screen that is alone on the stack. */
function parentOf(route: Route | undefined): Route | undefined {
  switch (route?.name) {
    case 'tokens':
    case 'nodes':
      return {name: 'projects'};
    case 'tokenDetail':
      return {name: 'tokens', project: route.projectId, select: route.tokenId};
    case 'rotationPreview':
    case 'rotationResult':
      return {name: 'nodes'};
    default:
      return undefined;
  }
}

const top = (s: AppState) => s.stack[s.stack.length - 1];

/** Remembers the view of the screen being left, so a later jump to it restores it. */
function leaving(s: AppState): AppState['lastViews'] {
  const e = top(s);
  return e && e.view !== undefined ? {...s.lastViews, [routeKey(e.route)]: e.view} : s.lastViews;
}

/** The screen stack, view states and overlays as one reducer, so batched keys apply in order. */
export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'push':
      return {...state, lastViews: leaving(state), stack: [...state.stack, {route: action.route}].slice(-MAX_HISTORY)};
    case 'jump': {
      const key = routeKey(action.route);
      const current = top(state);
      if (current && routeKey(current.route) === key) return state;
      const lastViews = leaving(state);
      return {...state, lastViews, stack: [...state.stack, {route: action.route, view: lastViews[key]}].slice(-MAX_HISTORY)};
    }
    case 'replace':
      return {...state, stack: [...state.stack.slice(0, -1), {route: action.route}]};
    case 'reset':
      return {...state, lastViews: leaving(state), stack: [{route: action.route, view: leaving(state)[routeKey(action.route)]}]};
    case 'back': {
      if (state.stack.length > 1) return {...state, lastViews: leaving(state), stack: state.stack.slice(0, -1)};
      // A screen reached by `--project` has nothing beneath it; Esc still goes up.
      const up = parentOf(top(state)?.route);
      return up ? {...state, lastViews: leaving(state), stack: [{route: up, view: state.lastViews[routeKey(up)]}]} : state;
    }
    case 'view': {
      const e = state.stack[action.depth];
      if (!e || e.view === action.view) return state;
      const stack = state.stack.slice();
      stack[action.depth] = {...e, view: action.view};
      return {...state, stack};
    }
    case 'overlay':
      return {...state, overlay: action.overlay, commandText: ''};
    case 'command':
      return {...state, commandText: action.text};
  }
}

/** App state seeded with the first screen. */
export function useAppState(initial: Route) {
  return useReducer(appReducer, {stack: [{route: initial}], lastViews: {}, overlay: 'none', commandText: ''});
}
