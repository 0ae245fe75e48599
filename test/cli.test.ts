import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {BINARY} from './e2e/support/tmux.js';

// The built binary's entry point, run the way a script or CI job would (no terminal).
function run(args: string[]) {
  return spawnSync(process.execPath, [BINARY, ...args], {encoding: 'utf8', input: '', timeout: 20_000});
}

describe('plexconsole entry point', () => {
  it('without a terminal and without a command prints usage on stderr and exits 2, never hangs', () => {
    const r = run([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('the console needs a terminal');
    expect(r.stderr).toContain('bootstrap-token issue');
  });

  it('--version prints the version', () => {
    const r = run(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^plexconsole \d+\.\d+\.\d+/);
  });

  it('an unknown console flag exits 2 with a message', () => {
    const r = run(['--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/frobnicate/);
  });

  it('--help lists the console flags and the commands on stdout', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--demo');
    expect(r.stdout).toContain('key rotate');
  });
});
