// Starts the real sandbox control plane in-process on 127.0.0.1:<free port> for tests.
//
//   const sandbox = useSandbox();               // demo seed; one per test file
//   test('…', async () => { const {url, operatorToken, demo} = sandbox(); … });
import {afterAll, beforeAll} from 'vitest';
import {startSandbox, type Sandbox, type SandboxOptions} from '../../src/sandbox/server.js';

export type {DemoFixture, Sandbox, SandboxOptions} from '../../src/sandbox/server.js';

/** Starts a sandbox on loopback and a free port (the caller closes it). */
export function startTestSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({host: '127.0.0.1', port: 0, ...opts});
}

/** One sandbox for the enclosing file or describe block: started in beforeAll, closed in afterAll. */
export function useSandbox(opts: SandboxOptions = {}): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startTestSandbox(opts);
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  return () => {
    if (!sandbox) throw new Error('useSandbox(): the sandbox starts in beforeAll; call the getter inside a test or hook');
    return sandbox;
  };
}
