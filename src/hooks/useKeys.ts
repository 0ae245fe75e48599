import {useInput} from 'ink';
import {useContext, useEffect, useRef} from 'react';
import {KeyBusContext, splitInput, type KeyPress} from './keyRouter.js';

export type {KeyPress} from './keyRouter.js';

/**
 * Delivers keypresses one at a time to `handler` while `isActive`. Under a
 * `<KeyRouter>` (the console and the screen tests) keys go through its bus, so
 * batched input acts exactly as typed; without one it falls back to Ink's
 * `useInput`, splitting printable runs in place.
 */
export function useKeys(handler: (press: KeyPress) => void, isActive = true): void {
  const bus = useContext(KeyBusContext);
  // Updated during render: the bus reads them between keys, before effects run.
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  const activeRef = useRef(isActive);
  activeRef.current = isActive;
  useEffect(() => bus?.subscribe({handler: handlerRef, active: activeRef}), [bus]);
  useInput(
    (input, key) => {
      for (const press of splitInput(input, key)) handlerRef.current(press);
    },
    {isActive: bus === null && isActive},
  );
}
