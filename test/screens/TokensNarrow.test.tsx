import {afterEach, describe, expect, it} from 'vitest';
import type {Route} from '../../src/hooks/navigation.js';
import {renderSizedApp} from '../support/renderSized.js';
import {useSandbox} from '../support/sandbox.js';
import {tableLines} from './tokenTestKit.js';

const sandbox = useSandbox();
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());
const renderSized = async (route: Route, columns: number, rows: number) => {
  const sized = await renderSizedApp(sandbox(), route, columns, rows);
  unmount = sized.r.unmount;
  return sized;
};

const widest = (frame: string) => Math.max(...frame.split('\n').map((l) => [...l].length));

describe('Tokens at narrow terminals', () => {
  it('80×24: every column fits, the ID is whole, the frame is shorter than the terminal', async () => {
    const {r, waitFor} = await renderSized({name: 'tokens', project: 'edge-prod'}, 80, 24);
    const frame = await waitFor((f) => f.includes('120 tokens') && widest(f) <= 80);
    expect(frame.split('\n').length).toBeLessThan(24);
    expect(widest(frame)).toBeLessThanOrEqual(80);
    const header = frame.split('\n').find((l) => l.includes('STATE'))!;
    for (const col of ['ID', 'ENV', 'KIND', 'ISSUED', 'EXPIRES', 'STATE']) expect(header).toContain(col);
    expect(tableLines(frame)[0]).toMatch(/^> [0-9a-f-]{36} /);
    r.stdin.write('n');
    const form = await waitFor((f) => f.includes('Issue a bootstrap token'));
    expect(form.split('\n').length).toBeLessThan(24);
    expect(widest(form)).toBeLessThanOrEqual(80);
  });

  it('50 columns: low-priority columns go, the ID truncates with …, STATE stays', async () => {
    const {waitFor} = await renderSized({name: 'tokens', project: 'edge-prod'}, 50, 24);
    const frame = await waitFor((f) => f.includes('120 tokens │') && widest(f) <= 50);
    const header = frame.split('\n').find((l) => l.includes('STATE'))!;
    expect(header).not.toContain('ISSUED');
    const first = tableLines(frame)[0]!;
    expect(first).toContain('…');
    expect(first).toMatch(/(live|expired|consumed|revoked)\s*$/);
  });

  it('200 columns: absolute UTC times and the issuer join the relative ones', async () => {
    const {waitFor} = await renderSized({name: 'tokens', project: 'edge-prod'}, 200, 40);
    const frame = await waitFor((f) => f.includes('120 tokens') && f.includes('ISSUED BY'));
    const header = frame.split('\n').find((l) => l.includes('STATE'))!;
    for (const col of ['ISSUED AT (UTC)', 'EXPIRES AT (UTC)', 'ISSUED BY']) expect(header).toContain(col);
    expect(tableLines(frame)[0]).toMatch(/ 20\d\d-\d\d-\d\d \d\d:\d\dZ /);
  });
});
