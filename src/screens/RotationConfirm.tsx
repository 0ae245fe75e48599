import {Box, Text} from 'ink';
import {Panel} from './shared/Chrome.js';
import {TextField} from './shared/TextField.js';
import {color} from './shared/theme.js';
import type {ConfirmState} from './RotationConfirmReducer.js';

export type RotationConfirmProps = {
  readonly state: ConfirmState;
  /** The node as shown (its name, else its id). */
  readonly nodeLabel: string;
  /** What must be typed: the name, or the first 8 characters of the id. */
  readonly expected: string;
  readonly byName: boolean;
  readonly peerCount: number;
  readonly estimate: string;
  readonly alreadyPending: boolean;
  readonly width: number;
};

/** The typed confirmation (console-ux.md §9): a modal over the preview. Pure view. */
export function RotationConfirm(props: RotationConfirmProps) {
  const {state, expected, byName, peerCount, alreadyPending} = props;
  const busy = state.phase === 'checking' ? 'Checking the impact again (the preview is over 30 s old)…' : state.phase === 'submitting' ? 'Rotating… waiting for the control plane' : undefined;
  return (
    <Box width={Math.min(props.width, 78)}>
      <Panel title={`Rotate the mesh key of ${props.nodeLabel}?`} tone="danger">
        <Text wrap="wrap">
          {alreadyPending
            ? 'ALREADY PENDING: confirming returns the rotation in flight, not a new one.'
            : `Re-keys ${peerCount} peer edge${peerCount === 1 ? '' : 's'} (estimated ${props.estimate}). This cannot be undone.`}
        </Text>
        {state.notice ? <Text color={color('status.warn')} wrap="wrap">⚠ {state.notice}</Text> : null}
        <Text wrap="wrap">
          Type <Text bold>{expected}</Text>
          {byName ? ' (the node name)' : ' (the first 8 characters of the node id)'} and press Enter; Esc cancels.
        </Text>
        <TextField label={byName ? 'name' : 'id'} value={state.text} focused={state.phase === 'typing'} />
        {state.error?.map((line, i) => (
          <Text key={i} color={color('status.error')} wrap="wrap">
            {i === 0 ? '✗ ' : '  '}
            {line}
          </Text>
        ))}
        {busy ? <Text color={color('ui.dim')}>{busy}</Text> : null}
      </Panel>
    </Box>
  );
}
