import {useState} from 'react';
import {countByState} from '../domain/tokenSelection.js';
import {deriveState} from '../domain/tokenState.js';
import {useScreenActive} from '../hooks/inputLayer.js';
import type {BindingId} from '../hooks/keymap.js';
import type {BootstrapToken} from '../hooks/types.js';
import {useBulkRevoke} from '../hooks/useBulkRevoke.js';
import {useKeys} from '../hooks/useKeys.js';
import {bulkRevokeKey, NEW_BULK_CONFIRM} from './BulkRevokeFlow.js';
import {BulkRevokeModal} from './BulkRevokeModal.js';
import {useFooterBindings} from './shared/footerBindings.js';

type BulkRevokeDialogProps = {
  readonly projectId: string;
  /** Every marked token (the filter may hide some); only the live ones are sent. */
  readonly tokens: readonly BootstrapToken[];
  readonly columns: number;
  readonly rows: number;
  /** After a run: the roster reloads. */
  readonly onRan: () => void;
  /** `ran`: a run happened, so the marks have done their job. */
  readonly onClose: (ran: boolean) => void;
};

const CONFIRM: readonly BindingId[] = ['nav.back'];
const RUNNING: readonly BindingId[] = ['bulk.stop'];
const DONE: readonly BindingId[] = ['bulk.retry', 'nav.back'];
const DONE_OK: readonly BindingId[] = ['nav.back'];

/** `x` with marks: one confirmation for all of them, a bounded-concurrency run with progress, and the report. */
export function BulkRevokeDialog({projectId, tokens, columns, rows, onRan, onClose}: BulkRevokeDialogProps) {
  // The breakdown is fixed when the dialog opens, as the operator read it.
  const [openedAt] = useState(() => Date.now());
  const [counts] = useState(() => countByState(tokens, openedAt));
  const [live] = useState(() => tokens.filter((t) => deriveState(t, openedAt) === 'live'));
  const [confirm, setConfirm] = useState(NEW_BULK_CONFIRM);
  const run = useBulkRevoke(projectId, onRan);
  const phase = run.status === 'idle' ? 'confirm' : run.status;
  const failed = run.status === 'done' ? run.results.filter((r) => r.kind === 'failed').map((r) => r.token) : [];
  useFooterBindings(phase === 'confirm' ? CONFIRM : phase === 'running' ? RUNNING : failed.length > 0 ? DONE : DONE_OK);

  useKeys((press) => {
    const out = bulkRevokeKey(phase, confirm, press, live.length, failed.length);
    setConfirm(out.confirm);
    if (out.action === 'start') run.start(live);
    else if (out.action === 'stop') run.stop();
    else if (out.action === 'retry') run.start(failed);
    else if (out.action === 'cancel') onClose(false);
    else if (out.action === 'close') onClose(true);
  }, useScreenActive());

  return <BulkRevokeModal counts={counts} confirm={confirm} run={run} width={columns} listRows={Math.max(1, Math.floor((rows - 8) / 2))} />;
}
