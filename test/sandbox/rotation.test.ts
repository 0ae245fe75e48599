import {describe, expect, test} from 'vitest';
import {useSandbox} from '../support/sandbox.js';
import {client} from './http.js';

const sandbox = useSandbox();
const op = client(() => sandbox().url, () => sandbox().operatorToken);
const viewer = client(() => sandbox().url, () => sandbox().viewerToken);
const MISSING = '01900000-0000-7000-8000-00000000dead';
const rotate = (id: string, who = op) => who('POST', `/v1/nodes/${id}/keys/rotate`);
const preview = (id: string, who = op) => who('GET', `/v1/nodes/${id}/keys/rotate/preview`);

describe('authorisation before existence', () => {
  test.each([['an existing Node', () => sandbox().demo!.nodes['gw-fra-1']!], ['an unknown Node', () => MISSING], ['a malformed id', () => 'nope']])(
    'the viewer gets 403 PermissionDenied on trigger and preview for %s',
    async (_what, id) => {
      for (const r of [await rotate(id(), viewer), await preview(id(), viewer)]) {
        expect(r.status).toBe(403);
        expect(r.body).toMatchObject({code: 'permission_denied', reason: 'insufficient_relation'});
        expect(r.body.relation_path[0]).toBe(`node:${id()}#node-operate`);
        expect(r.body.correlation_id).toMatch(/^[0-9a-f-]{36}$/);
      }
    },
  );

  test('the operator gets 404 node_not_found for an unknown or malformed id', async () => {
    for (const id of [MISSING, 'nope']) {
      for (const r of [await rotate(id), await preview(id)]) expect([r.status, r.body.code]).toEqual([404, 'node_not_found']);
    }
  });
});

describe('preview', () => {
  test('lists every edge with count, kid and wrap version, and does not mutate', async () => {
    const {manyEdgesNodeId, manyEdgesCount} = sandbox().demo!;
    const r = await preview(manyEdgesNodeId);
    expect(r.status).toBe(200);
    expect(r.body.node_id).toBe(manyEdgesNodeId);
    expect(r.body.affected_edges).toHaveLength(manyEdgesCount);
    expect(r.body.affected_peer_count).toBe(r.body.affected_edges.length);
    expect(manyEdgesCount).toBeGreaterThanOrEqual(24);
    expect(r.body.already_pending).toBe(false);
    expect(r.body.estimated_duration_seconds).toBe(Math.ceil(3 + 0.2 * manyEdgesCount));
    expect((await preview(manyEdgesNodeId)).body).toEqual(r.body);
  });

  test('the seeded pending rotation shows already_pending, and triggering returns it', async () => {
    const id = sandbox().demo!.pendingRotationNodeId;
    expect((await preview(id)).body.already_pending).toBe(true);
    const t = await rotate(id);
    expect(t.body.already_pending).toBe(true);
  });
});

describe('trigger', () => {
  test('is idempotent while pending, mirrors the preview’s peer_id, and completes after the estimate', async () => {
    const {id} = await sandbox().addNode({name: 'rot-1', kind: 'vm', edges: 5});
    const before = await preview(id);
    expect(before.body.affected_peer_count).toBe(5);
    const first = await rotate(id);
    expect(first.status).toBe(200);
    expect(first.body.already_pending).toBe(false);
    expect(first.body.peer_id).toBe(before.body.peer_id);
    const second = await rotate(id);
    expect(second.body).toEqual({...first.body, already_pending: true});
    const during = await preview(id);
    expect(during.body.already_pending).toBe(true);
    expect(during.body.peer_id).toBe(first.body.peer_id);

    sandbox().advance((before.body.estimated_duration_seconds - 1) * 1000);
    expect((await preview(id)).body.already_pending).toBe(true);
    sandbox().advance(1000);
    const after = await preview(id);
    expect(after.body.already_pending).toBe(false);
    const old = new Map(before.body.affected_edges.map((e: {peer_node_id: string}) => [e.peer_node_id, e]));
    for (const e of after.body.affected_edges) {
      const was = old.get(e.peer_node_id) as {current_kid: string; current_wrap_key_version: number};
      expect(e.current_wrap_key_version).toBe(was.current_wrap_key_version + 1);
      expect(e.current_kid).not.toBe(was.current_kid);
    }
    const next = await rotate(id);
    expect(next.body.already_pending).toBe(false);
    expect(next.body.rotation_id).not.toBe(first.body.rotation_id);
    expect(next.body.peer_id).toBe(first.body.peer_id);
  });

  test('completing one Node’s rotation advances the shared edge seen from its peer too', async () => {
    const a = await sandbox().addNode({name: 'rot-a', edges: 1});
    const peer = (await preview(a.id)).body.affected_edges[0].peer_node_id as string;
    const seen = async () => ((await preview(peer)).body.affected_edges as {peer_node_id: string; current_wrap_key_version: number}[]).find((e) => e.peer_node_id === a.id)!;
    const v = (await seen()).current_wrap_key_version;
    const t = await rotate(a.id);
    expect(t.body.already_pending).toBe(false);
    sandbox().advance(60_000);
    expect((await seen()).current_wrap_key_version).toBe(v + 1);
  });
});
