import {Text} from 'ink';
import {useEffect, useState} from 'react';
import {describe, expect, it} from 'vitest';
import {barTickMs, isOverdue, nextPollDelayMs, progressFraction, recallRotation} from '../../src/hooks/rotationProgress.js';
import {useRotationProgress, useRotationTrigger, type TriggerOutcome} from '../../src/hooks/useRotation.js';
import {clientFor, renderWith} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';
import {dropConnection, json, startFaultServer} from '../support/faultServer.js';

const sandbox = useSandbox();
const operator = () => clientFor(sandbox().url, sandbox().operatorToken);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('rotation progress helpers', () => {
  it('polls a few times before the estimate, just after it, then every 2 s, backing off when long overdue', () => {
    expect(nextPollDelayMs(0, 4_000)).toBe(2_000);
    expect(nextPollDelayMs(3_000, 4_000)).toBe(1_250);
    expect(nextPollDelayMs(0, 60_000)).toBe(15_000);
    expect(nextPollDelayMs(5_000, 4_000)).toBe(2_000);
    expect(nextPollDelayMs(4_000 + 30_000, 4_000)).toBe(5_000);
    expect(nextPollDelayMs(4_000 + 120_000, 4_000)).toBe(10_000);
  });

  it('holds the bar at 99 % until completion is observed', () => {
    expect(progressFraction(2_000, 4_000, false)).toBe(0.5);
    expect(progressFraction(60_000, 4_000, false)).toBe(0.99);
    expect(progressFraction(1_000, 4_000, true)).toBe(1);
    expect(progressFraction(0, 0, false)).toBe(0.99);
  });

  it('calls a rotation overdue only well past its estimate, and repaints at cell granularity', () => {
    expect(isOverdue(6_000, 4_000)).toBe(false);
    expect(isOverdue(12_000, 4_000)).toBe(true);
    expect(barTickMs(4_000)).toBe(500);
    expect(barTickMs(600_000)).toBe(1_000);
  });
});

function TriggerTwice({nodeId}: {readonly nodeId: string}) {
  const trigger = useRotationTrigger();
  const [out, setOut] = useState<TriggerOutcome[]>();
  useEffect(() => {
    // A double Enter: two calls while the first POST is in flight share it.
    void Promise.all([trigger(nodeId, 1), trigger(nodeId, 1)]).then(setOut);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  if (!out) return <Text>waiting</Text>;
  return <Text>{out.map((o) => (o.ok ? `ok rotation=${o.handoff.handle.rotation_id} pending=${o.handoff.handle.already_pending}` : `error ${o.error.code}`)).join('\n')}</Text>;
}

function Progress({nodeId, estimate}: {readonly nodeId: string; readonly estimate: number}) {
  const p = useRotationProgress(nodeId, estimate);
  const w = p.watch;
  return <Text>{w.status === 'done' ? `done peers=${w.preview.affected_peer_count}` : w.status === 'error' ? `error ${w.error.code}` : 'running'} handoff={p.handoff ? 'yes' : 'no'}</Text>;
}

describe('useRotationTrigger and useRotationProgress', () => {
  it('POSTs once for calls that overlap, and hands the answer to the result screen', async () => {
    const {id} = await sandbox().addNode({name: 'hook-once', edges: 1});
    const r = await renderWith(<TriggerTwice nodeId={id} />, operator());
    const frame = await r.waitFor('ok');
    const [first, second] = frame.split('\n');
    expect(first).toMatch(/ok rotation=[0-9a-f-]{36} pending=false/);
    expect(second).toBe(first);
    expect(recallRotation(id)?.handle.already_pending).toBe(false);
    r.unmount();
  });

  it('watches until the preview is no longer pending, then goes idle', async () => {
    const {id} = await sandbox().addNode({name: 'hook-watch', edges: 2});
    const t = await renderWith(<TriggerTwice nodeId={id} />, operator());
    await t.waitFor('ok');
    t.unmount();
    const r = await renderWith(<Progress nodeId={id} estimate={4} />, operator());
    expect(r.lastFrame()).toContain('running handoff=yes');
    sandbox().advance(5_000);
    expect(await r.waitFor('done', 8_000)).toContain('done peers=2');
    // Idle means silent: no timer repaints once completion has been observed (a tick already
    // queued when it was may still land, so count from a moment later).
    await sleep(300);
    const frames = r.frames.length;
    await sleep(1_200);
    expect(r.frames.length).toBe(frames);
    r.unmount();
  });

  it('reports a failed poll as the error state', async () => {
    const r = await renderWith(<Progress nodeId="01900000-0000-7000-8000-000000000000" estimate={0} />, operator());
    expect(await r.waitFor('error', 8_000)).toContain('error node_not_found handoff=no');
    r.unmount();
  });
});

function TriggerOnce({nodeId}: {readonly nodeId: string}) {
  const trigger = useRotationTrigger();
  const [out, setOut] = useState<TriggerOutcome>();
  useEffect(() => {
    void trigger(nodeId, 0).then(setOut);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  if (!out) return <Text>waiting</Text>;
  return <Text>{out.ok ? 'ok' : `error ${out.error.title}: ${out.error.detail}`}</Text>;
}

describe('useRotationTrigger after a lost answer', () => {
  const NODE = '0190a8b8-b1c1-7b1b-8b1b-b1b1b1b1b1b1';
  const ROTATE = `/v1/nodes/${NODE}/keys/rotate`;
  it('does not re-send the POST; it reads the preview and says a pending rotation may be the one just sent', async () => {
    const fault = await startFaultServer();
    fault.route('POST', ROTATE, dropConnection());
    fault.route('GET', `${ROTATE}/preview`, json(200, {node_id: NODE, peer_id: NODE, affected_peer_count: 0, affected_edges: [], already_pending: true, estimated_duration_seconds: 5}));
    const client = clientFor(fault.url, 'lost-answer-bearer');
    const r = await renderWith(<TriggerOnce nodeId={NODE} />, client);
    try {
      const frame = await r.waitFor('error');
      expect(frame).toMatch(/^error connection failed: .*; a rotation is pending; it may be the one just sent$/);
      expect(fault.hits('POST', ROTATE)).toBe(1);
      expect(recallRotation(NODE)).toBeUndefined();
    } finally {
      r.unmount();
      await client.close();
      await fault.close();
    }
  });
});
