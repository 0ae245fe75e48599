import {Box, Text} from 'ink';
import {sanitize} from '../domain/sanitize.js';
import {utc} from '../domain/time.js';
import {stateAt, toRow} from '../hooks/tokenRoster.js';
import type {BootstrapToken} from '../hooks/types.js';
import type {RevokeState} from '../hooks/useRevokeToken.js';
import {Panel} from './shared/Chrome.js';
import {ErrorView} from './shared/States.js';
import {color, stateRole} from './shared/theme.js';

type RevokeConfirmProps = {readonly token: BootstrapToken; readonly state: RevokeState; readonly now: number};

/** `y` revokes, anything else cancels; a 409 is explained, other errors shown in place. */
export function RevokeConfirm({token, state, now}: RevokeConfirmProps) {
  const s = stateAt(toRow(token), now);
  return (
    <Panel title="Revoke bootstrap token?" tone="danger">
      <Text wrap="truncate">id     {token.id}</Text>
      <Text wrap="truncate">env    {sanitize(token.env_prefix)}</Text>
      <Text wrap="truncate">kind   {token.kind}</Text>
      <Text wrap="truncate">
        state  <Text color={color(stateRole(s))}>{s}</Text>
      </Text>
      <Text> </Text>
      <RevokeStatus state={state} />
    </Panel>
  );
}

function RevokeStatus({state}: {readonly state: RevokeState}) {
  if (state.status === 'running') return <Text color={color('status.info')}>Revoking…</Text>;
  if (state.status === 'error') return <ErrorView error={state.error} hint="y try again · any other key closes" />;
  if (state.status === 'done' && state.outcome.kind === 'consumed') {
    return (
      <Box flexDirection="column">
        <Text color={color('status.warn')} wrap="wrap">
          A redeemer used this token at {utc(state.outcome.at)}; revoking had no effect. A node enrolled with it.
        </Text>
        <Text color={color('ui.dim')}>any key closes</Text>
      </Box>
    );
  }
  if (state.status === 'done' && state.outcome.kind === 'already-revoked') {
    return (
      <Box flexDirection="column">
        <Text wrap="wrap">Already revoked at {utc(state.outcome.at)}: nothing to do.</Text>
        <Text color={color('ui.dim')}>any key closes</Text>
      </Box>
    );
  }
  return <Text bold>y revoke · any other key cancels</Text>;
}
