import {createContext, useContext} from 'react';
import type {StatusMessage} from './useStatus.js';

/** App-level state every screen's frame shows: overlays, the status line, the principal. */
export type AppChrome = {
  readonly overlay: 'none' | 'help' | 'command';
  readonly commandText: string;
  /** The command line's suggestion line: verbs, or the Project slugs / node names an argument may become. */
  readonly suggestions?: readonly string[];
  readonly status?: StatusMessage;
  readonly principal?: string;
  /** A modal, form or prompt holds the keyboard: global keys are off, so their hints hide. */
  readonly captured?: boolean;
};

export const AppChromeContext = createContext<AppChrome>({overlay: 'none', commandText: ''});

/** The app's overlay, status and principal for the screen frame. */
export function useAppChrome(): AppChrome {
  return useContext(AppChromeContext);
}
