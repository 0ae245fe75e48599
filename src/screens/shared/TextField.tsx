import {Text} from 'ink';
import {color, stylesEnabled} from './theme.js';

type TextFieldProps = {
  readonly label: string;
  readonly value: string;
  readonly focused: boolean;
  readonly error?: string;
  readonly note?: string;
  readonly width?: number;
};

/** A one-line labelled input. Editing is done by the owner's reducer via `editText`. */
export function TextField({label, value, focused, error, note}: TextFieldProps) {
  const cursor = focused ? (stylesEnabled() ? <Text inverse> </Text> : '_') : null;
  return (
    <Text wrap="truncate">
      <Text color={focused ? color('ui.focus') : undefined}>{focused ? '› ' : '  '}{label}: </Text>
      {value}
      {cursor}
      {error ? <Text color={color('status.error')}>  ✗ {error}</Text> : note ? <Text color={color('ui.dim')}>  {note}</Text> : null}
    </Text>
  );
}
