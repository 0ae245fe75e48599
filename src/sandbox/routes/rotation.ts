import type {Ctx, Route} from '../app.js';
import {requireOperator} from '../auth.js';
import {holdStuckRotation, rotationTriggerFault} from '../faults.js';
import {isUuid, uuidv7} from '../ids.js';
import {edgesOf} from '../mesh.js';
import {problem} from '../problems.js';
import {completeDue, estimateSeconds, hasDueRotations, pendingRotation, previewBody} from '../rotation.js';
import {StoreUnavailable, type Row} from '../store.js';

/** Authorises first (node-operate), then settles due rotations, then resolves the Node or 404s. */
async function authorisedNode(ctx: Ctx): Promise<string> {
  const id = ctx.params.id ?? '';
  // ReBAC BEFORE existence, so a viewer cannot use 403-vs-404 as a Node-id oracle.
  requireOperator(ctx.principal(), `node:${id}`, 'node-operate');
  const {store, clock, domain} = ctx.app;
  if (hasDueRotations(store, clock.now())) {
    // Settling is bookkeeping, not the caller's write: while the disk refuses writes the
    // rotation stays pending and the read is still served (a trigger then 503s on its own write).
    await store.mutate(() => completeDue(store, clock.now(), domain.slug)).catch((e: unknown) => {
      if (!(e instanceof StoreUnavailable)) throw e;
    });
  }
  return id;
}

function requireNode(ctx: Ctx, id: string): Row {
  const row = isUuid(id) ? ctx.app.store.get('SELECT id, peer_id FROM nodes WHERE id = ?', [id.toLowerCase()]) : undefined;
  if (!row) throw problem.notFound('node_not_found', 'node id does not match any Node in this Domain.');
  return row;
}

/** POST /v1/nodes/{id}/keys/rotate (idempotent while pending) and its preview. */
export const rotationRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/nodes/{id}/keys/rotate',
    handle: async (ctx) => {
      const id = await authorisedNode(ctx);
      rotationTriggerFault(ctx.app, id);
      const {store, clock} = ctx.app;
      const body = await store.mutate(() => {
        const node = requireNode(ctx, id);
        const nodeId = String(node.id);
        const pending = pendingRotation(store, nodeId);
        if (pending) return {rotation_id: String(pending.id), peer_id: String(node.peer_id), already_pending: true};
        const now = clock.now();
        const rotationId = uuidv7(now);
        const completes = now + estimateSeconds(edgesOf(store, nodeId).length) * 1000;
        store.run(
          `INSERT INTO rotations (id, node_id, peer_id, state, requested_at, completes_at, requested_by)
           VALUES (?, ?, ?, 'pending', ?, ?, ?)`,
          [rotationId, nodeId, node.peer_id, now, completes, ctx.principal().id],
        );
        return {rotation_id: rotationId, peer_id: String(node.peer_id), already_pending: false};
      });
      if (!body.already_pending) await holdStuckRotation(ctx.app, id, body.rotation_id);
      return {status: 200, body};
    },
  },
  {
    method: 'GET',
    path: '/v1/nodes/{id}/keys/rotate/preview',
    handle: async (ctx) => {
      const id = await authorisedNode(ctx);
      return {status: 200, body: previewBody(ctx.app.store, requireNode(ctx, id))};
    },
  },
];
