import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import type {RotationProgressState} from '../../src/hooks/useRotation.js';
import {progressBar, RotationResultView} from '../../src/screens/RotationResultScreen.js';

const NODE = '01900000-0000-7000-8000-0000000000a1';
const base: RotationProgressState = {
  watch: {status: 'running'},
  handoff: {nodeId: NODE, handle: {rotation_id: '01900000-0000-7000-8000-0000000000c1', peer_id: '01900000-0000-7000-8000-0000000000b1', already_pending: false}, status: 200, triggeredAt: 0, edgeCount: 3},
  elapsedMs: 2_000,
  estimateMs: 4_000,
  retry: () => {},
};
const view = (progress: Partial<RotationProgressState>) =>
  render(<RotationResultView nodeId={NODE} nodeLabel="gw-fra-1" progress={{...base, ...progress}} width={80} />).lastFrame() ?? '';

describe('Rotation result view', () => {
  it('sizes the bar by the estimate and says how far along it is, in words too', () => {
    const frame = view({});
    expect(frame).toContain(`${progressBar(0.5, 40)}  50 % · 2s of ~4s`);
    expect(frame).toContain('a new rotation was started');
    expect(frame).toContain('waiting for the node to report its new key');
  });

  it('says so when the rotation runs long past its estimate, with the bar held at 99 %', () => {
    const frame = view({elapsedMs: 20_000});
    expect(frame).toContain(' 99 % · 20s of ~4s');
    expect(frame).toContain('Taking longer than the estimated 4s (20s so far)');
  });

  it('shows a polling error with what to press', () => {
    const frame = view({watch: {status: 'error', error: {status: 503, title: 'Service Unavailable', detail: 'authz down', code: 'authz_unavailable', kind: 'http'} as never}});
    expect(frame).toContain('✗ Checking the rotation failed: 503 Service Unavailable');
    expect(frame).toContain('code: authz_unavailable');
    expect(frame).toContain('r retry');
  });

  it('without a handoff (not triggered here) it still watches, with — for the unknown ids', () => {
    const frame = view({handoff: undefined});
    expect(frame).toMatch(/rotation id\s+—/);
    expect(frame).toContain('not by this console session');
  });

  it('an already-pending rotation does not claim the bar counts from its start: it counts from the confirm', () => {
    const pending = {...base.handoff!, handle: {...base.handoff!.handle, already_pending: true}};
    const frame = view({handoff: pending}).replace(/\n/g, ' ');
    expect(frame).toContain('ALREADY PENDING');
    expect(frame).not.toContain('counts from then');
    expect(frame).toMatch(/bar \(which counts from\s+your confirm\)/);
  });
});
