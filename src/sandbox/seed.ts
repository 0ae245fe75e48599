import {generateKeyPairSync, randomBytes} from 'node:crypto';
import {uuidv7} from './ids.js';
import {insertNode, kidFor, linkNodes} from './mesh.js';
import {DEMO_RESOURCES, insertResource} from './resources.js';
import {seedTokens} from './seedTokens.js';
import type {Store} from './store.js';

export type SeedName = 'demo' | 'empty' | 'scale';

/** The seeded ids tests and benchmarks address. */
export type DemoFixture = {
  domainId: string;
  operatorId: string;
  viewerId: string;
  /** Project ids by slug. */
  projects: Record<string, string>;
  /** `edge-prod`: 120 tokens, 24-30 in every state. */
  tokenProjectId: string;
  /** Resource handles a Node may register as, by Project slug (`edge-prod` has edge-router-01…16). */
  resources: Record<string, string[]>;
  /** One token id per state in `edge-prod`; `expiringSoon` is live and flips within 10 minutes. */
  tokens: {live: string; expiringSoon: string; expired: string; consumed: string; revoked: string};
  /** Node ids by name (the unnamed Node is under `unnamed`). */
  nodes: Record<string, string>;
  /** Node with a rotation already pending (`vm-fra-db-1`). */
  pendingRotationNodeId: string;
  /** Node with dozens of edges (`relay-hub-1`) and how many. */
  manyEdgesNodeId: string;
  manyEdgesCount: number;
  /** Present for the `scale` seed. */
  scale?: {project10k: string; project100k: string};
};

const PROJECTS: [string, string, string, string | null][] = [
  ['edge-prod', 'Edge Production', 'Customer-facing edge gateways and their nodes.', '100.64.16.0/20'],
  ['edge-staging', 'Edge Staging', 'Pre-production mirror of edge-prod.', '100.64.32.0/20'],
  ['core-services', 'Core Services', 'Databases and internal APIs.', null],
  ['lab-sandbox', 'Lab Sandbox', '', null],
];
// [name, kind]; null name = a Node whose Resource join has not landed (name/kind omitted).
const NODES: [string | null, string | null][] = [
  ['gw-fra-1', 'bridge'], ['gw-ams-1', 'bridge'], ['vm-fra-web-1', 'vm'], ['vm-fra-db-1', 'vm'],
  ['worker-ams-1', 'worker'], ['relay-hub-1', 'vm'], ['vm-lab-1', 'worker'], [null, null],
];
const AGENTS = 24;

/** The Domain, its signing key and the cursor secret; call inside a transaction. */
export function initDomain(store: Store, now: number): {id: string; slug: string; meshCidr: string} {
  const domain = {id: uuidv7(now), slug: 'demo', meshCidr: '100.64.0.0/10'};
  store.run('INSERT INTO domains (id, slug, name, mesh_cidr, created_at) VALUES (?, ?, ?, ?, ?)', [domain.id, domain.slug, 'Demo', domain.meshCidr, now]);
  const spki = generateKeyPairSync('ed25519').publicKey.export({type: 'spki', format: 'der'});
  const meta: [string, string][] = [
    ['domain_id', domain.id],
    ['signing_public_key', spki.toString('base64')],
    ['signing_key_id', `did:web:${domain.slug}.plexsphere.test#key-1`],
    ['cursor_secret', randomBytes(32).toString('base64')],
  ];
  for (const [k, v] of meta) store.run('INSERT INTO meta (key, value) VALUES (?, ?)', [k, v]);
  return domain;
}

/** Inserts a Project; call inside a transaction. */
export function insertProject(store: Store, domainId: string, p: {slug: string; name: string; description?: string; subRange?: string | null}, now: number): string {
  const id = uuidv7(now);
  store.run(
    'INSERT INTO projects (id, domain_id, slug, name, description, sub_range_cidr, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [id, domainId, p.slug, p.name, p.description ?? '', p.subRange ?? null, now, now],
  );
  return id;
}

