import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {copyToClipboard, osc52Sequences} from '../../src/terminal/osc52.js';

const b64 = Buffer.from('psb_x').toString('base64');

describe('OSC 52', () => {
  it('is a plain OSC 52 outside multiplexers', () => {
    expect(osc52Sequences('psb_x', {TERM: 'xterm-256color'})).toEqual([`\x1b]52;c;${b64}\x07`]);
  });

  it('inside tmux sends the raw sequence and the DCS passthrough with doubled ESC', () => {
    const [raw, wrapped] = osc52Sequences('psb_x', {TMUX: '/tmp/tmux-0/default,1,0', TERM: 'screen'});
    expect(raw).toBe(`\x1b]52;c;${b64}\x07`);
    expect(wrapped).toBe(`\x1bPtmux;\x1b\x1b]52;c;${b64}\x07\x1b\\`);
  });

  it('inside GNU screen chunks the sequence into DCS strings under 256 bytes', () => {
    const [seq] = osc52Sequences('x'.repeat(600), {TERM: 'screen', STY: '1.pts'});
    const chunks = seq!.split('\x1b\\').filter(Boolean);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThan(256);
  });

  it('writes to the terminal device, not stdout, and reports how', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osc52-'));
    const tty = join(dir, 'tty');
    writeFileSync(tty, '');
    expect(copyToClipboard('psb_x', {TERM: 'xterm'}, tty)).toEqual({ok: true, via: 'OSC 52'});
    expect(readFileSync(tty, 'utf8')).toBe(`\x1b]52;c;${b64}\x07`);
  });

  it('says it cannot when there is no terminal or TERM=dumb', () => {
    expect(copyToClipboard('psb_x', {TERM: 'xterm'}, '/nonexistent/tty').ok).toBe(false);
    expect(copyToClipboard('psb_x', {TERM: 'dumb'}).ok).toBe(false);
  });
});
