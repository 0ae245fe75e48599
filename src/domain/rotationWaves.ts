// Plans a fleet rotation in waves: at most `waveSize` Nodes at once, and never two Nodes
// that share an edge in the same wave (both ends of one PSK would be re-keyed at once).
// Pure: the edges come from the previews.

export type FleetNode = {
  readonly id: string;
  /** The peer Node ids of this Node's edges (the preview's `affected_edges[].peer_node_id`). */
  readonly peers: readonly string[];
};

/**
 * Greedy, in the operator's order: each wave takes the earliest remaining Nodes that share
 * no edge with a Node already in it, up to `waveSize`. Every Node lands in exactly one wave.
 * Adjacency is checked from both sides, so one preview missing an edge cannot hide it.
 */
export function planWaves(nodes: readonly FleetNode[], waveSize: number): string[][] {
  const size = Math.max(1, Math.floor(waveSize));
  const adjacent = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    let set = adjacent.get(a);
    if (!set) adjacent.set(a, (set = new Set()));
    set.add(b);
  };
  for (const n of nodes) {
    for (const p of n.peers) {
      link(n.id, p);
      link(p, n.id);
    }
  }
  const seen = new Set<string>();
  let remaining = nodes.map((n) => n.id).filter((id) => !seen.has(id) && seen.add(id));
  const waves: string[][] = [];
  while (remaining.length > 0) {
    const wave: string[] = [];
    const rest: string[] = [];
    for (const id of remaining) {
      const clash = wave.some((w) => adjacent.get(id)?.has(w));
      if (wave.length < size && !clash) wave.push(id);
      else rest.push(id);
    }
    waves.push(wave);
    remaining = rest;
  }
  return waves;
}

/** True when no wave holds both ends of an edge (the invariant tests and callers check). */
export function wavesShareNoEdge(waves: readonly (readonly string[])[], nodes: readonly FleetNode[]): boolean {
  const waveOf = new Map<string, number>();
  waves.forEach((w, i) => w.forEach((id) => waveOf.set(id, i)));
  return nodes.every((n) => n.peers.every((p) => !waveOf.has(p) || waveOf.get(p) !== waveOf.get(n.id) || p === n.id));
}
