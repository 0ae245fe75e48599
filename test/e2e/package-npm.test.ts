import {execFile} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSandbox, type Sandbox} from '../../src/sandbox/server.js';

// `npm pack` and `npm install -g ./plexconsole-*.tgz` into a temporary prefix: the package
// installs with nothing fetched (the bundle carries its dependencies) and gives a working
// `plexconsole` on that prefix's PATH.
const ROOT = new URL('../../', import.meta.url).pathname;
const sh = promisify(execFile);
const env = {...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false'};

let sandbox: Sandbox;
let prefix: string;
let files: string[];

beforeAll(async () => {
  sandbox = await startSandbox({port: 0, seed: 'demo'});
  const out = mkdtempSync(join(tmpdir(), 'plexconsole-pack-'));
  // --ignore-scripts: pack what `npm test` just built; `prepare` would rebuild dist/ under other tests.
  const {stdout} = await sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], {cwd: ROOT, env});
  const [packed] = JSON.parse(stdout) as [{filename: string; files: {path: string}[]}];
  files = packed.files.map((f) => f.path);
  prefix = mkdtempSync(join(tmpdir(), 'plexconsole-prefix-'));
  await sh('npm', ['install', '-g', '--offline', '--ignore-scripts', '--prefix', prefix, join(out, packed.filename)], {cwd: out, env});
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
});

describe('npm pack + npm install -g', () => {
  it('the tarball holds the entry, its pieces and their code caches, and not the executable', () => {
    expect(files).toEqual(expect.arrayContaining(['dist/plexconsole.cjs', 'dist/chunks/console.cjs', 'dist/chunks/commands.cjs', 'dist/chunks/sandbox.cjs', 'dist/chunks/sql-wasm.wasm', 'dist/chunks/yoga.wasm', 'package.json']));
    expect(files.filter((f) => /plexconsole-(linux|darwin|win32)-|SHA256SUMS/.test(f))).toEqual([]);
  });

  it('puts a working plexconsole on the prefix PATH: --version and a verb against the sandbox', async () => {
    const path = `${join(prefix, 'bin')}:${process.env['PATH'] ?? ''}`;
    const version = await sh('plexconsole', ['--version'], {env: {...process.env, PATH: path}});
    expect(version.stdout).toMatch(/^plexconsole \d+\.\d+\.\d+/);
    const who = await sh('plexconsole', ['whoami', '--server', sandbox.url, '--token-file', sandbox.tokenFiles.operator, '--output', 'json'], {
      env: {...process.env, PATH: path, PLEXCONSOLE_DEBUG_PIECES: '1'},
    });
    expect(JSON.parse(who.stdout)).toMatchObject({email: 'operator@demo.plexsphere.test'});
    // Installed by the Node that built it, so the shipped code cache is used.
    expect(who.stderr).toMatch(/piece commands: code cache accepted/);
  });
});
