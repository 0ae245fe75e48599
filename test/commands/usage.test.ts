import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {isCommand, usage} from '../../src/commands/index.js';
import {VERSION} from '../../src/version.js';
import {run} from './fixtures/harness.js';

const VERBS = [
  ['bootstrap-token', 'issue'],
  ['bootstrap-token', 'list'],
  ['bootstrap-token', 'get'],
  ['bootstrap-token', 'revoke'],
  ['key', 'rotate'],
  ['whoami'],
];

describe('help', () => {
  it.each(VERBS.map((v) => [v.join(' '), v]))('%s --help prints its synopsis on stdout and exits 0', async (_n, v) => {
    for (const flag of ['--help', '-h']) {
      const r = await run([...v, flag]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(`plexconsole ${v.join(' ')}`);
      expect(r.stdout).toContain('--output text|json|yaml');
      expect(r.stdout).toContain('--reveal-secrets');
    }
  });

  it('help wins over otherwise invalid flags, as in cobra', async () => {
    const r = await run(['bootstrap-token', 'issue', '--ttl', 'forever', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--env-prefix STR');
  });

  it('help COMMAND is the same text as COMMAND --help', async () => {
    const a = await run(['help', 'key', 'rotate']);
    const b = await run(['key', 'rotate', '--help']);
    expect(a).toEqual(b);
  });

  it('a group with --help lists its subcommands', async () => {
    const r = await run(['bootstrap-token', '--help']);
    expect(r.code).toBe(0);
    for (const s of ['issue', 'list', 'get', 'revoke']) expect(r.stdout).toContain(`bootstrap-token ${s}`);
  });

  it('no command prints usage on stderr and exits 2; --help prints it on stdout', async () => {
    const bare = await run([]);
    expect(bare).toEqual({code: 2, stdout: '', stderr: usage()});
    const help = await run(['--help']);
    expect(help).toEqual({code: 0, stdout: usage(), stderr: ''});
  });

  it('usage lists every verb, the persistent flags and the exit codes', () => {
    const u = usage();
    for (const v of VERBS) expect(u).toContain(v.join(' '));
    for (const f of ['--server', '--profile', '--token-file', '--yes', '--timeout', '--ca-file', '--allow-insecure-http']) {
      expect(u).toContain(f);
    }
    expect(u).toContain('77');
  });

  it('an unknown command exits 2 with one line', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^plexconsole: unknown command "frobnicate".*--help'\)\n$/);
  });
});

describe('version', () => {
  it('--version and version print plexconsole <semver>', async () => {
    expect(await run(['--version'])).toEqual({code: 0, stdout: `plexconsole ${VERSION}\n`, stderr: ''});
    expect(await run(['version'])).toEqual({code: 0, stdout: `plexconsole ${VERSION}\n`, stderr: ''});
  });
});

describe('isCommand', () => {
  it('claims the headless verbs, also after leading flags, and a bare --version', () => {
    for (const v of [...VERBS, ['completion', 'bash'], ['version'], ['help'], ['key', '--help']]) expect(isCommand(v)).toBe(true);
    expect(isCommand(['--server', 'https://x', 'whoami'])).toBe(true);
    expect(isCommand(['--version'])).toBe(true);
  });

  it('leaves the console, its --help and other subcommands to cli.ts', () => {
    expect(isCommand([])).toBe(false);
    expect(isCommand(['-h'])).toBe(false);
    expect(isCommand(['--server', 'https://x'])).toBe(false);
    expect(isCommand(['sandbox'])).toBe(false);
    expect(isCommand(['--demo'])).toBe(false);
  });
});

describe('completion', () => {
  it('bash script is valid bash and completes verbs and flags', async () => {
    const r = await run(['completion', 'bash']);
    expect(r.code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'plexconsole-completion-'));
    const file = join(dir, 'plexconsole.bash');
    writeFileSync(file, r.stdout);
    execFileSync('bash', ['-n', file]);
    const complete = (line: string): string[] => {
      const words = line.split(' ');
      const script =
        `source ${file}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); ` +
        `COMP_CWORD=${words.length - 1}; _plexconsole; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return execFileSync('bash', ['-c', script], {encoding: 'utf8'}).split('\n').filter(Boolean);
    };
    expect(complete('plexconsole boot')).toEqual(['bootstrap-token']);
    expect(complete('plexconsole bootstrap-token ')).toEqual(['issue', 'list', 'get', 'revoke']);
    expect(complete('plexconsole --server https://x bootstrap-token issue --k')).toEqual(['--kind']);
    expect(complete('plexconsole bootstrap-token issue --kind ')).toEqual(['node', 'bridge']);
    expect(complete('plexconsole key rotate --output y')).toEqual(['yaml']);
    expect(complete('plexconsole key rotate --d')).toEqual(['--dry-run']);
    expect(complete('plexconsole completion ')).toEqual(['bash', 'zsh', 'fish']);
  });

  it('zsh and fish scripts name every verb and flag', async () => {
    for (const shell of ['zsh', 'fish']) {
      const r = await run(['completion', shell]);
      expect(r.code).toBe(0);
      for (const w of ['bootstrap-token', 'issue', 'revoke', 'rotate', 'whoami', 'env-prefix', 'dry-run', 'token-file']) {
        expect(r.stdout).toContain(w);
      }
    }
    expect((await run(['completion', 'zsh'])).stdout).toMatch(/^#compdef plexconsole\n/);
  });

  it('an unknown shell exits 2', async () => {
    const r = await run(['completion', 'powershell']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bash, zsh, fish');
  });
});
