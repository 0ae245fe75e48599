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

/** Applies one keypress to a text value: printable characters append, backspace deletes, ctrl+u clears. */
export function editText(value: string, press: {name: string; input: string}, maxLength = 256): string {
  if (press.name === 'backspace') return [...value].slice(0, -1).join('');
  if (press.name === 'ctrl+u') return '';
  if (press.name === 'space') return (value + ' ').slice(0, maxLength);
  // Only printable characters; control keys and escape sequences never enter a field.
  if (press.input.length === 1 && press.name === press.input && press.input >= ' ') return (value + press.input).slice(0, maxLength);
  return value;
}
