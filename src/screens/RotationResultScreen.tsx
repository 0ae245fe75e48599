import {Box, Text} from 'ink';
import {formatDuration} from '../domain/duration.js';
import {sanitize} from '../domain/sanitize.js';
import {useScreenActive} from '../hooks/inputLayer.js';
import {matches, type BindingId} from '../hooks/keymap.js';
import {useNavigation} from '../hooks/navigation.js';
import {isOverdue, progressFraction} from '../hooks/rotationProgress.js';
import {useKeys} from '../hooks/useKeys.js';
import {useRotationProgress, type RotationProgressState} from '../hooks/useRotation.js';
import {OMITTED} from '../hooks/nodeLabel.js';
import {ErrorView} from './shared/States.js';
import {Field} from './shared/Field.js';
import {ScreenFrame} from './shared/ScreenFrame.js';
import {color} from './shared/theme.js';
import {truncate} from './shared/text.js';

type ResultProps = {readonly nodeId: string; readonly nodeLabel: string; readonly estimateSeconds: number};

/** Rotation result (console-ux.md §10): the handle, a progress bar, and completion once the preview shows it. */
export function RotationResultScreen({nodeId, nodeLabel, estimateSeconds}: ResultProps) {
  const nav = useNavigation();
  const active = useScreenActive();
  const progress = useRotationProgress(nodeId, estimateSeconds);
  useKeys(({name}) => {
    if (matches('rotation.done', name)) nav.reset({name: 'nodes'});
    else if (progress.watch.status === 'error' && matches('error.retry', name)) progress.retry();
  }, active);
  const bindings: BindingId[] = progress.watch.status === 'error' ? ['error.retry', 'rotation.done'] : ['rotation.done'];
  return (
    <ScreenFrame view="rotation" bindings={bindings}>
      {(_rows, columns) => <RotationResultView nodeId={nodeId} nodeLabel={nodeLabel} progress={progress} width={columns} />}
    </ScreenFrame>
  );
}

/** `[██████░░░░]`: `cells` wide plus brackets, so the fill reads without colour. */
export function progressBar(fraction: number, cells: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * cells);
  return `[${'█'.repeat(filled)}${'░'.repeat(cells - filled)}]`;
}

type ResultViewProps = {readonly nodeId: string; readonly nodeLabel: string; readonly progress: RotationProgressState; readonly width: number};

/** The result body. Pure view. */
export function RotationResultView({nodeId, nodeLabel, progress, width}: ResultViewProps) {
  const {watch, handoff, elapsedMs, estimateMs} = progress;
  const handle = handoff?.handle;
  const done = watch.status === 'done';
  const fraction = progressFraction(elapsedMs, estimateMs, done);
  const label = sanitize(nodeLabel);
  const row = (name: string, value: string) => <Field label={name} labelWidth={13} value={value} width={width} />;
  const estimate = formatDuration(estimateMs / 1000);
  const timing = `${formatDuration(Math.floor(elapsedMs / 1000))} of ~${estimate}`;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">Mesh-key rotation of {label === sanitize(nodeId) ? label : `${label}  ${sanitize(nodeId)}`}</Text>
      {row('rotation id', handle?.rotation_id ? sanitize(handle.rotation_id) : OMITTED)}
      {row('peer id', handle?.peer_id ? sanitize(handle.peer_id) : OMITTED)}
      {handle?.state ? row('state', sanitize(handle.state)) : null}
      {handle === undefined ? (
        row('requested', 'not by this console session; watching the rotation in flight')
      ) : handle.already_pending ? (
        <Text bold color={color('status.warn')} wrap="truncate">
          ALREADY PENDING · a rotation was already in flight; no new one was started{handoff?.status === 409 ? ' (409)' : ''}
        </Text>
      ) : (
        row('requested', 'a new rotation was started')
      )}
      <Text> </Text>
      <Text wrap="truncate">
        <Text color={color('ui.dim')}>{'progress'.padEnd(13)}</Text>
        <Text color={color(done ? 'status.ok' : 'ui.focus')}>{progressBar(fraction, Math.max(10, Math.min(40, width - 40)))}</Text>
        {` ${String(Math.floor(fraction * 100)).padStart(3)} % · ${timing}`}
      </Text>
      <Text> </Text>
      <ResultStatus progress={progress} estimate={estimate} />
    </Box>
  );
}

function ResultStatus({progress, estimate}: {readonly progress: RotationProgressState; readonly estimate: string}) {
  const {watch, elapsedMs, estimateMs} = progress;
  if (watch.status === 'done') {
    const n = watch.preview.affected_peer_count;
    return <Text bold color={color('status.ok')} wrap="wrap">✓ rotation complete · {n} edge{n === 1 ? '' : 's'} re-keyed</Text>;
  }
  if (watch.status === 'error') {
    return <ErrorView error={watch.error} lead="Checking the rotation failed:" hint="r retry · ⏎/esc back to Nodes (the rotation goes on either way)" />;
  }
  if (isOverdue(elapsedMs, estimateMs)) {
    return (
      <Text color={color('status.warn')} wrap="wrap">
        ⚠ Taking longer than the estimated {estimate} ({formatDuration(Math.floor(elapsedMs / 1000))} so far). The node finishes the rotation when it next checks in; still watching.
      </Text>
    );
  }
  const earlier = progress.handoff?.handle.already_pending && !progress.handoff.handle.requested_at;
  return (
    <Text color={color('ui.dim')} wrap="wrap">
      … waiting for the node to report its new key (re-checking the preview)
      {earlier ? '; it started before you confirmed, so it may finish before the bar (which counts from your confirm) is full' : ''}
    </Text>
  );
}
