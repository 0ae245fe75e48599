// Keys of the bulk revoke modal (confirm → run → report), as a pure reducer.
import {editText} from '../hooks/textEdit.js';

/** `typed` is what the operator typed so far; more than one token needs the number typed. */
export type BulkConfirm = {readonly typed: string; readonly mismatch: boolean};

export const NEW_BULK_CONFIRM: BulkConfirm = {typed: '', mismatch: false};

export type BulkAction = 'none' | 'start' | 'cancel' | 'stop' | 'retry' | 'close';

/**
 * One key in the modal. Confirm: digits edit the count, Enter starts when it equals `count`
 * (or `y` for a single token), Esc cancels. Running: Esc stops after the requests in flight.
 * Report: `r` retries the failed ones, Esc/Enter closes.
 */
export function bulkRevokeKey(
  phase: 'confirm' | 'running' | 'done',
  confirm: BulkConfirm,
  press: {name: string; input: string},
  count: number,
  failed: number,
): {confirm: BulkConfirm; action: BulkAction} {
  const {name} = press;
  if (phase === 'running') return {confirm, action: name === 'escape' ? 'stop' : 'none'};
  if (phase === 'done') {
    if (name === 'r' && failed > 0) return {confirm, action: 'retry'};
    return {confirm, action: name === 'escape' || name === 'return' ? 'close' : 'none'};
  }
  if (name === 'escape') return {confirm: NEW_BULK_CONFIRM, action: 'cancel'};
  if (count === 0) return {confirm, action: 'cancel'};
  if (count === 1) return {confirm, action: name === 'y' || name === 'Y' ? 'start' : 'cancel'};
  if (name === 'return') {
    return confirm.typed.trim() === String(count) ? {confirm, action: 'start'} : {confirm: {...confirm, mismatch: true}, action: 'none'};
  }
  if (name !== 'backspace' && !/^[0-9]$/.test(name)) return {confirm, action: 'none'};
  return {confirm: {typed: editText(confirm.typed, press, 7), mismatch: false}, action: 'none'};
}
