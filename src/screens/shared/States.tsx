import {Box, Text} from 'ink';
import {sanitize} from '../../domain/sanitize.js';
import type {ApiError} from '../../hooks/types.js';
import {color} from './theme.js';

/** The loading state: static text, no spinner, so an idle wait writes nothing. */
export function LoadingView({what}: {readonly what: string}) {
  return <Text color={color('ui.dim')}>Loading {what}…</Text>;
}

/** The empty state, with what to press next. */
export function EmptyView({message, hint}: {readonly message: string; readonly hint?: string}) {
  return (
    <Box flexDirection="column">
      <Text>{message}</Text>
      {hint ? <Text color={color('ui.dim')}>{hint}</Text> : null}
    </Box>
  );
}

/** Human lines for an API error: status and title, detail, code, and a 403's reason and correlation id. */
export function errorLines(error: ApiError): string[] {
  const s = (v: unknown) => sanitize(v);
  const head = error.status ? `${error.status} ${s(error.title)}` : s(error.title);
  const lines = [head];
  if (error.detail) lines.push(s(error.detail));
  if (error.code) lines.push(`code: ${s(error.code)}`);
  if (error.reason) lines.push(`reason: ${s(error.reason)}`);
  if (error.relationPath?.length) lines.push(`relation path: ${error.relationPath.map(s).join(' → ')}`);
  if (error.correlationId) lines.push(`correlation id: ${s(error.correlationId)} (pairs with the audit entry)`);
  if (error.kind === 'transport' || error.kind === 'timeout') lines.push('The connection failed; nothing was lost. Check the link and retry.');
  return lines;
}

/** The error state in place of a screen body, with what to press next. */
export function ErrorView({error, hint = 'r retry · esc back'}: {readonly error: ApiError; readonly hint?: string}) {
  const [head, ...rest] = errorLines(error);
  return (
    <Box flexDirection="column">
      <Text bold color={color('status.error')}>✗ {head}</Text>
      {rest.map((line, i) => (
        <Text key={i} wrap="wrap">{line}</Text>
      ))}
      <Text color={color('ui.dim')}>{hint}</Text>
    </Box>
  );
}
