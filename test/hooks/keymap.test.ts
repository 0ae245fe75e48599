import {describe, expect, it} from 'vitest';
import {hints, helpRows, KEYMAP, keyName, matches} from '../../src/hooks/keymap.js';
import type {Key} from 'ink';

const none: Key = {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false};

describe('keymap', () => {
  it('names arrows, enter, escape, shift+tab and ctrl keys', () => {
    expect(keyName('', {...none, downArrow: true})).toBe('down');
    expect(keyName('', {...none, return: true})).toBe('return');
    expect(keyName('', {...none, escape: true, meta: true})).toBe('escape');
    expect(keyName('', {...none, tab: true, shift: true})).toBe('shift+tab');
    expect(keyName('d', {...none, ctrl: true})).toBe('ctrl+d');
    expect(keyName('', {...none, delete: true})).toBe('backspace');
    expect(keyName('G', {...none, shift: true})).toBe('G');
  });

  it('matches the keys of the UX contract', () => {
    expect(matches('list.down', 'j')).toBe(true);
    expect(matches('list.down', 'down')).toBe(true);
    expect(matches('list.pageDown', 'ctrl+d')).toBe(true);
    expect(matches('list.last', 'G')).toBe(true);
    expect(matches('list.first', 'G')).toBe(false);
    expect(matches('tokens.issue', 'n')).toBe(true);
  });

  it('read-only mode disables and hides every dangerous binding', () => {
    expect(matches('tokens.issue', 'n', true)).toBe(false);
    expect(matches('tokens.revoke', 'x', true)).toBe(false);
    expect(matches('preview.continue', 'return', true)).toBe(false);
    expect(hints(['tokens.issue', 'tokens.revoke', 'list.filter'], true)).toBe('/ filter');
    expect(helpRows(['tokens.issue', 'list.filter'], true).map((r) => r.keys)).toEqual(['/']);
  });

  it('marks exactly the mutating bindings dangerous', () => {
    const dangerous = Object.entries(KEYMAP).filter(([, b]) => 'dangerous' in b && b.dangerous).map(([id]) => id);
    expect(dangerous.sort()).toEqual(['bulk.retry', 'fleet.confirm', 'fleet.resume', 'preview.continue', 'tokens.issue', 'tokens.revoke']);
  });
});
