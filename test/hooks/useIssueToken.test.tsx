import {Text} from 'ink';
import {useEffect, useState} from 'react';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {useIssueToken} from '../../src/hooks/useIssueToken.js';
import {useKeys} from '../../src/hooks/useKeys.js';
import {delay, json, startFaultServer, type FaultServer} from '../support/faultServer.js';
import {clientFor, renderWith, type Rendered} from '../support/renderApp.js';

const P = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a0';
const POST = `/v1/projects/${P}/bootstrap-tokens`;
const REQUEST = {kind: 'node', env_prefix: 'prod', ttl_seconds: 3600} as const;

let fault: FaultServer;
let r: Rendered | undefined;
beforeAll(async () => {
  fault = await startFaultServer();
});
afterAll(() => fault.close());
afterEach(() => {
  r?.unmount();
  fault.reset();
});

/** Answers slowly enough that a second submit lands while the first is in flight; ids count up. */
function slowIssue(): void {
  fault.route('POST', POST, (req, res, ctx) => {
    const id = `0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0b${ctx.n}`;
    const body = {token_id: id, token: `psb_prod_abc_node_${'a'.repeat(20)}`, issued_at: '2026-01-01T00:00:00Z', expires_at: '2099-01-01T00:00:00Z'};
    return delay(300, json(201, body))(req, res, ctx);
  });
}

/** Submits twice in one go on mount; `s` submits once more. Shows what each call returned. */
function Probe() {
  const issue = useIssueToken();
  const [returned, setReturned] = useState<boolean[]>([]);
  useEffect(() => setReturned([issue.submit(P, REQUEST), issue.submit(P, REQUEST)]), []); // eslint-disable-line react-hooks/exhaustive-deps
  useKeys(({name}) => {
    if (name === 's') setReturned((prev) => [...prev, issue.submit(P, REQUEST)]);
  });
  const shown = issue.status === 'issued' ? `issued ${issue.issued.token_id}` : issue.status;
  return <Text>{`${shown} returned=${returned.join(',')}`}</Text>;
}

describe('useIssueToken', () => {
  it('a second submit while one is in flight sends nothing and returns false', async () => {
    slowIssue();
    r = await renderWith(<Probe />, clientFor(fault.url, 'pst_test_token'));
    await r.waitFor('submitting returned=true,false');
    // Another submit after a render, still in flight.
    await r.press('s');
    await r.waitFor('submitting returned=true,false,false');
    const frame = await r.waitFor((f) => f.startsWith('issued'));
    expect(frame).toBe('issued 0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0b0 returned=true,false,false');
    expect(fault.hits('POST', POST)).toBe(1);
    // Once the answer is in, the guard lets the operator's next submit through.
    await r.press('s');
    await r.waitFor('issued 0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0b1 returned=true,false,false,true');
    expect(fault.hits('POST', POST)).toBe(2);
  });
});
