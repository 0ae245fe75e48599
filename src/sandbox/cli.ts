import type {Writable} from 'node:stream';
import {parseArgs} from 'node:util';
import {ROTATION_FAULTS, type RotationFault} from './faults.js';
import {startSandbox} from './server.js';
import type {SeedName} from './seed.js';

export type SandboxIo = {stdout: Writable; stderr: Writable; env: NodeJS.ProcessEnv};

const USAGE =
  'usage: plexconsole sandbox [--host 127.0.0.1] [--port 8080] [--data-dir DIR] [--seed demo|empty|scale]\n' +
  '                           [--fail-rotation NODE[=500|stuck]]...   (NODE: name or id; for tests)\n';
const SEEDS: readonly SeedName[] = ['demo', 'empty', 'scale'];

/** The first SIGINT or SIGTERM; `cancel` removes both listeners without one arriving. */
function untilSignal(): {signalled: Promise<void>; cancel(): void} {
  let cancel = () => undefined as void;
  const signalled = new Promise<void>((done) => {
    const on = () => {
      cancel();
      done();
    };
    cancel = () => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
  return {signalled, cancel};
}

/**
 * `plexconsole sandbox …`: runs the sandbox until SIGINT/SIGTERM and resolves with the exit
 * code (0 clean stop, 1 could not start, 2 bad flags). Never calls process.exit: src/cli.ts does.
 */
export async function runSandbox(argv: string[], io: SandboxIo): Promise<number> {
  let values;
  try {
    ({values} = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        host: {type: 'string', default: '127.0.0.1'},
        port: {type: 'string', default: '8080'},
        'data-dir': {type: 'string'},
        seed: {type: 'string', default: 'demo'},
        help: {type: 'boolean', short: 'h', default: false},
        'fail-rotation': {type: 'string', multiple: true, default: []},
      },
    }));
  } catch (e) {
    io.stderr.write(`plexconsole sandbox: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const port = /^[0-9]{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!(port >= 0 && port <= 65_535)) {
    io.stderr.write(`plexconsole sandbox: --port must be an integer in [0, 65535], got "${values.port}"\n${USAGE}`);
    return 2;
  }
  if (!SEEDS.includes(values.seed as SeedName)) {
    io.stderr.write(`plexconsole sandbox: --seed must be one of ${SEEDS.join(', ')}, got "${values.seed}"\n${USAGE}`);
    return 2;
  }
  const faults: [string, RotationFault][] = [];
  for (const spec of values['fail-rotation']) {
    const [node = '', fault = '500'] = spec.split('=');
    if (node === '' || !ROTATION_FAULTS.includes(fault as RotationFault)) {
      io.stderr.write(`plexconsole sandbox: --fail-rotation wants NODE[=${ROTATION_FAULTS.join('|')}], got "${spec}"\n${USAGE}`);
      return 2;
    }
    faults.push([node, fault as RotationFault]);
  }
  // Registered before the (possibly slow, for --seed scale) start so an early Ctrl-C is not lost.
  const {signalled, cancel} = untilSignal();
  let sandbox;
  try {
    sandbox = await startSandbox({host: values.host, port, dataDir: values['data-dir'], seed: values.seed as SeedName});
  } catch (e) {
    io.stderr.write(`plexconsole sandbox: cannot start: ${(e as Error).message}\n`);
    cancel();
    return 1;
  }
  for (const [node, fault] of faults) sandbox.faults.failRotation(node, fault);
  io.stdout.write(`listening on ${sandbox.url}\n`);
  io.stdout.write(`operator token: ${sandbox.tokenFiles.operator}\n`);
  io.stdout.write(`viewer token: ${sandbox.tokenFiles.viewer}\n`);
  await signalled;
  await sandbox.close();
  return 0;
}
