import {Text} from 'ink';
import {useState} from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {useKeys} from '../../src/hooks/useKeys.js';
import {StatusContext} from '../../src/hooks/useStatus.js';
import {useCopy} from '../../src/screens/TokenCopy.js';
import {clipboardWrites} from '../support/osc52.js';
import {clientFor, renderWith, type Rendered} from '../support/renderApp.js';

const GOOD_ID = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a1';
const BAD_ID = `${GOOD_ID}\r\nrm -rf ~\x1b]52;c;ZXZpbA==\x07`;

let r: Rendered | undefined;
afterEach(() => r?.unmount());

function Copier({id}: {readonly id: string}) {
  const copy = useCopy();
  useKeys(({name}) => name === 'c' && copy.tokenId(id));
  return null;
}

/** A status line of its own: useCopy reports through the status context. */
function WithStatus({id}: {readonly id: string}) {
  const [status, setStatus] = useState('');
  return (
    <StatusContext.Provider value={setStatus}>
      <Copier id={id} />
      <Text>{`status: ${status}`}</Text>
    </StatusContext.Provider>
  );
}

describe('copying a token id', () => {
  it('sends a UUID', async () => {
    r = await renderWith(<WithStatus id={GOOD_ID} />, clientFor('http://127.0.0.1:9', 'pst_x'));
    await r.press('c');
    await r.waitFor(`status: token id ${GOOD_ID} sent to terminal clipboard (OSC 52)`);
    expect(clipboardWrites(r.ttyBytes())).toEqual([GOOD_ID]);
  });

  it('refuses anything else from the server, sanitised in the message, and sends nothing', async () => {
    r = await renderWith(<WithStatus id={BAD_ID} />, clientFor('http://127.0.0.1:9', 'pst_x'));
    await r.press('c');
    const frame = await r.waitFor('status: token id not copied');
    expect(frame).toContain('is not a UUID');
    expect(frame).not.toContain('\x1b]52');
    expect(r.ttyBytes()).toBe('');
  });
});
