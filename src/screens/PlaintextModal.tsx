import {Box, Text} from 'ink';
import {plaintextProblem} from '../domain/plaintext.js';
import {sanitize} from '../domain/sanitize.js';
import {utc} from '../domain/time.js';
import {useInterruptGuard} from '../hooks/interrupt.js';
import type {IssuedToken} from '../hooks/types.js';
import {color} from './shared/theme.js';

export const PLAINTEXT_BANNER = 'WARNING: this is the only time this plaintext will be displayed';
export const CLOSE_QUESTION = 'The plaintext cannot be shown again. Close? (y/N)';

type PlaintextModalProps = {
  readonly issued: IssuedToken;
  readonly confirming: boolean;
  readonly columns: number;
  /** Shows the close question; ctrl+c calls it instead of quitting while the question is not up. */
  readonly onAskClose: () => void;
};

/** The one-time plaintext. Rendered from the issue hook's state only; gone once that is cleared. */
export function PlaintextModal({issued, confirming, columns, onAskClose}: PlaintextModalProps) {
  // ctrl+c is the copy reflex on exactly this screen: the first one asks, a second one quits.
  useInterruptGuard(confirming ? undefined : onAskClose);
  const plaintext = sanitize(issued.token);
  const problem = plaintextProblem(issued.token);
  // No side borders or padding: the plaintext gets the full width, so a mouse selection
  // (when OSC 52 is not available) picks up no box-drawing characters.
  return (
    <Box flexDirection="column" borderStyle="double" borderLeft={false} borderRight={false} borderColor={color('ui.danger')}>
      <Text bold>Bootstrap token issued</Text>
      <Text bold color={color('status.warn')} wrap="wrap">{PLAINTEXT_BANNER}</Text>
      <Text> </Text>
      {/* Wrapped, never truncated: a cut plaintext is a lost credential. */}
      <Text bold wrap="wrap">{plaintext}</Text>
      {problem ? (
        <Text color={color('status.error')} wrap="wrap">✗ not the contract's plaintext format ({problem}): c will not copy it</Text>
      ) : plaintext.length > columns ? (
        /* A wrapped line selected with the mouse carries a line break into the secret: say so. */
        <Text color={color('status.warn')} wrap="wrap">↑ wraps at {columns} columns: copy it with c, or widen the terminal before selecting it</Text>
      ) : (
        <Text> </Text>
      )}
      <Text wrap="truncate">token id  {sanitize(issued.token_id)}</Text>
      <Text wrap="truncate">expires   {utc(issued.expires_at)}</Text>
      {confirming ? (
        <Text bold color={color('status.warn')}>{CLOSE_QUESTION}</Text>
      ) : (
        <Text color={color('ui.dim')}>c copy plaintext (OSC 52) · esc close</Text>
      )}
    </Box>
  );
}
