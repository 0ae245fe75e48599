import type {App} from './app.js';
import {kidFor, insertNode, linkNodes} from './mesh.js';
import {insertResource} from './resources.js';
import {insertProject} from './seed.js';
import {seedTokens, type SeedTokensOptions} from './seedTokens.js';

/** Test and benchmark helpers that write straight to the store (persisted like any mutation). */
export type Fixtures = {
  /** Adds a Project to the Domain; returns its id. */
  addProject(p: {slug: string; name: string; description?: string}): Promise<{id: string}>;
  /** Adds a Resource a Node may register as (`resource_handle`); kind defaults to `vm`. */
  addResource(r: {projectId: string; handle: string; kind?: string}): Promise<{id: string}>;
  /** Adds a Node (name may be any string, hostile ones included) meshed to `edges` existing or new peers. */
  addNode(n?: {name?: string; kind?: string; edges?: number}): Promise<{id: string; peerId: string}>;
  /** Bulk-inserts `count` unredeemable tokens (mixed states by default); returns their ids. */
  seedTokens(projectId: string, count: number, opts?: SeedTokensOptions): Promise<string[]>;
  /** Current sandbox time (epoch ms). */
  now(): number;
  /** Moves the sandbox clock to `ms`, e.g. past a token's expiry. */
  setNow(ms: number): void;
  /** Moves the sandbox clock forward by `ms`, e.g. past a rotation's estimate. */
  advance(ms: number): void;
};

export function createFixtures(app: App, operatorId: string): Fixtures {
  const {store, clock, domain} = app;
  return {
    addProject: (p) => store.mutate(() => ({id: insertProject(store, domain.id, p, clock.now())})),
    addResource: (r) => store.mutate(() => ({id: insertResource(store, r.projectId, r.handle, r.kind ?? 'vm', clock.now())})),
    addNode: (n = {}) =>
      store.mutate(() => {
        const now = clock.now();
        const node = insertNode(store, {domainId: domain.id, name: n.name ?? null, kind: n.kind ?? null}, now);
        const wanted = n.edges ?? 0;
        const peers = store.all('SELECT id FROM nodes WHERE id != ? ORDER BY id LIMIT ?', [node.id, wanted]).map((r) => String(r.id));
        while (peers.length < wanted) peers.push(insertNode(store, {domainId: domain.id, kind: 'worker'}, now).id);
        for (const p of peers) linkNodes(store, node.id, p, kidFor(domain.slug, 'initial'));
        return {id: node.id, peerId: node.peerId};
      }),
    seedTokens: (projectId, count, opts) => store.mutate(() => seedTokens(store, projectId, count, clock.now(), operatorId, opts)),
    now: () => clock.now(),
    setNow: (ms) => clock.set(ms),
    advance: (ms) => clock.advance(ms),
  };
}
