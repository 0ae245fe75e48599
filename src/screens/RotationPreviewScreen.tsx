import {useEffect, useMemo, useRef} from 'react';
import {formatDuration} from '../domain/duration.js';
import {useConsoleInfo} from '../hooks/ApiProvider.js';
import {useCapture, useScreenActive} from '../hooks/inputLayer.js';
import {matches, type BindingId} from '../hooks/keymap.js';
import {useNavigation} from '../hooks/navigation.js';
import {confirmPhrase, nodeLabel, nodeName} from '../hooks/nodeLabel.js';
import {FIRST_ROW, moveSelection, resolveSelection, useSyncState, type Selection} from '../hooks/listSelection.js';
import {useKeys, type KeyPress} from '../hooks/useKeys.js';
import {listMoveFor} from '../hooks/listWindow.js';
import {useRotationTrigger} from '../hooks/useRotation.js';
import {PREVIEW_STALE_MS, useRotationPreview, type PreviewData} from '../hooks/useRotationPreview.js';
import {useTerminalSize} from '../hooks/useTerminalSize.js';
import {RotationConfirm} from './RotationConfirm.js';
import {CONFIRM_CLOSED, confirmReducer, type ConfirmAction, type ConfirmState} from './RotationConfirmReducer.js';
import {edgeRows, type EdgeRow} from './RotationEdgesTable.js';
import {rotationErrorMeaning} from './RotationErrorView.js';
import {describeChange, RotationPreviewView, summaryRows} from './RotationPreviewView.js';
import {FRAME_CHROME_ROWS, ScreenFrame} from './shared/ScreenFrame.js';
import {errorLines} from './shared/States.js';

const PREVIEW_BINDINGS: readonly BindingId[] = ['preview.continue', 'list.up', 'list.down', 'list.pageUp', 'list.pageDown', 'list.refresh', 'nav.back'];
const CONFIRM_BINDINGS: readonly BindingId[] = ['rotation.confirm', 'rotation.cancel'];
const WAIT_BINDINGS: readonly BindingId[] = ['list.refresh', 'nav.back'];
const ERROR_BINDINGS: readonly BindingId[] = ['error.retry', 'nav.back'];
const edgeKey = (r: EdgeRow) => r.peerId;

/** Rotation preview (console-ux.md §8) with the typed confirmation (§9) as a modal over it. */
export function RotationPreviewScreen({node}: {readonly node: string}) {
  const nav = useNavigation();
  const active = useScreenActive();
  const {readOnly} = useConsoleInfo();
  const preview = useRotationPreview(node);
  const trigger = useRotationTrigger();
  const [confirm, update] = useSyncState<ConfirmState>(() => CONFIRM_CLOSED);
  const apply = (a: ConfirmAction) => update((s) => confirmReducer(s, a));
  useCapture(confirm.phase !== 'closed');

  const data = preview.status === 'ready' ? preview.data : undefined;
  const latest = useRef<PreviewData | undefined>(data);
  latest.current = data;
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);

  const edges = useMemo(() => (data ? edgeRows(data.preview.affected_edges, data.peerNames) : []), [data?.preview, data?.peerNames]); // eslint-disable-line react-hooks/exhaustive-deps
  const {rows: termRows} = useTerminalSize();
  const bodyRows = Math.max(3, termRows - FRAME_CHROME_ROWS);
  const tableHeight = Math.max(1, bodyRows - (data ? summaryRows(data, readOnly) : 0) - 1);
  // The same keyed selection as the other lists: a refresh that re-sorts the edges keeps the peer selected.
  const [sel, setSel] = useSyncState<Selection>(() => FIRST_ROW);
  const at = resolveSelection(sel, edges, edgeKey, tableHeight);
  const label = data ? nodeLabel(data.node, data.nodeId) : node;
  const expected = data ? confirmPhrase(data.node, data.nodeId) : '';

  // Runs once per accepted confirmation (the reducer ignores keys until it reports back).
  const submit = async () => {
    const shown = latest.current;
    if (!shown) return;
    let fresh = shown.preview;
    if (Date.now() - shown.fetchedAt > PREVIEW_STALE_MS) {
      apply({type: 'checking'});
      const check = await preview.refetch();
      if (!alive.current) return;
      if (!check.ok) return void apply({type: 'failed', error: ['Could not re-check the impact; nothing was rotated.', ...errorLines(check.error)]});
      if (check.change) {
        return void apply({type: 'changed', notice: `The impact changed since you looked (${describeChange(check.change)}). Check it above; Enter confirms the new impact.`});
      }
      fresh = check.preview;
      apply({type: 'submitting'});
    }
    const out = await trigger(shown.nodeId, fresh.affected_peer_count);
    if (!alive.current) return;
    if (!out.ok) {
      const meaning = rotationErrorMeaning(out.error);
      return void apply({type: 'failed', error: [...(meaning ? [meaning] : []), ...errorLines(out.error)]});
    }
    nav.replace({name: 'rotationResult', nodeId: shown.nodeId, nodeLabel: nodeLabel(shown.node, shown.nodeId), estimateSeconds: fresh.estimated_duration_seconds});
  };

  const onKey = (press: KeyPress) => {
    const {name} = press;
    const before = update((s) => s);
    if (before.phase !== 'closed') {
      const after = apply({type: 'key', press, expected});
      if (after.accepted !== before.accepted) void submit();
      return;
    }
    if (matches('nav.back', name)) nav.back();
    else if (matches('list.refresh', name) || matches('error.retry', name)) preview.reload();
    else if (!data) return;
    else if (matches('preview.continue', name, readOnly)) apply({type: 'open'});
    else {
      const move = listMoveFor(name);
      if (move) setSel((s) => moveSelection(s, move, edges, edgeKey, tableHeight));
    }
  };
  useKeys(onKey, active);

  const open = confirm.phase !== 'closed' && data;
  const bindings = open ? CONFIRM_BINDINGS : data ? PREVIEW_BINDINGS : preview.status === 'error' ? ERROR_BINDINGS : WAIT_BINDINGS;
  return (
    <ScreenFrame view="rotate" bindings={bindings}>
      {(_rows, columns) => (
        <RotationPreviewView
          state={preview}
          nodeLabel={label}
          edges={edges}
          selected={at.index}
          offset={at.offset}
          tableHeight={tableHeight}
          width={columns}
          readOnly={readOnly}
          refreshing={preview.refreshing && preview.status === 'ready'}
          modal={
            open ? (
              <RotationConfirm
                state={confirm}
                nodeLabel={label}
                expected={expected}
                byName={nodeName(data.node) !== undefined}
                peerCount={data.preview.affected_peer_count}
                estimate={formatDuration(data.preview.estimated_duration_seconds)}
                alreadyPending={data.preview.already_pending}
                width={columns}
              />
            ) : undefined
          }
        />
      )}
    </ScreenFrame>
  );
}
