import {execFileSync} from 'node:child_process';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startSandbox, type Sandbox} from '../../src/sandbox/server.js';
import {BINARY, openPane, sh, type Pane} from './support/tmux.js';

// After a resize the screen must equal a fresh render at the new size (issue 10).
let sandbox: Sandbox;
const panes: Pane[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({port: 0, seed: 'demo'});
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(() => {
  for (const p of panes.splice(0)) p.kill();
});

async function open(size: {columns: number; rows: number}): Promise<Pane> {
  const cmd = ['node', BINARY, '--server', sandbox.url, '--token-file', sandbox.tokenFiles.operator, '--refresh', '0'].map(sh).join(' ');
  const p = await openPane(cmd, size);
  panes.push(p);
  // The header's principal arrives with whoami, after the list (`…` until then): a screen read before it is not the settled one.
  await p.waitFor((s) => s.split('\n')[0]!.startsWith('plexconsole ·') && !s.split('\n')[0]!.includes(' · … · ') && s.includes('SLUG'));
  return p;
}

const resize = (p: Pane, columns: number, rows: number) =>
  execFileSync('tmux', ['-L', p.socket, 'resize-window', '-t', 'e2e', '-x', String(columns), '-y', String(rows)]);
const clean = (s: string) => s.split('\n').map((l) => l.trimEnd()).join('\n').trimEnd();

/** Opens the typed rotation confirm for a named node, with `typed` in the field. */
async function toConfirm(p: Pane, typed: string): Promise<string> {
  await p.text(':rotate vm-fra-web-1');
  await p.keys('Enter');
  await p.waitFor('Affected edges');
  await p.keys('Enter');
  await p.waitFor('Type vm-fra-web-1');
  await p.text(typed);
  return p.waitFor(`name: ${typed}`);
}

describe('resize', () => {
  it('narrowing 80→60 on the rotation confirm leaves the same screen as a fresh 60-column console', async () => {
    const moved = await open({columns: 80, rows: 24});
    await toConfirm(moved, 'vm-f');
    resize(moved, 60, 24);
    await moved.waitFor((s) => s.split('\n').every((l) => l.trimEnd().length <= 60) && s.includes('Peer'));
    await moved.text('r');
    const fresh = await open({columns: 60, rows: 24});
    const want = await toConfirm(fresh, 'vm-fr');
    const got = await moved.waitFor((s) => clean(s) === clean(want), 5000).catch(() => moved.screen());
    expect(clean(got)).toBe(clean(want));
  });

  it('below the minimum size the console says so instead of drawing over itself', async () => {
    const p = await open({columns: 80, rows: 24});
    resize(p, 40, 10);
    const small = await p.waitFor('terminal too small');
    expect(small).toMatch(/terminal too small \(need \d+×\d+\)/);
    resize(p, 80, 24);
    const back = await p.waitFor('SLUG');
    expect(back).not.toContain('terminal too small');
  });

  it('ctrl+l redraws the whole screen', async () => {
    const p = await open({columns: 80, rows: 24});
    const before = p.screen();
    // Scribble over the pane from outside, as a stray write (wall, a background job) would.
    execFileSync('tmux', ['-L', p.socket, 'display-message', '-t', 'e2e', '-p', '']);
    execFileSync('sh', ['-c', `printf 'DEBRIS DEBRIS' > $(tmux -L ${p.socket} display-message -p -t e2e '#{pane_tty}')`]);
    await p.waitFor('DEBRIS');
    await p.keys('C-l');
    const after = await p.waitFor((s) => !s.includes('DEBRIS'));
    expect(clean(after)).toBe(clean(before));
  });
});
