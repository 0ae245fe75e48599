import {useEffect} from 'react';
import {useScreenActive} from '../hooks/inputLayer.js';
import type {BindingId} from '../hooks/keymap.js';
import type {BootstrapToken} from '../hooks/types.js';
import {useKeys} from '../hooks/useKeys.js';
import {useRevokeToken, type RevokeState} from '../hooks/useRevokeToken.js';
import {useStatus} from '../hooks/useStatus.js';
import {RevokeConfirm} from './RevokeConfirm.js';
import {useFooterBindings} from './shared/footerBindings.js';
import {revokeKey, revokeNotice} from './TokenRevokeFlow.js';

type RevokeDialogProps = {
  readonly projectId: string;
  readonly token: BootstrapToken;
  readonly now: number;
  /** The fresh metadata after a revoke (or a 409), so the caller can patch its row. */
  readonly onRevoked: (token: BootstrapToken) => void;
  readonly onClose: () => void;
};

const ASK: readonly BindingId[] = ['confirm.yes', 'confirm.other'];
const RETRY: readonly BindingId[] = ['confirm.yes', 'confirm.other'];
const RESULT: readonly BindingId[] = ['result.close'];
const BUSY: readonly BindingId[] = [];

function bindingsFor(state: RevokeState): readonly BindingId[] {
  if (state.status === 'running') return BUSY;
  if (state.status === 'done') return RESULT;
  return state.status === 'error' ? RETRY : ASK;
}

/** The revoke confirm as a modal with its own keys: `y` revokes, anything else cancels; a 409 is explained. */
export function RevokeDialog({projectId, token, now, onRevoked, onClose}: RevokeDialogProps) {
  const showStatus = useStatus();
  const revoke = useRevokeToken(projectId, onRevoked);
  useFooterBindings(bindingsFor(revoke.state));

  useEffect(() => {
    const notice = revokeNotice(revoke.state);
    if (!notice) return;
    showStatus(notice.text, notice.tone);
    if (notice.close) onClose();
  }, [revoke.state]); // eslint-disable-line react-hooks/exhaustive-deps

  useKeys(({name}) => {
    const r = revokeKey(name, revoke.state);
    if (r === 'revoke') revoke.revoke(token);
    else if (r === 'close') onClose();
  }, useScreenActive());

  return <RevokeConfirm token={token} state={revoke.state} now={now} />;
}
