import {useInput, type Key} from 'ink';
import {useRef} from 'react';
import {keyName} from './keymap.js';

/** A single keypress as screens see it: its normalised name and the raw text. */
export type KeyPress = {readonly name: string; readonly input: string};

const SPLIT_NAMES: Record<string, string> = {'\r': 'return', '\n': 'return', '\t': 'tab', '\x7f': 'backspace', '\b': 'backspace', ' ': 'space'};

/**
 * `useInput` that delivers batched input one key at a time. Over a slow SSH link
 * `jj⏎` or a pasted UUID plus Enter arrives in one read, and Ink hands printable
 * runs over as a single event with `return: false`; splitting here makes them act
 * exactly as if typed one by one. Handlers must use reducers or functional
 * updates, since several keys land in the same tick.
 */
export function useKeys(handler: (press: KeyPress) => void, isActive = true): void {
  // A ref keeps the subscription stable while always calling the latest handler.
  const ref = useRef(handler);
  ref.current = handler;
  useInput(
    (input: string, key: Key) => {
      const name = keyName(input, key);
      if (name !== input || input.length <= 1 || key.ctrl || key.meta) {
        ref.current({name, input});
        return;
      }
      for (const ch of input) ref.current({name: SPLIT_NAMES[ch] ?? ch, input: ch});
    },
    {isActive},
  );
}