/** The demo world (plus the two big Projects for `scale`). */
export function seedDemo(store: Store, domain: {id: string; slug: string}, who: {operatorId: string; viewerId: string}, now: number, scale: boolean): DemoFixture {
  const projects: Record<string, string> = {};
  PROJECTS.forEach(([slug, name, description, subRange], i) => {
    projects[slug] = insertProject(store, domain.id, {slug, name, description, subRange}, now - (90 - i) * 86_400_000);
  });
  const pid = projects['edge-prod']!;
  const by = who.operatorId;
  const resources: Record<string, string[]> = {};
  for (const [slug, list] of Object.entries(DEMO_RESOURCES)) {
    resources[slug] = list.map(([handle, kind]) => (insertResource(store, projects[slug]!, handle, kind, now), handle));
  }
  const pick = (ids: string[]) => ids[Math.floor(ids.length / 2)]!;
  const tokens = {
    live: pick(seedTokens(store, pid, 24, now, by, {state: 'live'})),
    expiringSoon: pick(seedTokens(store, pid, 6, now, by, {state: 'live', expiringSoon: true})),
    expired: pick(seedTokens(store, pid, 30, now, by, {state: 'expired'})),
    consumed: pick(seedTokens(store, pid, 30, now, by, {state: 'consumed'})),
    revoked: pick(seedTokens(store, pid, 30, now, by, {state: 'revoked'})),
  };
  seedTokens(store, projects['edge-staging']!, 12, now, by, {envPrefix: 'staging'});
  seedTokens(store, projects['core-services']!, 4, now, by, {kind: 'node'});

  const nodes: Record<string, string> = {};
  const ids = NODES.map(([name, kind], i) => {
    const n = insertNode(store, {domainId: domain.id, name, kind, projectId: pid}, now - (30 - i) * 86_400_000);
    nodes[name ?? 'unnamed'] = n.id;
    return n.id;
  });
  const kid = kidFor(domain.slug, '2026-04');
  ids.forEach((a, i) => ids.slice(i + 1).forEach((b, j) => linkNodes(store, a, b, kid, 3 + ((i + j) % 5))));
  const hub = nodes['relay-hub-1']!;
  for (let i = 1; i <= AGENTS; i++) {
    const n = insertNode(store, {domainId: domain.id, name: `edge-agent-${String(i).padStart(2, '0')}`, kind: 'worker'}, now - (20 - i / 10) * 86_400_000);
    linkNodes(store, hub, n.id, kid, 2);
  }
  // A Node that has not picked its rotation up yet: pending for the next 15 minutes of clock.
  const db = nodes['vm-fra-db-1']!;
  const peer = store.get('SELECT peer_id FROM nodes WHERE id = ?', [db])!.peer_id;
  store.run(
    `INSERT INTO rotations (id, node_id, peer_id, state, requested_at, completes_at, requested_by) VALUES (?, ?, ?, 'pending', ?, ?, ?)`,
    [uuidv7(now - 60_000), db, peer, now - 60_000, now + 15 * 60_000, by],
  );
  const fixture: DemoFixture = {
    domainId: domain.id, ...who, projects, tokenProjectId: pid, resources, tokens, nodes,
    pendingRotationNodeId: db, manyEdgesNodeId: hub, manyEdgesCount: NODES.length - 1 + AGENTS,
  };
  if (scale) {
    const p10 = insertProject(store, domain.id, {slug: 'scale-10k', name: 'Scale 10k', description: 'Benchmark: 10,000 tokens.'}, now);
    const p100 = insertProject(store, domain.id, {slug: 'scale-100k', name: 'Scale 100k', description: 'Benchmark: 100,000 tokens.'}, now);
    seedTokens(store, p10, 10_000, now, by);
    seedTokens(store, p100, 100_000, now, by);
    fixture.projects['scale-10k'] = p10;
    fixture.projects['scale-100k'] = p100;
    fixture.scale = {project10k: p10, project100k: p100};
  }
  return fixture;
}
