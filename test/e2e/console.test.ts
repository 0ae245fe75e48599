import {execFileSync} from 'node:child_process';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startSandbox, type Sandbox} from '../../src/sandbox/server.js';
import {BINARY, openPane, sh, type Pane} from './support/tmux.js';

// The built binary under tmux against an in-process sandbox: what an operator sees.
const PLAINTEXT = /psb_[a-z]+_[a-z2-7]+_(node|bridge)_[a-z2-7]{20,}/;

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

function consoleCommand(args: string[], tokenFile = sandbox.tokenFiles.operator): string {
  return ['node', BINARY, '--server', sandbox.url, '--token-file', tokenFile, ...args].map(sh).join(' ');
}

async function open(args: string[] = [], opts: {columns?: number; rows?: number; tokenFile?: string} = {}): Promise<Pane> {
  pane = await openPane(consoleCommand(args, opts.tokenFile), opts);
  await pane.waitFor((s) => s.split('\n')[0]!.startsWith('plexconsole ·'));
  return pane;
}

/** Waits for the shell prompt after the console exits. */
async function backAtShell(p: Pane): Promise<void> {
  await p.waitFor((s) => /^\$ ?$/m.test(s) && !p.alternateOn());
}

describe('plexconsole in a real terminal (tmux)', () => {
  it('an 80×24 pane shows the header on the first line, and q restores the main screen', async () => {
    const p = await open([], {columns: 80, rows: 24});
    const screen = await p.waitFor((s) => s.includes('edge-prod') && s.includes('operator@'));
    expect(screen.split('\n')[0]).toMatch(/^plexconsole · 127\.0\.0\.1:\d+ · --server flag · operator@\S* · projects/);
    expect(p.alternateOn()).toBe(true);
    await p.keys('q');
    await backAtShell(p);
    expect(p.history()).not.toContain('edge-prod');
  });

  it('Projects → Tokens shows the roster with STATE counts', async () => {
    const p = await open([], {columns: 120, rows: 40});
    await p.waitFor('edge-prod');
    await p.keys('/');
    await p.text('edge-prod');
    await p.keys('Enter');
    await p.waitFor((s) => !s.includes('edge-staging'));
    await p.keys('Enter');
    const screen = await p.waitFor(/live \d+ · expired \d+ · consumed \d+ · revoked \d+/);
    expect(screen.split('\n')[0]).toContain('tokens · edge-prod');
    expect(screen).toMatch(/ID\s+ENV\s+KIND\s+ISSUED▼?\s+EXPIRES\s+STATE/);
  });

  it('issue → one-time modal → copy → close leaves the new token live and selected, and no plaintext anywhere after exit', async () => {
    const p = await open(['--project', 'edge-prod'], {columns: 100, rows: 30});
    await p.waitFor(/live \d+/);
    await p.keys('n');
    await p.waitFor('Env prefix');
    await p.keys('Tab');
    await p.text('etoe');
    await p.keys('Tab', 'Enter');
    const modal = await p.waitFor('WARNING: this is the only time this plaintext will be displayed');
    const plaintext = PLAINTEXT.exec(modal)?.[0];
    expect(plaintext).toMatch(/^psb_etoe_/);
    await p.keys('c');
    await p.waitFor('OSC 52');
    // tmux with set-clipboard on takes the OSC 52 sequence into its paste buffer.
    expect(execFileSync('tmux', ['-L', p.socket, 'show-buffer'], {encoding: 'utf8'})).toBe(plaintext);
    await p.keys('Escape');
    await p.waitFor('The plaintext cannot be shown again. Close? (y/N)');
    await p.keys('y');
    const roster = await p.waitFor((s) => !s.includes('WARNING') && /> .*etoe.*live/.test(s));
    expect(roster).not.toContain(plaintext!);
    await p.keys('q');
    await backAtShell(p);
    expect(p.history()).not.toContain(plaintext!);
    expect(p.history()).not.toMatch(PLAINTEXT);
  });

  it('revoking the selected live token asks, then marks that row revoked', async () => {
    const p = await open(['--project', 'edge-prod'], {columns: 100, rows: 30});
    await p.waitFor(/live \d+/);
    await p.keys('f'); // STATE filter: live, to pick a live token
    const live = await p.waitFor(/state: live/);
    const id = /^> ([0-9a-f-]{36}) .* live\s*$/m.exec(live)?.[1];
    expect(id).toBeDefined();
    await p.keys('Escape'); // clears the filter; the selection stays on the token
    await p.waitFor((s) => !s.includes('state: live') && new RegExp(`^> ${id} .* live\\s*$`, 'm').test(s));
    await p.keys('x');
    await p.waitFor(/Revoke bootstrap token\?/);
    await p.keys('y');
    // That row's STATE, not the word "revoked" (the counts line always shows it).
    const after = await p.waitFor((s) => new RegExp(`^> ${id} .* revoked\\s*$`, 'm').test(s));
    expect(after).toContain(`Token ${id} revoked`);
  });

  it('Nodes → preview → typed confirm → result → completion', async () => {
    const p = await open([], {columns: 100, rows: 30});
    await p.keys('3');
    await p.waitFor(/\d+ nodes/);
    await p.keys('/');
    await p.text('gw-ams-1');
    await p.keys('Enter');
    await p.waitFor((s) => !s.includes('gw-fra-1'));
    await p.keys('Enter');
    await p.waitFor(/affected/i);
    await p.keys('Enter');
    await p.waitFor(/type/i);
    await p.keys('Enter'); // Enter alone never confirms
    await p.text('gw-ams-1');
    await p.keys('Enter');
    await p.waitFor(/rotation id|rotation_id/i);
    await p.waitFor(/complete/i, 30_000);
  });

  it('a viewer token gets a readable 403 with reason and correlation id', async () => {
    const p = await open(['--read-only'], {columns: 100, rows: 30, tokenFile: sandbox.tokenFiles.viewer});
    await p.waitFor('READ-ONLY');
    await p.keys(':');
    await p.text('rotate gw-fra-1');
    await p.keys('Enter');
    const screen = await p.waitFor(/insufficient_relation/);
    expect(screen).toMatch(/^.*\b403 Forbidden|^.*\b403\b(?!\d)/m);
    expect(screen).toMatch(/correlation/i);
  });

  it('SIGHUP (the SSH link dropped) restores the main screen', async () => {
    const p = await open([], {columns: 80, rows: 24});
    await p.waitFor('edge-prod');
    process.kill(p.pid(), 'SIGHUP');
    await backAtShell(p);
    expect(p.history()).not.toContain('edge-prod');
  });

  it('when the terminal itself disappears (tmux killed, SSH gone) the process exits instead of spinning', async () => {
    const p = await open([], {columns: 80, rows: 24});
    await p.waitFor('edge-prod');
    const pid = p.pid();
    p.kill();
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive()).toBe(false);
  });

  it('--demo (what npm start runs) opens on the embedded sandbox', async () => {
    pane = await openPane(['node', BINARY, '--demo'].map(sh).join(' '), {columns: 80, rows: 24});
    const screen = await pane.waitFor((s) => s.includes('edge-prod') && s.includes('operator@'));
    expect(screen.split('\n')[0]).toMatch(/^plexconsole · 127\.0\.0\.1:\d+ · demo sandbox · /);
    await pane.keys('q');
    await backAtShell(pane);
  });

  it('follows a resize: the header stays on the first line and the table refills the pane', async () => {
    const p = await open(['--project', 'edge-prod'], {columns: 80, rows: 24});
    await p.waitFor(/live \d+/);
    const rows = (s: string) => s.split('\n').filter((l) => /^[> ] [0-9a-f]{8}/.test(l)).length;
    const small = rows(p.screen());
    execFileSync('tmux', ['-L', p.socket, 'resize-window', '-t', 'e2e', '-x', '120', '-y', '40']);
    const big = await p.waitFor((s) => rows(s) > small);
    expect(big.split('\n')[0]).toMatch(/^plexconsole · .* · tokens · edge-prod/);
    expect(big.replace(/\n$/, '').split('\n').length).toBeLessThanOrEqual(40);
  });

  it('NO_COLOR: no colour codes reach the terminal, and STATE and the selection still read', async () => {
    pane = await openPane(`NO_COLOR=1 ${consoleCommand(['--project', 'edge-prod'])}`, {columns: 100, rows: 30});
    await pane.waitFor(/^> .* (live|expired|consumed|revoked)\s*$/m);
    const styled = execFileSync('tmux', ['-L', pane.socket, 'capture-pane', '-p', '-e', '-t', 'e2e'], {encoding: 'utf8'});
    expect(styled).not.toMatch(/\x1b\[(3|9)[0-7]m|\x1b\[38;/);
    // Selection by the `> ` marker, STATE by its word: neither needs colour.
    expect(pane.screen()).toMatch(/^> .* (live|expired|consumed|revoked)\s*$/m);
  });
});

// Issue 8: tmux keeps alternate-screen lines wider than the pane's starting width when
// the alt screen is left without erasing it, so a pane widened while the plaintext modal
// was open showed the plaintext (and the wide header) on the shell screen after exit.

const QUESTION = 'The plaintext cannot be shown again. Close? (y/N)';

/** Starts at 50×20 (the console's minimum width), issues a token, widens to 160 columns with the modal open; returns the plaintext. */
async function issueThenWiden(): Promise<{p: Pane; plaintext: string; tokenId: string}> {
  // The exit code lands on the shell screen after the console's own lines.
  const p = (pane = await openPane(`${consoleCommand(['--project', 'edge-prod'])}; echo "exit=$?"`, {columns: 50, rows: 20}));
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

  it(':quit after widening the Projects screen leaves no wide header behind', async () => {
    const p = (pane = await openPane(`${consoleCommand([])}; echo "exit=$?"`, {columns: 50, rows: 20}));
    await p.waitFor('edge-prod');
    execFileSync('tmux', ['-L', p.socket, 'resize-window', '-t', 'e2e', '-x', '160', '-y', '20']);
    await p.waitFor('operator@demo.plexsphere.test · projects');
    await p.keys(':');
    await p.text('quit');
    await p.keys('Enter');
    const history = await afterExit(p);
    expect(history).not.toContain('operator@demo.plexsphere.test');
    expect(history).not.toContain('edge-prod');
    expect(history).toMatch(/^exit=0$/m);
  });
});
