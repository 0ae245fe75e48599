import {execFileSync} from 'node:child_process';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startSandbox, type Sandbox} from '../../src/sandbox/server.js';
import {BINARY, openPane, sh, type Pane} from './support/tmux.js';

// Issue 8: tmux keeps alternate-screen lines wider than the pane's starting width when
// the alt screen is left without erasing it, so a pane widened while the plaintext modal
// was open showed the plaintext (and the wide header) on the shell screen after exit.

const PLAINTEXT = /psb_[a-z]+_[a-z2-7]+_(node|bridge)_[a-z2-7]{20,}/;
const QUESTION = 'The plaintext cannot be shown again. Close? (y/N)';

let sandbox: Sandbox;
let pane: Pane | undefined;
beforeAll(async () => {
  sandbox = await startSandbox({port: 0, seed: 'demo'});
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(() => {
  pane?.kill();
  pane = undefined;
});

/** Starts at 30×20, issues a token, widens to 160 columns with the modal open; returns the plaintext. */
async function issueThenWiden(): Promise<{p: Pane; plaintext: string; tokenId: string}> {
  const command = ['node', BINARY, '--server', sandbox.url, '--token-file', sandbox.tokenFiles.operator, '--project', 'edge-prod'].map(sh).join(' ');
  // The exit code lands on the shell screen after the console's own lines.
  const p = (pane = await openPane(`${command}; echo "exit=$?"`, {columns: 30, rows: 20}));
  await p.waitFor(/\d+ tokens/);
  await p.keys('n');
  await p.waitFor('Env prefix');
  await p.keys('Tab');
  await p.text('widen');
  await p.keys('Tab', 'Enter');
  await p.waitFor('WARNING');
  execFileSync('tmux', ['-L', p.socket, 'resize-window', '-t', 'e2e', '-x', '160', '-y', '20']);
  // Wide enough now for the plaintext and the full header on one line each.
  const wide = await p.waitFor((s) => PLAINTEXT.test(s) && s.includes('operator@demo.plexsphere.test · tokens · edge-prod'));
  const plaintext = PLAINTEXT.exec(wide)![0];
  const tokenId = /token id {2}([0-9a-f-]{36})/.exec(wide)![1]!;
  return {p, plaintext, tokenId};
}

/** Waits for the shell after the console exited; returns the pane's whole history. */
async function afterExit(p: Pane): Promise<string> {
  await p.waitFor((s) => /^exit=\d+$/m.test(s) && /^\$ ?$/m.test(s) && !p.alternateOn());
  return p.history();
}

function expectNothingLeft(history: string, plaintext: string): void {
  expect(history).not.toContain(plaintext);
  expect(history).not.toMatch(PLAINTEXT);
  // The wide header (server and principal) is gone too.
  expect(history).not.toContain('operator@demo.plexsphere.test');
}

describe('exit after widening the pane (tmux)', () => {
  it('ctrl+c in the plaintext modal asks; a second ctrl+c quits, leaves nothing, and names the live token on stderr', async () => {
    const {p, plaintext, tokenId} = await issueThenWiden();
    await p.keys('C-c');
    await p.waitFor(QUESTION);
    expect(p.alternateOn()).toBe(true);
    await p.keys('C-c');
    const history = await afterExit(p);
    expectNothingLeft(history, plaintext);
    const shell = history.replace(/\n/g, '');
    expect(shell).toContain(`a live bootstrap token was issued`);
    expect(shell).toContain(`--token-id ${tokenId}`);
    expect(history).toMatch(/^exit=0$/m);
  });

  it('q: the close question, y, then q on the roster leaves nothing and no notice', async () => {
    const {p, plaintext} = await issueThenWiden();
    await p.keys('q');
    await p.waitFor(QUESTION);
    await p.keys('y');
    await p.waitFor((s) => !s.includes('WARNING') && /> .*widen.*live/.test(s));
    await p.keys('q');
    const history = await afterExit(p);
    expectNothingLeft(history, plaintext);
    expect(history).not.toContain('a live bootstrap token was issued');
    expect(history).toMatch(/^exit=0$/m);
  });

  it('SIGTERM with the plaintext modal open leaves nothing, names the token, exits 143', async () => {
    const {p, plaintext, tokenId} = await issueThenWiden();
    process.kill(p.pid(), 'SIGTERM');
    const history = await afterExit(p);
    expectNothingLeft(history, plaintext);
    expect(history.replace(/\n/g, '')).toContain(`--token-id ${tokenId}`);
    expect(history).toMatch(/^exit=143$/m);
  });
});
