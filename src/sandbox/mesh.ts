import {randomBytes} from 'node:crypto';
import {uuidv7} from './ids.js';
import type {Store} from './store.js';

/** Domain-wide PSK key id prefix; the fragment changes on every completed rotation. */
export const kidFor = (domainSlug: string, epoch: string) => `did:web:${domainSlug}.plexsphere.test#psk-${epoch}`;

/** Next free address in 100.64.0.0/10, counted in `meta` so it survives restarts. */
export function allocateMeshIp(store: Store): string {
  const n = Number(store.get("SELECT value FROM meta WHERE key = 'mesh_next'")?.value ?? 1);
  store.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('mesh_next', ?)", [String(n + 1)]);
  return `100.${64 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}

export type NewNode = {domainId: string; name?: string | null; kind?: string | null; projectId?: string | null; publicKey?: string};

/** Inserts a Node with its live Peer and mesh address; call inside a transaction. */
export function insertNode(store: Store, n: NewNode, now: number): {id: string; peerId: string; meshIp: string; publicKey: string} {
  const id = uuidv7(now);
  const peerId = uuidv7(now);
  const meshIp = allocateMeshIp(store);
  const publicKey = n.publicKey ?? randomBytes(32).toString('base64');
  store.run(
    `INSERT INTO nodes (id, domain_id, project_id, name, kind, peer_id, public_key, mesh_ip, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, n.domainId, n.projectId ?? null, n.name ?? null, n.kind ?? null, peerId, publicKey, meshIp, now],
  );
  return {id, peerId, meshIp, publicKey};
}

/** Creates the pairwise-PSK edge between two Nodes (stored once, smaller id first). */
export function linkNodes(store: Store, a: string, b: string, kid: string, wrapVersion = 1): void {
  const [x, y] = a < b ? [a, b] : [b, a];
  store.run('INSERT OR IGNORE INTO edges (node_a, node_b, kid, wrap_key_version) VALUES (?, ?, ?, ?)', [x, y, kid, wrapVersion]);
}

/** Every edge of a Node, seen from that Node. */
export function edgesOf(store: Store, nodeId: string): {peer_node_id: string; current_kid: string; current_wrap_key_version: number}[] {
  return store
    .all(
      `SELECT node_b AS peer, kid, wrap_key_version FROM edges WHERE node_a = ?
       UNION ALL SELECT node_a AS peer, kid, wrap_key_version FROM edges WHERE node_b = ?`,
      [nodeId, nodeId],
    )
    .map((r) => ({peer_node_id: String(r.peer), current_kid: String(r.kid), current_wrap_key_version: Number(r.wrap_key_version)}));
}
