import {Text} from 'ink';
import type {ReactNode} from 'react';
import {color} from './theme.js';
import {truncate} from './text.js';

type FieldProps = {
  readonly label: string;
  /** Cells the label column takes, so a block of fields lines up. */
  readonly labelWidth: number;
  /** Plain text is truncated to what is left of `width`; styled children are passed through. */
  readonly value: string | ReactNode;
  readonly width?: number;
};

/** One `label   value` line of a detail block (token detail, rotation preview, rotation result). */
export function Field({label, labelWidth, value, width}: FieldProps) {
  const shown = typeof value === 'string' && width !== undefined ? truncate(value, Math.max(10, width - labelWidth)) : value;
  return (
    <Text wrap="truncate">
      <Text color={color('ui.dim')}>{label.padEnd(labelWidth)}</Text>
      {shown}
    </Text>
  );
}
