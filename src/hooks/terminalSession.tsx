import {createContext, useContext} from 'react';
import {TerminalSession} from '../terminal/session.js';

// Outside a provider (a view rendered on its own) copies go to /dev/tty as before.
const TerminalSessionContext = createContext<TerminalSession>(new TerminalSession());

/** The console run's terminal session: runConsole provides one; screen tests pass their own. */
export const TerminalSessionProvider = TerminalSessionContext.Provider;

export function useTerminalSession(): TerminalSession {
  return useContext(TerminalSessionContext);
}
