// The fault seam: a test can make one Node's rotation fail midway against the real sandbox.
import {PassThrough} from 'node:stream';
import {afterEach, describe, expect, test} from 'vitest';
import {runSandbox} from '../../src/sandbox/cli.js';
import {useSandbox} from '../support/sandbox.js';
import {client} from './http.js';

const sandbox = useSandbox();
const op = client(() => sandbox().url, () => sandbox().operatorToken);
const rotate = (id: string) => op('POST', `/v1/nodes/${id}/keys/rotate`);
const preview = (id: string) => op('GET', `/v1/nodes/${id}/keys/rotate/preview`);
const node = (name: string) => sandbox().demo!.nodes[name]!;
afterEach(() => sandbox().faults.clear());

describe('rotation faults', () => {
  test('a 500 fault answers the trigger with that Problem and records nothing', async () => {
    const id = node('gw-fra-1');
    sandbox().faults.failRotation(id, '500');
    const r = await rotate(id);
    expect([r.status, r.body.code]).toEqual([500, 'internal']);
    expect((await preview(id)).body.already_pending).toBe(false);
  });

  test('a fault armed by name hits only that Node', async () => {
    sandbox().faults.failRotation('worker-ams-1', '500');
    expect((await rotate(node('worker-ams-1'))).status).toBe(500);
    expect((await rotate(node('vm-lab-1'))).status).toBe(200);
  });

  test('a stuck rotation stays pending long past its estimate; unarmed ones complete', async () => {
    const stuck = node('gw-ams-1');
    const fine = node('vm-fra-web-1');
    sandbox().faults.failRotation(stuck, 'stuck');
    expect((await rotate(stuck)).body.already_pending).toBe(false);
    expect((await rotate(fine)).body.already_pending).toBe(false);
    const estimate = (await preview(stuck)).body.estimated_duration_seconds as number;
    sandbox().advance((estimate + 3600) * 1000);
    expect((await preview(stuck)).body.already_pending).toBe(true);
    expect((await preview(fine)).body.already_pending).toBe(false);
  });
});

describe('plexconsole sandbox --fail-rotation', () => {
  test('a malformed spec exits 2 with the usage', async () => {
    const stderr = new PassThrough();
    let text = '';
    stderr.on('data', (c: Buffer) => (text += c.toString()));
    const code = await runSandbox(['--port', '0', '--fail-rotation', 'gw-fra-1=boom'], {stdout: new PassThrough(), stderr, env: {}});
    expect(code).toBe(2);
    expect(text).toContain('--fail-rotation wants NODE[=500|stuck], got "gw-fra-1=boom"');
  });
});
