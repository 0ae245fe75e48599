import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
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

const CONNECTION_ADVICE = 'The connection failed; nothing was lost. Check the link and retry.';

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
  if (error.kind === 'transport' || error.kind === 'timeout') lines.push(CONNECTION_ADVICE);
  return lines;
}

type ErrorViewProps = {
  readonly error: ApiError;
  /** What to press next; omitted when the owner says it elsewhere. */
  readonly hint?: string;
  /** Words before the status and title (`Checking the rotation failed:`). */
  readonly lead?: string;
  /** Drops the generic "connection failed" advice when the owner gives a more precise one. */
  readonly ownAdvice?: boolean;
  /** Notes after the error lines, before the hint. */
  readonly children?: ReactNode;
};

/** An API error: in place of a screen body, or inside a modal. The one way errors are drawn. */
export function ErrorView({error, hint, lead, ownAdvice, children}: ErrorViewProps) {
  const [head, ...rest] = errorLines(error);
  const lines = ownAdvice ? rest.filter((l) => l !== CONNECTION_ADVICE) : rest;
  return (
    <Box flexDirection="column">
      <Text bold color={color('status.error')} wrap="wrap">✗ {lead ? `${lead} ` : ''}{head}</Text>
      {lines.map((line, i) => (
        <Text key={i} wrap="wrap">{line}</Text>
      ))}
      {children}
      {hint ? <Text color={color('ui.dim')}>{hint}</Text> : null}
    </Box>
  );
}
