import {createContext, useContext, useLayoutEffect} from 'react';
import type {BindingId} from '../../hooks/keymap.js';

/** Lets a modal inside a screen say which keys it takes, so the footer and `?` never describe keys that are off. */
export const FooterBindingsContext = createContext<(bindings: readonly BindingId[] | undefined) => void>(() => {});

/** While mounted, the frame's footer and help show `bindings` instead of the screen's own. */
export function useFooterBindings(bindings: readonly BindingId[]): void {
  const set = useContext(FooterBindingsContext);
  // Layout effect: the footer changes in the same commit as the modal, never one frame late.
  useLayoutEffect(() => {
    set(bindings);
    return () => set(undefined);
  }, [set, bindings]);
}
