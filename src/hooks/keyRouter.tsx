import {useInput, useStdin, type Key} from 'ink';
import {createContext, useLayoutEffect, useMemo, useRef, type ReactNode} from 'react';
import {unstable_LowPriority, unstable_scheduleCallback} from 'scheduler';
import {keyName} from './keymap.js';

/** A single keypress as screens see it: its normalised name and the raw text. */
export type KeyPress = {readonly name: string; readonly input: string};

type Subscriber = {handler: {current: (press: KeyPress) => void}; active: {current: boolean}};

const SPLIT_NAMES: Record<string, string> = {'\r': 'return', '\n': 'return', '\t': 'tab', '\x7f': 'backspace', '\b': 'backspace', ' ': 'space'};

/**
 * Splits one Ink input event into keypresses: a printable run or pasted `text⏎` becomes one
 * key per character. `raw` is the bytes Ink parsed: ESC followed by one character (`Esc /`,
 * `Esc Esc`, `Esc x` typed fast or batched by a slow link) is Esc and then that key — Ink
 * would read it as Alt+key, and the console binds no Alt keys.
 */
export function splitInput(input: string, key: Key, raw?: string): KeyPress[] {
  if (raw !== undefined && raw.length === 2 && raw[0] === '\x1b') {
    const ch = raw[1] as string;
    return [{name: 'escape', input: ''}, ch === '\x1b' ? {name: 'escape', input: ''} : {name: SPLIT_NAMES[ch] ?? ch, input: ch}];
  }
  const name = keyName(input, key);
  if (name !== input || input.length <= 1 || key.ctrl || key.meta) return [{name, input}];
  return [...input].map((ch) => ({name: SPLIT_NAMES[ch] ?? ch, input: ch}));
}

/**
 * One queue for every key. Over a slow SSH link `↓↓⏎`, `nq` or a pasted UUID plus
 * Enter arrive in one read; they must act exactly as if typed one by one. So the
 * bus delivers one key at a time and the next only after React has rendered the
 * previous one, so handlers, `isActive` flags (kept in refs, updated during
 * render) and layer changes like an opened modal are current for every key.
 */
export class KeyBus {
  private readonly subscribers = new Set<Subscriber>();
  private readonly queue: KeyPress[] = [];
  private draining = false;
  private interrupt: (() => void) | undefined;

  subscribe(sub: Subscriber): () => void {
    this.subscribers.add(sub);
    return () => this.subscribers.delete(sub);
  }

  /**
   * ctrl+c goes only to `fn` (the app's interrupt router), never to screens: it must quit
   * from a text field or modal too, and no screen may read it as a plain key.
   */
  onInterrupt(fn: () => void): () => void {
    this.interrupt = fn;
    return () => {
      if (this.interrupt === fn) this.interrupt = undefined;
    };
  }

  push(presses: readonly KeyPress[]): void {
    this.queue.push(...presses);
    if (!this.draining) this.drain();
  }

  private drain = (): void => {
    const press = this.queue.shift();
    if (!press) {
      this.draining = false;
      return;
    }
    this.draining = true;
    // A snapshot: a handler that opens a layer must not hand this key to it too.
    if (press.name === 'ctrl+c' && this.interrupt) this.interrupt();
    else {
      const active = [...this.subscribers].filter((s) => s.active.current);
      for (const s of active) s.handler.current(press);
    }
    // React 19 schedules the previous key's render from a microtask onto its
    // Scheduler (reconciler 0.33's batchedUpdates is a no-op). Yielding first lets
    // that microtask run; the low-priority task then queues behind React's render
    // and effects. Either half alone was measured to deliver keys to stale state.
    // Always wait, even with the queue empty now: Ink parses one read into several input
    // events delivered synchronously (`↓` then `⏎`), so the next key may be pushed right
    // after this one — it must still see this key's render.
    setImmediate(() => unstable_scheduleCallback(unstable_LowPriority, this.drain));
  };
}

export const KeyBusContext = createContext<KeyBus | null>(null);

/** Owns the one Ink input subscription and feeds every `useKeys` through the bus. */
export function KeyRouter({children}: {readonly children: ReactNode}) {
  const bus = useMemo(() => new KeyBus(), []);
  // Ink's useInput gives the parsed key only; the raw bytes tell `Esc x` from Alt+x. This
  // listener is added in a layout effect, before useInput's (a passive effect), so it runs
  // first for every input event and the handler below reads the same event's bytes.
  const {internal_eventEmitter: events} = useStdin();
  const raw = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    const onRaw = (data: string) => void (raw.current = data);
    events.on('input', onRaw);
    return () => void events.off('input', onRaw);
  }, [events]);
  useInput((input, key) => bus.push(splitInput(input, key, raw.current)));
  return <KeyBusContext.Provider value={bus}>{children}</KeyBusContext.Provider>;
}
