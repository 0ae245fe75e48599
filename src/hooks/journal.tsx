import {createContext, useContext, type ReactNode} from 'react';
import {NO_JOURNAL, type Journal} from '../journal/journal.js';

const JournalContext = createContext<Journal>(NO_JOURNAL);

/** Gives the mutation hooks the local journal; without a provider nothing is journalled. */
export function JournalProvider({journal, children}: {readonly journal: Journal; readonly children: ReactNode}) {
  return <JournalContext.Provider value={journal}>{children}</JournalContext.Provider>;
}

/** The journal every console mutation appends one line to. */
export function useJournal(): Journal {
  return useContext(JournalContext);
}
