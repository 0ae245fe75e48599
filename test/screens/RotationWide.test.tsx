// Wide terminals: the rotation preview's edge columns stop at their natural width instead of stretching.
import {afterEach, describe, expect, it} from 'vitest';
import {renderSizedApp} from '../support/renderSized.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

describe('Rotation preview at 200 columns', () => {
  it('CURRENT KID is as wide as the longest kid, so WRAP sits next to it', async () => {
    const {r, waitFor} = await renderSizedApp(sandbox(), {name: 'rotationPreview', node: 'gw-fra-1'}, 200, 40);
    unmount = r.unmount;
    const frame = await waitFor((f) => f.includes('Affected edges') && f.includes('PEER ID'));
    const lines = frame.split('\n');
    const header = lines.find((l) => l.includes('CURRENT KID') && l.includes('WRAP'))!;
    const kids = lines.filter((l) => /did:|psk/.test(l)).map((l) => /\S*(did:|psk)\S*/.exec(l)![0]);
    expect(kids.length).toBeGreaterThan(0);
    const longest = Math.max(...kids.map((k) => k.length), 'CURRENT KID'.length);
    // The KID column ends at its longest value plus a cell for the sort marker; WRAP follows one space later.
    expect(header.indexOf('WRAP') - header.indexOf('CURRENT KID')).toBeLessThanOrEqual(longest + 2);
    // And the whole table stays together: nothing reaches the far right of the terminal.
    expect(Math.max(...lines.filter((l) => /did:|psk/.test(l)).map((l) => l.trimEnd().length))).toBeLessThan(160);
  });
});
