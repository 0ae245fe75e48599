import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {enterAltScreen} from '../../src/terminal/altScreen.js';

function written(): {out: PassThrough; bytes(): string} {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  return {out, bytes: () => chunks.join('')};
}

describe('alternate screen', () => {
  it('enters it and homes the cursor, so the first frame starts on the top line', () => {
    const {out, bytes} = written();
    enterAltScreen(out);
    expect(bytes()).toBe('\x1b[?1049h\x1b[H');
  });

  it('erases it (home, erase display) before leaving it, and shows the cursor again', () => {
    const {out, bytes} = written();
    const leave = enterAltScreen(out);
    const entered = bytes().length;
    leave();
    // tmux keeps alt-screen lines wider than the pane's first width unless they are erased first.
    expect(bytes().slice(entered)).toBe('\x1b[H\x1b[2J\x1b[?25h\x1b[?1049l');
  });

  it('also erases the scrollback when asked (a plaintext was shown), still before leaving', () => {
    const {out, bytes} = written();
    const leave = enterAltScreen(out);
    const entered = bytes().length;
    leave({scrollback: true});
    expect(bytes().slice(entered)).toBe('\x1b[H\x1b[2J\x1b[3J\x1b[?25h\x1b[?1049l');
  });

  it('leaves once, however many exit paths run', () => {
    const {out, bytes} = written();
    const leave = enterAltScreen(out);
    leave();
    leave({scrollback: true});
    expect(bytes().match(/\x1b\[\?1049l/g)).toHaveLength(1);
    expect(bytes()).not.toContain('\x1b[3J');
  });
});
