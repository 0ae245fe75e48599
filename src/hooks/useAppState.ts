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

function remember(state: AppState, route: Route): string | undefined {
  return route.name === 'tokens' ? route.project : state.lastProject;
}

/** The screen stack and overlays as one reducer, so batched keys apply in order. */
export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'push':
      return {...state, stack: [...state.stack, action.route], lastProject: remember(state, action.route)};
    case 'replace':
      return {...state, stack: [...state.stack.slice(0, -1), action.route], lastProject: remember(state, action.route)};
    case 'reset':
      return {...state, stack: [action.route], lastProject: remember(state, action.route)};
    case 'back':
      return state.stack.length > 1 ? {...state, stack: state.stack.slice(0, -1)} : state;
    case 'overlay':
      return {...state, overlay: action.overlay, commandText: ''};
    case 'command':
      return {...state, commandText: action.text};
  }
}

/** App state seeded with the first screen. */
export function useAppState(initial: Route) {
  return useReducer(appReducer, {stack: [initial], lastProject: remember({stack: [], overlay: 'none', commandText: ''}, initial), overlay: 'none', commandText: ''});
}
