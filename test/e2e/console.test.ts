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

  it('revoking the selected live token asks, then marks it revoked', async () => {
    const p = await open(['--project', 'edge-prod'], {columns: 100, rows: 30});
    await p.waitFor(/live \d+/);
    await p.keys('f'); // STATE filter: live
    await p.waitFor(/STATE:? *live|state: live|filter: live/i);
    await p.keys('x');
    await p.waitFor(/Revoke bootstrap token\?/);
    await p.keys('y');
    await p.waitFor(/revoked/);
    await p.waitFor(/Token .* revoked/);
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
