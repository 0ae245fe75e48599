/** Applies one keypress to a text value: printable characters append, backspace deletes, ctrl+u clears. */
export function editText(value: string, press: {name: string; input: string}, maxLength = 256): string {
  if (press.name === 'backspace') return [...value].slice(0, -1).join('');
  if (press.name === 'ctrl+u') return '';
  if (press.name === 'space') return (value + ' ').slice(0, maxLength);
  // Only printable characters; control keys and escape sequences never enter a field.
  if (press.input.length === 1 && press.name === press.input && press.input >= ' ') return (value + press.input).slice(0, maxLength);
  return value;
}
