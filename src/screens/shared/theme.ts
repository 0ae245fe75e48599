import type {TokenState} from '../../domain/tokenState.js';

// Semantic colour roles; screens never name a colour. Every meaning also has a
// word or glyph, so NO_COLOR and TERM=dumb lose nothing (console-ux.md).
const ROLES = {
  'state.live': 'green',
  'state.expired': 'yellow',
  'state.consumed': 'blue',
  'state.revoked': 'red',
  'status.error': 'red',
  'status.ok': 'green',
  'status.warn': 'yellow',
  'status.info': 'cyan',
  'ui.focus': 'cyan',
  'ui.dim': 'gray',
  'ui.header': 'cyan',
  'ui.danger': 'red',
} as const;

export type Role = keyof typeof ROLES;

/** Colour is off for NO_COLOR (any value) and TERM=dumb. */
export function colorEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !('NO_COLOR' in env && env['NO_COLOR'] !== undefined) && env['TERM'] !== 'dumb';
}

// Read once: the environment does not change while the console runs, and rows
// ask on every render (process.env lookups are not free on the key-press path).
const enabled = colorEnabled();
const styled = process.env['TERM'] !== 'dumb';

/** The Ink colour for a role, or undefined when colour is off. */
export function color(role: Role): string | undefined {
  return enabled ? ROLES[role] : undefined;
}

/** Whether dim/inverse styling may be used (TERM=dumb terminals show escape codes raw). */
export function stylesEnabled(): boolean {
  return styled;
}

/** Role for a token STATE. */
export function stateRole(state: TokenState): Role {
  return `state.${state}`;
}
