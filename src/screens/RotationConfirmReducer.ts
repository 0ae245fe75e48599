import {editText} from '../hooks/textEdit.js';
import type {KeyPress} from '../hooks/useKeys.js';
import {matches} from '../hooks/keymap.js';

/** The typed confirmation: taking text, re-checking a stale preview, POSTing, or closed (Esc). */
export type ConfirmPhase = 'closed' | 'typing' | 'checking' | 'submitting';

export type ConfirmState = {
  readonly phase: ConfirmPhase;
  readonly text: string;
  /** Inline error lines (a mismatch, a failed trigger). */
  readonly error?: readonly string[];
  /** Something the operator must know before confirming again (the impact changed). */
  readonly notice?: string;
  /** Counts accepted confirmations; the container POSTs once per increment. */
  readonly accepted: number;
};

export type ConfirmAction =
  | {readonly type: 'key'; readonly press: KeyPress; readonly expected: readonly string[]}
  | {readonly type: 'checking' | 'submitting'}
  | {readonly type: 'failed'; readonly error: readonly string[]}
  | {readonly type: 'changed'; readonly notice: string};

export const CONFIRM_CLOSED: ConfirmState = {phase: 'closed', text: '', accepted: 0};
/** The dialog opens ready for typing. */
export const CONFIRM_OPEN: ConfirmState = {phase: 'typing', text: '', accepted: 0};

const MAX_TEXT = 128;

/**
 * Applies one action. Enter confirms only when the text matches one of `expected` exactly (after
 * trimming); Enter on empty text does nothing, a mismatch keeps the text and says why, and
 * while a check or the POST runs every key is ignored, so a second Enter cannot POST again.
 */
export function confirmReducer(s: ConfirmState, a: ConfirmAction): ConfirmState {
  switch (a.type) {
    case 'checking':
    case 'submitting':
      return {...s, phase: a.type, error: undefined};
    case 'failed':
      return {...s, phase: 'typing', error: a.error};
    case 'changed':
      return {...s, phase: 'typing', notice: a.notice, error: undefined};
    case 'key':
      return s.phase === 'typing' ? typed(s, a.press, a.expected) : s;
  }
}

function typed(s: ConfirmState, press: KeyPress, expected: readonly string[]): ConfirmState {
  if (matches('rotation.cancel', press.name)) return {...CONFIRM_CLOSED, accepted: s.accepted};
  if (matches('rotation.confirm', press.name)) {
    const text = s.text.trim();
    if (text === '') return s;
    if (!expected.includes(text)) return {...s, error: [`"${text}" does not match; type ${expected[0] ?? ''} exactly`]};
    return {...s, phase: 'submitting', error: undefined, accepted: s.accepted + 1};
  }
  const text = editText(s.text, press, MAX_TEXT);
  return text === s.text ? s : {...s, text, error: undefined};
}
