import {useEffect, useReducer, useRef} from 'react';
import {formatDuration} from '../domain/duration.js';
import {useScreenActive} from '../hooks/inputLayer.js';
import type {BindingId} from '../hooks/keymap.js';
import {useNavigation} from '../hooks/navigation.js';
import {nodeLabel, nodeName} from '../hooks/nodeLabel.js';
import {useKeys} from '../hooks/useKeys.js';
import {useRotationTrigger} from '../hooks/useRotation.js';
import {PREVIEW_STALE_MS, type PreviewData, type RotationPreviewState} from '../hooks/useRotationPreview.js';
import {RotationConfirm} from './RotationConfirm.js';
import {CONFIRM_OPEN, confirmReducer} from './RotationConfirmReducer.js';
import {rotationErrorMeaning} from './RotationErrorView.js';
import {describeChange} from './RotationPreviewView.js';
import {useFooterBindings} from './shared/footerBindings.js';
import {errorLines} from './shared/States.js';

const CONFIRM_BINDINGS: readonly BindingId[] = ['rotation.confirm', 'rotation.cancel'];

type RotationConfirmDialogProps = {
  readonly data: PreviewData;
  readonly preview: RotationPreviewState;
  /** What must be typed (the node name, or the first 8 characters of its id). */
  readonly expected: readonly string[];
  readonly width: number;
  readonly onCancel: () => void;
};

/**
 * The typed confirmation (console-ux.md §9) as a modal with its own keys. It re-checks a
 * preview older than 30 s before POSTing, and POSTs once per accepted confirmation.
 */
export function RotationConfirmDialog({data, preview, expected, width, onCancel}: RotationConfirmDialogProps) {
  const nav = useNavigation();
  const trigger = useRotationTrigger();
  const [confirm, apply] = useReducer(confirmReducer, CONFIRM_OPEN);
  useFooterBindings(CONFIRM_BINDINGS);
  const latest = useRef(data);
  latest.current = data;
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);

  // Runs once per accepted confirmation (the reducer ignores keys until it reports back).
  const submit = async () => {
    const shown = latest.current;
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
    const label = nodeLabel(shown.node, shown.nodeId);
    const out = await trigger(shown.nodeId, fresh.affected_peer_count, {label, estimateSeconds: fresh.estimated_duration_seconds});
    if (!alive.current) return;
    if (!out.ok) {
      const meaning = rotationErrorMeaning(out.error);
      return void apply({type: 'failed', error: [...(meaning ? [meaning] : []), ...errorLines(out.error)]});
    }
    nav.replace({name: 'rotationResult', nodeId: shown.nodeId, nodeLabel: label, estimateSeconds: fresh.estimated_duration_seconds});
  };

  const accepted = useRef(confirm.accepted);
  useEffect(() => {
    if (confirm.accepted !== accepted.current) {
      accepted.current = confirm.accepted;
      void submit();
    }
  }, [confirm.accepted]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (confirm.phase === 'closed') onCancel();
  }, [confirm.phase]); // eslint-disable-line react-hooks/exhaustive-deps

  useKeys((press) => apply({type: 'key', press, expected}), useScreenActive());

  return (
    <RotationConfirm
      state={confirm}
      nodeLabel={nodeLabel(data.node, data.nodeId)}
      expected={expected[0] ?? ''}
      byName={nodeName(data.node) !== undefined}
      peerCount={data.preview.affected_peer_count}
      estimate={formatDuration(data.preview.estimated_duration_seconds)}
      alreadyPending={data.preview.already_pending}
      width={width}
    />
  );
}
