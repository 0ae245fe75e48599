import {createContext, useContext, useEffect, useId, useLayoutEffect, useMemo, useRef} from 'react';
import {KeyBusContext} from './keyRouter.js';

type Guards = {set(owner: string, onInterrupt: (() => void) | undefined): void};

const InterruptContext = createContext<Guards>({set: () => {}});

export const InterruptProvider = InterruptContext.Provider;

/**
 * ctrl+c quits from anywhere (forms, prompts and overlays included), unless a guard is
 * set: the plaintext modal sets one, because ctrl+c is the copy reflex on exactly that
 * screen and quitting there throws the only copy of a credential away. The newest guard
 * wins; with none, `quit` runs.
 */
export function useInterruptRouter(quit: () => void): Guards {
  const bus = useContext(KeyBusContext);
  const guards = useRef(new Map<string, () => void>());
  const quitRef = useRef(quit);
  quitRef.current = quit;
  useEffect(() => bus?.onInterrupt(() => {
    const guard = [...guards.current.values()].at(-1);
    if (guard) guard();
    else quitRef.current();
  }), [bus]);
  return useMemo(() => ({set: (owner, fn) => {
    guards.current.delete(owner);
    if (fn) guards.current.set(owner, fn);
  }}), []);
}

/** While `onInterrupt` is set, ctrl+c calls it instead of quitting. */
export function useInterruptGuard(onInterrupt: (() => void) | undefined): void {
  const {set} = useContext(InterruptContext);
  const owner = useId();
  const latest = useRef(onInterrupt);
  latest.current = onInterrupt;
  const active = onInterrupt !== undefined;
  // A layout effect, like useCapture: the key bus delivers the next key after React rendered.
  useLayoutEffect(() => {
    set(owner, active ? () => latest.current?.() : undefined);
    return () => set(owner, undefined);
  }, [owner, active, set]);
}
