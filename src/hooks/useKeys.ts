import {useContext, useLayoutEffect, useRef} from 'react';
import {KeyBusContext, type KeyPress} from './keyRouter.js';

export type {KeyPress} from './keyRouter.js';

/**
 * Delivers keypresses one at a time to `handler` while `isActive`, through the
 * `<KeyRouter>` bus (the console and the screen tests mount one), so batched input
 * acts exactly as typed.
 */
export function useKeys(handler: (press: KeyPress) => void, isActive = true): void {
  const bus = useContext(KeyBusContext);
  if (!bus) throw new Error('useKeys() outside <KeyRouter>');
  // Updated during render: the bus reads them between keys, before effects run.
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  const activeRef = useRef(isActive);
  activeRef.current = isActive;
  // A layout effect: a screen or modal that unmounts in a commit stops taking keys in that
  // same commit, so the rest of a batched read never reaches a screen that has gone away.
  useLayoutEffect(() => bus.subscribe({handler: handlerRef, active: activeRef}), [bus]);
}
