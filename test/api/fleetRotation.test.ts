// runFleet against the sandbox: event order proves the next wave starts only after the last completed.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createClient, type ApiClient} from '../../src/api/client.js';
import {fleetWaves, marginMs, previewFleet, runFleet, type FleetEvent} from '../../src/api/fleetRotation.js';
import {listAllNodes} from '../../src/api/nodes.js';
import {wavesShareNoEdge} from '../../src/domain/rotationWaves.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();
let c: ApiClient;
let byName = new Map<string, string>();
beforeAll(async () => {
  c = createClient({server: sandbox().url, token: sandbox().operatorToken});
  byName = new Map((await listAllNodes(c)).items.map((n) => [n.name ?? '', n.id]));
});
afterAll(() => c.close());

describe('runFleet', () => {
  it('the demo mesh: 10 Nodes with shared edges rotate in waves that never hold both ends of an edge', async () => {
    const names = ['gw-fra-1', 'gw-ams-1', 'relay-hub-1', ...Array.from({length: 7}, (_, i) => `edge-agent-${String(i + 1).padStart(2, '0')}`)];
    const previews = await previewFleet(c, names.map((n) => byName.get(n) ?? ''));
    const waves = fleetWaves(previews, 4);
    const graph = previews.map((p) => ({id: p.node_id, peers: p.affected_edges.map((e) => e.peer_node_id)}));
    expect(wavesShareNoEdge(waves, graph)).toBe(true);
    expect(waves.flat().sort()).toEqual(previews.map((p) => p.node_id).sort());
    expect(waves.length).toBeGreaterThanOrEqual(3);

    const events: FleetEvent[] = [];
    const timer = setInterval(() => sandbox().advance(5_000), 100);
    const outcomes = await runFleet(c, previews, {waveSize: 4, onEvent: (e) => events.push(e)}).finally(() => clearInterval(timer));
    expect(outcomes.every((o) => o.kind === 'completed')).toBe(true);
    // Every trigger of wave k+1 comes after the last completion of wave k.
    let wave = 0;
    const completedOf = new Map<number, number>();
    for (const e of events) {
      if (e.type === 'wave') {
        if (wave > 0) expect(completedOf.get(wave)).toBe(waves[wave - 1]?.length);
        wave = e.wave;
      } else if (e.type === 'done') completedOf.set(wave, (completedOf.get(wave) ?? 0) + 1);
      else if (e.type === 'triggered') expect(completedOf.get(wave) ?? 0).toBe(0);
    }
    for (const p of await previewFleet(c, previews.map((p) => p.node_id))) expect(p.already_pending).toBe(false);
  }, 60_000);

  it('aborting stops before the next wave; the current one finishes', async () => {
    const ids = [1, 2, 3].map((i) => byName.get(`edge-agent-${String(i + 20).padStart(2, '0')}`) ?? '');
    const previews = await previewFleet(c, ids);
    const ac = new AbortController();
    const timer = setInterval(() => sandbox().advance(5_000), 100);
    const outcomes = await runFleet(c, previews, {waveSize: 1, signal: ac.signal, onEvent: (e) => e.type === 'triggered' && ac.abort()}).finally(() =>
      clearInterval(timer),
    );
    expect(outcomes.map((o) => o.kind)).toEqual(['completed', 'not_started', 'not_started']);
  }, 30_000);

  it('the margin is half the estimate, at least 5 s', () => {
    expect(marginMs(4_000)).toBe(5_000);
    expect(marginMs(60_000)).toBe(30_000);
  });
});
