import {createContext, useContext, useMemo, useRef, type ReactNode} from 'react';
import {sanitize} from '../domain/sanitize.js';
import {toApiError} from './useRequest.js';

/** The mutations a 403 is remembered for. */
export type DeniedAction = 'issue' | 'revoke';

/** The 403s the server answered this session, per Project and action, so `n`/`x` can say why instead of asking again. */
export type Denials = {
  /** Records `error` when it is a 403 (anything else is ignored). */
  record(projectId: string, action: DeniedAction, error: unknown): void;
  /** Why the server denied `action` in the Project earlier this session, in one status-line phrase. */
  reason(projectId: string, action: DeniedAction): string | undefined;
};

const NONE: Denials = {record: () => {}, reason: () => undefined};
const DenialsContext = createContext<Denials>(NONE);

/** The session's 403s. Kept in a ref: recording one changes nothing on screen until a key asks. */
export function DenialsProvider({children}: {readonly children: ReactNode}) {
  const seen = useRef(new Map<string, string>());
  const value = useMemo<Denials>(
    () => ({
      record(projectId, action, error) {
        const e = toApiError(error);
        if (e.status !== 403) return;
        // Short: the status line is one row, and the reason is what the operator acts on.
        seen.current.set(`${action}:${projectId.toLowerCase()}`, `${e.status} ${sanitize(e.reason ?? e.code ?? e.title)}`);
      },
      reason: (projectId, action) => seen.current.get(`${action}:${projectId.toLowerCase()}`),
    }),
    [],
  );
  return <DenialsContext.Provider value={value}>{children}</DenialsContext.Provider>;
}

/** The session's 403 memory (a no-op outside the app). */
export function useDenials(): Denials {
  return useContext(DenialsContext);
}

/** The status line for a key refused because of an earlier 403 (Tokens and the token detail). */
export function deniedMessage(what: string, why: string): string {
  return `Denied earlier this session (${why}): ${what} here needs a relation you lack`;
}
