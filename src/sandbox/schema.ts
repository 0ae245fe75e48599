// Times are epoch milliseconds (INTEGER) so keyset comparisons are exact and cheap;
// they become RFC 3339 strings only on the wire. Any change of shape bumps SCHEMA_VERSION
// (identity.ts): a store of another version is refused rather than half-understood.
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS domains (
  id TEXT PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  mesh_cidr TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS principals (
  id TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('operator', 'viewer')),
  email TEXT NOT NULL, domain_id TEXT NOT NULL REFERENCES domains(id),
  token_sha256 TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS projects (
  id TEXT PRIMARY KEY, domain_id TEXT NOT NULL REFERENCES domains(id),
  slug TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
  sub_range_cidr TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  UNIQUE (domain_id, slug));
CREATE INDEX IF NOT EXISTS projects_page ON projects (slug, id);
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY, project_id TEXT NOT NULL REFERENCES projects(id),
  kind TEXT NOT NULL CHECK (kind IN ('node', 'bridge')), env_prefix TEXT NOT NULL,
  lookup_hint TEXT NOT NULL, hash TEXT NOT NULL,
  issued_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
  consumed_at INTEGER, revoked_at INTEGER, issued_by_user_id TEXT NOT NULL,
  consumed_nonce TEXT, consumed_by_node_id TEXT);
CREATE INDEX IF NOT EXISTS tokens_page ON tokens (project_id, issued_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS tokens_candidates ON tokens (project_id, kind, env_prefix, lookup_hint);
CREATE UNIQUE INDEX IF NOT EXISTS tokens_nonce ON tokens (project_id, consumed_nonce)
  WHERE consumed_nonce IS NOT NULL;
CREATE TABLE IF NOT EXISTS resources (
  id TEXT PRIMARY KEY, project_id TEXT NOT NULL REFERENCES projects(id),
  handle TEXT NOT NULL, kind TEXT NOT NULL, created_at INTEGER NOT NULL,
  UNIQUE (project_id, handle));
CREATE TABLE IF NOT EXISTS nodes (
  id TEXT PRIMARY KEY, domain_id TEXT NOT NULL REFERENCES domains(id), project_id TEXT,
  name TEXT, kind TEXT, peer_id TEXT NOT NULL UNIQUE, public_key TEXT NOT NULL,
  mesh_ip TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS edges (
  node_a TEXT NOT NULL, node_b TEXT NOT NULL, kid TEXT NOT NULL,
  wrap_key_version INTEGER NOT NULL, PRIMARY KEY (node_a, node_b));
CREATE INDEX IF NOT EXISTS edges_b ON edges (node_b);
CREATE TABLE IF NOT EXISTS rotations (
  id TEXT PRIMARY KEY, node_id TEXT NOT NULL REFERENCES nodes(id), peer_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'completed')),
  requested_at INTEGER NOT NULL, completes_at INTEGER NOT NULL, completed_at INTEGER,
  requested_by TEXT NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS rotations_one_pending ON rotations (node_id) WHERE state = 'pending';
`;
