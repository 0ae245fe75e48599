import {Box, Text} from 'ink';
import type {ApiError} from '../hooks/types.js';
import {ErrorView} from './shared/States.js';
import {color} from './shared/theme.js';

/** What a rotation error means for the operator, beyond the Problem's own words. */
export function rotationErrorMeaning(error: ApiError): string | undefined {
  if (error.status === 501 || error.code?.endsWith('_not_provisioned')) return 'This control plane build does not offer key rotation yet.';
  if (error.code === 'node_not_found') return error.status === 404 ? 'The control plane has no node with this id in your Domain.' : undefined;
  if (error.status === 403) return 'Your principal may not operate this node (node-operate); quote the correlation id when asking for access.';
  return undefined;
}

/** An error in place of a rotation screen's body: the meaning first, then status, title, detail, code, reason, correlation id. */
export function RotationErrorView({error, hint}: {readonly error: ApiError; readonly hint: string}) {
  const meaning = rotationErrorMeaning(error);
  return (
    <Box flexDirection="column">
      {meaning ? <Text bold color={color('status.warn')}>{meaning}</Text> : null}
      <ErrorView error={error} hint={hint} />
    </Box>
  );
}
