import {useState} from 'react';
import {useScreenActive} from '../hooks/inputLayer.js';
import {matches, type BindingId} from '../hooks/keymap.js';
import type {IssuedToken} from '../hooks/types.js';
import {useKeys} from '../hooks/useKeys.js';
import {PlaintextModal} from './PlaintextModal.js';
import {useFooterBindings} from './shared/footerBindings.js';
import {useCopy} from './TokenCopy.js';

const MODAL_KEYS: readonly BindingId[] = ['modal.copy', 'modal.close'];
const CONFIRM_KEYS: readonly BindingId[] = ['confirm.yes', 'confirm.other'];

type PlaintextDialogProps = {
  readonly issued: IssuedToken;
  readonly columns: number;
  /** Called once the operator confirmed closing; the owner then drops the plaintext. */
  readonly onClosed: () => void;
};

/**
 * The one-time plaintext with its own keys: `c` copies it (OSC 52), Esc/Enter/q ask
 * `Close? (y/N)`, and only `y` closes. The plaintext comes in as a prop from the issue
 * hook's state, its only home.
 */
export function PlaintextDialog({issued, columns, onClosed}: PlaintextDialogProps) {
  const copy = useCopy();
  const [closing, setClosing] = useState(false);
  useFooterBindings(closing ? CONFIRM_KEYS : MODAL_KEYS);
  useKeys(({name}) => {
    if (closing) {
      if (matches('confirm.yes', name)) onClosed();
      else setClosing(false);
    } else if (matches('modal.copy', name)) copy.plaintext(issued.token);
    else if (matches('modal.close', name)) setClosing(true);
  }, useScreenActive());
  return <PlaintextModal issued={issued} confirming={closing} columns={columns} onAskClose={() => setClosing(true)} />;
}
