import {edgesOf, kidFor} from './mesh.js';
import type {Row, Store} from './store.js';

/** Small on purpose: 3 s plus 0.2 s per edge, so a demo rotation completes while you watch. */
export function estimateSeconds(edgeCount: number): number {
  return Math.ceil(3 + 0.2 * edgeCount);
}

/** The pending rotation row of a Node, if any. */
export function pendingRotation(store: Store, nodeId: string): Row | undefined {
  return store.get("SELECT * FROM rotations WHERE node_id = ? AND state = 'pending'", [nodeId]);
}

/** True when some pending rotation's estimate has elapsed (so `completeDue` has work). */
export function hasDueRotations(store: Store, now: number): boolean {
  return store.get("SELECT 1 AS due FROM rotations WHERE state = 'pending' AND completes_at <= ? LIMIT 1", [now]) !== undefined;
}

/**
 * Completes every pending rotation whose estimate has elapsed: the Node "reported" its new key,
 * so each of its edges gets a fresh PSK (new kid, wrap version + 1). Evaluated lazily against
 * the clock, so tests move time instead of sleeping. Call inside a transaction.
 */
export function completeDue(store: Store, now: number, domainSlug: string): void {
  const due = store.all("SELECT id, node_id, completes_at FROM rotations WHERE state = 'pending' AND completes_at <= ?", [now]);
  for (const r of due) {
    const node = String(r.node_id);
    const kid = kidFor(domainSlug, String(r.id).slice(-12));
    store.run(
      'UPDATE edges SET kid = ?, wrap_key_version = wrap_key_version + 1 WHERE node_a = ? OR node_b = ?',
      [kid, node, node],
    );
    store.run("UPDATE rotations SET state = 'completed', completed_at = ? WHERE id = ?", [r.completes_at, r.id]);
  }
}

/** The preview body (minus node_id/peer_id checks done by the caller). */
export function previewBody(store: Store, node: Row): Record<string, unknown> {
  const edges = edgesOf(store, String(node.id));
  return {
    node_id: String(node.id),
    peer_id: String(node.peer_id),
    affected_peer_count: edges.length,
    affected_edges: edges,
    already_pending: pendingRotation(store, String(node.id)) !== undefined,
    estimated_duration_seconds: estimateSeconds(edges.length),
  };
}
