// The sandbox as its own process for the bench (its CPU and memory stay out of the figures
// of whatever it serves): `plexconsole sandbox --port 0 --seed SEED`, ready once it has
// printed its URL and operator token file. Its output is drained for as long as it runs: a
// pipe nobody reads would block it.
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';

/** Resolves with {url, tokenFile, token, seedMs, stop()} once the sandbox listens. */
export function startSandboxProcess(binary, {seed = 'scale', timeoutMs = 180_000} = {}) {
  const child = spawn(process.execPath, [binary, 'sandbox', '--port', '0', '--seed', seed], {stdio: ['ignore', 'pipe', 'pipe']});
  const t0 = performance.now();
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err = (err + d).slice(-4096)));
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), fail(new Error(`sandbox did not start in ${timeoutMs / 1000} s: ${err}`))), timeoutMs);
    const onData = (d) => {
      out += d;
      const url = /listening on (\S+)/.exec(out)?.[1];
      const tokenFile = /operator token: (\S+)/.exec(out)?.[1];
      if (!url || !tokenFile) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stdout.resume();
      ok({url, tokenFile, token: readFileSync(tokenFile, 'utf8').trim(), seedMs: performance.now() - t0, stop});
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => (clearTimeout(timer), fail(new Error(`sandbox exited ${code}: ${err}`))));
  });
}
