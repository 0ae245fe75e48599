import {Text} from 'ink';
import type {Skipped} from '../../hooks/types.js';
import {color} from './theme.js';

/** Rows the notice takes: one when the reader skipped anything, else none. */
export function skippedRows(skipped: readonly Skipped[] | undefined): number {
  return skipped && skipped.length > 0 ? 1 : 0;
}

/** One line above a list: how many items could not be read, and the first reason (never the whole list down). */
export function SkippedNotice({skipped, noun}: {readonly skipped: readonly Skipped[] | undefined; readonly noun: string}) {
  if (!skipped || skipped.length === 0) return null;
  const n = skipped.length;
  const first = skipped[0];
  return (
    <Text color={color('status.warn')} wrap="truncate">
      ⚠ {n} {noun}{n > 1 ? 's' : ''} could not be read and {n > 1 ? 'are' : 'is'} not shown{first ? ` (item ${first.index}: ${first.reason})` : ''}
    </Text>
  );
}
