import type {Key} from 'ink';

/** One binding of the keymap: the keys, the footer label, the help text, and whether it mutates. */
export type Binding = {
  readonly keys: readonly string[];
  readonly label: string;
  readonly help: string;
  /** Dangerous bindings mutate server state; `--read-only` drops them everywhere. */
  readonly dangerous?: boolean;
};

// The one keymap table (console-ux.md "Keys"). Screens ask `matches(id, …)`, and
// the footer and the `?` overlay are generated from here, so they cannot drift.
export const KEYMAP = {
  'list.up': {keys: ['up', 'k'], label: '↑↓ move', help: 'move the selection up'},
  'list.down': {keys: ['down', 'j'], label: '', help: 'move the selection down'},
  'list.pageUp': {keys: ['pageup', 'ctrl+u'], label: '', help: 'page up'},
  'list.pageDown': {keys: ['pagedown', 'ctrl+d'], label: '', help: 'page down'},
  'list.first': {keys: ['g', 'home'], label: '', help: 'jump to the first row'},
  'list.last': {keys: ['G', 'end'], label: '', help: 'jump to the last row'},
  'list.open': {keys: ['return'], label: '⏎ open', help: 'open the selected row'},
  'list.filter': {keys: ['/'], label: '/ filter', help: 'filter as you type; Enter keeps it, Esc clears it'},
  'list.sort': {keys: ['s'], label: 's sort', help: 'sort by the next column'},
  'list.reverse': {keys: ['S'], label: '', help: 'reverse the sort order'},
  'list.refresh': {keys: ['r'], label: 'r refresh', help: 'reload from the server'},
  'tokens.stateFilter': {keys: ['f'], label: 'f state', help: 'cycle STATE filter: all → live → expired → consumed → revoked'},
  'tokens.issue': {keys: ['n'], label: 'n new', help: 'issue a bootstrap token', dangerous: true},
  'tokens.revoke': {keys: ['x'], label: 'x revoke', help: 'revoke the selected token', dangerous: true},
  'list.mark': {keys: ['space'], label: 'space mark', help: 'mark / unmark the selected row'},
  'list.markAll': {keys: ['*'], label: '* all', help: 'mark every row the filter shows (again: clear the marks)'},
  'bulk.retry': {keys: ['r'], label: 'r retry failed', help: 'revoke the failed tokens again', dangerous: true},
  'bulk.stop': {keys: ['escape'], label: 'esc stop', help: 'stop after the requests in flight'},
  'fleet.wave': {keys: ['+', '-'], label: '+/- wave', help: 'more / fewer nodes per wave'},
  'fleet.confirm': {keys: ['return'], label: '⏎ rotate', help: 'rotate, once the typed number equals the node count', dangerous: true},
  'fleet.stop': {keys: ['escape'], label: 'esc stop', help: 'stop after the current wave'},
  'fleet.resume': {keys: ['r'], label: 'r resume', help: 'open the nodes left unrotated as a new fleet', dangerous: true},
  'journal.filter': {keys: ['/'], label: '/ filter', help: 'filter the journal: type text, Enter applies, Esc clears'},
  'tokens.copy': {keys: ['c'], label: 'c copy id', help: 'copy the token id to the clipboard (OSC 52)'},
  'detail.copy': {keys: ['c'], label: 'c copy id', help: 'copy the token id to the clipboard (OSC 52)'},
  'modal.copy': {keys: ['c'], label: 'c copy', help: 'copy the plaintext to the clipboard (OSC 52)'},
  'modal.close': {keys: ['escape', 'return', 'q'], label: 'esc close', help: 'close (asks first: the plaintext cannot be shown again)'},
  'confirm.yes': {keys: ['y', 'Y'], label: 'y yes', help: 'confirm'},
  // No keys of their own: they describe "everything else" in the footer and help.
  'confirm.other': {keys: [], label: 'any other key cancels', help: 'any other key cancels'},
  'result.close': {keys: [], label: 'any key closes', help: 'any key closes'},
  'preview.continue': {keys: ['return'], label: '⏎ rotate…', help: 'continue to the typed confirmation', dangerous: true},
  'rotation.confirm': {keys: ['return'], label: '⏎ confirm', help: 'rotate, once the typed text matches the node (Enter alone never confirms)'},
  'rotation.cancel': {keys: ['escape'], label: 'esc cancel', help: 'cancel the rotation'},
  'rotation.done': {keys: ['return', 'escape'], label: '⏎/esc nodes', help: 'back to Nodes'},
  'filter.apply': {keys: ['return'], label: '⏎ keep', help: 'keep the filter (it applies as you type)'},
  'filter.clear': {keys: ['escape'], label: 'esc clear', help: 'clear the filter'},
  'form.next': {keys: ['tab', 'down'], label: 'tab next', help: 'next field'},
  'form.prev': {keys: ['shift+tab', 'up'], label: '', help: 'previous field'},
  'form.submit': {keys: ['return'], label: '⏎ next/submit', help: 'next field; on the last field (TTL) it submits'},
  'form.toggle': {keys: ['left', 'right', 'space'], label: '←→ choose', help: 'choose the kind'},
  'error.retry': {keys: ['r'], label: 'r retry', help: 'retry the request'},
  'nav.back': {keys: ['escape'], label: 'esc back', help: 'back / close / cancel'},
  'nav.projects': {keys: ['1'], label: '1 projects', help: 'go to Projects'},
  'nav.tokens': {keys: ['2'], label: '2 tokens', help: 'go to Tokens of the current Project'},
  'nav.nodes': {keys: ['3'], label: '3 nodes', help: 'go to Nodes'},
  'nav.rotations': {keys: ['4'], label: '4 rotations', help: "go to Rotations (this session's mesh-key rotations)"},
  'app.command': {keys: [':'], label: ': cmd', help: 'command line: projects, tokens [slug|id], nodes, rotate <node>, rotations, journal, whoami, help, quit (prefixes work; Tab completes)'},
  'app.help': {keys: ['?'], label: '? help', help: 'show the keys of this screen'},
  'app.redraw': {keys: ['ctrl+l'], label: '', help: 'redraw the whole screen'},
  'app.quit': {keys: ['q', 'ctrl+c'], label: 'q quit', help: 'quit (ctrl+c works everywhere)'},
} as const satisfies Record<string, Binding>;

