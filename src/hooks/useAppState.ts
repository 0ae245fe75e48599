import {useReducer} from 'react';
import type {Route} from './navigation.js';

export type AppState = {
  readonly stack: readonly Route[];
  readonly lastProject?: string;
  readonly overlay: 'none' | 'help' | 'command';
  readonly commandText: string;
};

export type AppAction =
  | {type: 'push' | 'replace' | 'reset'; route: Route}
  | {type: 'back'}
  | {type: 'overlay'; overlay: AppState['overlay']}
  | {type: 'command'; text: string};

/** The Project `2` and `:tokens` return to: the last Tokens screen opened. */
function remember(last: string | undefined, route: Route): string | undefined {
  return route.name === 'tokens' ? route.project : last;
}

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

/** The screen stack and overlays as one reducer, so batched keys apply in order. */
export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'push':
      return {...state, stack: [...state.stack, action.route], lastProject: remember(state.lastProject, action.route)};
    case 'replace':
      return {...state, stack: [...state.stack.slice(0, -1), action.route], lastProject: remember(state.lastProject, action.route)};
    case 'reset':
      return {...state, stack: [action.route], lastProject: remember(state.lastProject, action.route)};
    case 'back': {
      if (state.stack.length > 1) return {...state, stack: state.stack.slice(0, -1)};
      // A screen reached by `:` or `--project` has nothing beneath it; Esc still goes up.
      const up = parentOf(state.stack[0]);
      return up ? {...state, stack: [up]} : state;
    }
    case 'overlay':
      return {...state, overlay: action.overlay, commandText: ''};
    case 'command':
      return {...state, commandText: action.text};
  }
}

/** App state seeded with the first screen. */
export function useAppState(initial: Route) {
  return useReducer(appReducer, {stack: [initial], lastProject: remember(undefined, initial), overlay: 'none', commandText: ''});
}
