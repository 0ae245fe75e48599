import {execFile, spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/**
 * What a bastion host gives a copied binary: an environment with no `node` anywhere on the
 * PATH (an empty directory is the whole PATH), a HOME of its own, a terminal type.
 */
export function bastionEnv(extra: Record<string, string> = {}): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'plexconsole-bastion-home-'));
  const bin = mkdtempSync(join(tmpdir(), 'plexconsole-bastion-path-'));
  return {PATH: bin, HOME: home, TERM: 'xterm-256color', LANG: 'C.UTF-8', ...extra};
}

/** True when `node` can be found from `env`'s PATH. */
export function nodeOnPath(env: Record<string, string>): boolean {
  return spawnSync('/bin/sh', ['-c', 'command -v node'], {env}).status === 0;
}

export type Run = {readonly code: number; readonly stdout: string; readonly stderr: string};

/** Runs `bin args…` with exactly `env` (nothing inherited) and collects its output. */
export function run(bin: string, args: string[], env: Record<string, string>, stdin = ''): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(bin, args, {env, encoding: 'utf8', timeout: 60_000}, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({code, stdout, stderr});
    });
    child.stdin?.end(stdin);
  });
}

export type ServedSandbox = {readonly url: string; readonly dataDir: string; readonly child: ChildProcess; stop(): Promise<void>};

/** `bin sandbox --port 0 --data-dir DIR`: the sandbox the binary itself serves, on loopback. */
export async function serveSandbox(bin: string, env: Record<string, string>): Promise<ServedSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plexconsole-bastion-data-'));
  const child = spawn(bin, ['sandbox', '--port', '0', '--data-dir', dataDir], {env, stdio: ['ignore', 'pipe', 'pipe']});
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox did not start: ${err}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited ${code}: ${err}`)));
  });
  return {
    url,
    dataDir,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