export type BindingId = keyof typeof KEYMAP;

/** The normalised name of a keypress: `up`, `return`, `ctrl+d`, `shift+tab`, or the character. */
export function keyName(input: string, key: Key): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'return';
  if (key.escape) return 'escape';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  // Most terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl && input) return `ctrl+${input}`;
  if (input === ' ') return 'space';
  return input;
}

/** True when the keypress named `name` is bound to `id` (and `id` is allowed in read-only mode). */
export function matches(id: BindingId, name: string, readOnly = false): boolean {
  const binding: Binding = KEYMAP[id];
  if (readOnly && binding.dangerous) return false;
  return binding.keys.includes(name);
}

/** Footer hints for a screen's bindings, dropping dangerous ones in read-only mode. */
export function hints(ids: readonly BindingId[], readOnly: boolean): string {
  return hintLabels(ids, readOnly).join(SEP);
}

/** Help-overlay rows (keys, description) for a screen's bindings. */
export function helpRows(ids: readonly BindingId[], readOnly: boolean): Array<{keys: string; help: string}> {
  return ids
    .map((id) => KEYMAP[id] as Binding)
    .filter((b) => !(readOnly && b.dangerous))
    .map((b) => ({keys: b.keys.map(displayKey).join(' '), help: b.help}));
}

function displayKey(k: string): string {
  const names: Record<string, string> = {up: '↑', down: '↓', left: '←', right: '→', return: 'Enter', escape: 'Esc', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End', tab: 'Tab', 'shift+tab': 'Shift+Tab', space: 'Space'};
  return names[k] ?? k;
}

const SEP = ' · ';

/**
 * The footer line for `width` cells: `lead` (`? help`) and `tail` (`: cmd`, `q quit`) stay;
 * the screen's hints follow in priority order and the ones that do not fit are dropped whole,
 * never cut mid-word (the `?` overlay lists them all).
 */
export function fitHints(lead: readonly string[], middle: readonly string[], tail: readonly string[], width: number): string {
  const len = (parts: readonly string[]) => parts.join(SEP).length;
  const pinnedTail = [...tail];
  while (pinnedTail.length > 0 && len([...lead, ...pinnedTail]) > width) pinnedTail.pop();
  const kept: string[] = [];
  for (const hint of middle) {
    if (len([...lead, ...kept, hint, ...pinnedTail]) <= width) kept.push(hint);
  }
  return [...lead, ...kept, ...pinnedTail].join(SEP);
}

/** The labels of `ids` that have one, without the dangerous ones in read-only mode. */
export function hintLabels(ids: readonly BindingId[], readOnly: boolean): string[] {
  return ids
    .map((id) => KEYMAP[id] as Binding)
    .filter((b) => b.label !== '' && !(readOnly && b.dangerous))
    .map((b) => b.label);
}
