import {randomBytes} from 'node:crypto';
import type {Route} from '../app.js';
import {isUuid, projectSegment} from '../ids.js';
import {insertNode, kidFor, linkNodes} from '../mesh.js';
import {HttpError, problem} from '../problems.js';
import {parsePlaintext, verifyPlaintext} from '../tokens.js';
import type {Row} from '../store.js';
import {requireProject} from './projects.js';

type RegisterRequest = {project_id: string; resource_handle: string; bootstrap_token: string; nonce: string; public_key: string; requested_resource_id?: string};

const MAX_PEERS = 256;
const deny = (code: string, detail: string) => problem.forbidden(code, detail);

/** Application-boundary invariants → 422, each naming the field. */
function validate(body: unknown): RegisterRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw problem.badRequest('invalid_body', 'request body must be a JSON RegisterRequest object');
  }
  const b = body as Record<string, unknown>;
  const bad = (field: string, why: string) => new HttpError(422, 'invalid_register_request', `${field} ${why}`);
  for (const f of ['resource_handle', 'bootstrap_token', 'nonce'] as const) {
    const v = b[f];
    if (typeof v !== 'string' || v.length === 0 || v.length > 4096) throw bad(f, 'must be a string of 1 to 4096 characters');
  }
  if (typeof b.project_id !== 'string' || !isUuid(b.project_id)) throw bad('project_id', 'must be a non-zero UUID');
  if (typeof b.public_key !== 'string') throw bad('public_key', 'is required');
  const rr = b.requested_resource_id;
  if (rr !== undefined && (typeof rr !== 'string' || rr.length > 4096)) throw bad('requested_resource_id', 'must be a string of at most 4096 characters');
  return b as RegisterRequest;
}

/** RFC 7748 X25519 key: 32 bytes, standard base64 with padding, not the all-zero point. */
function checkPublicKey(key: string): void {
  const bytes = /^[A-Za-z0-9+/]{43}=$/.test(key) ? Buffer.from(key, 'base64') : Buffer.alloc(0);
  if (bytes.length !== 32 || bytes.every((x) => x === 0)) {
    throw problem.badRequest('public_key_invalid', 'public_key must be a 32-byte X25519 key, base64 with padding, not all zero');
  }
}

/** POST /v1/register: redeem a node BootstrapToken (single use) and enrol a Node. */
export const registerRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/register',
    handle: async (ctx) => {
      const req = validate(await ctx.json());
      checkPublicKey(req.public_key); // before any consumption: a bad key must not burn the token
      const {store, clock, domain} = ctx.app;
      const projectId = String(requireProject(store, req.project_id).id);
      const parsed = parsePlaintext(req.bootstrap_token);
      if (!parsed) throw deny('token_invalid', 'bootstrap_token is not a recognised BootstrapToken');
      // The contract's precedence: kind, project, consumed, expired, revoked, nonce.
      if (parsed.kind !== 'node') {
        throw deny('kind_mismatch', `a ${parsed.kind} token is redeemed at the Bridge bootstrap endpoint, not the Node endpoint`);
      }
      if (parsed.project !== projectSegment(projectId)) throw deny('project_mismatch', 'bootstrap_token was issued for a different Project');
      // Serialised end to end: two redeemers of one plaintext cannot both see it unconsumed.
      return store.exclusive(async () => {
        const candidates = store.all(
          'SELECT * FROM tokens WHERE project_id = ? AND kind = ? AND env_prefix = ? AND lookup_hint = ?',
          [projectId, parsed.kind, parsed.env, parsed.hint],
        );
        let token: Row | undefined;
        for (const c of candidates) {
          if (await verifyPlaintext(req.bootstrap_token, String(c.hash))) {
            token = c;
            break;
          }
        }
        if (!token) throw deny('token_invalid', 'bootstrap_token is not a recognised BootstrapToken');
        const now = clock.now();
        if (token.consumed_at !== null) throw deny('token_consumed', 'bootstrap_token has already been redeemed');
        if (now >= Number(token.expires_at)) throw deny('token_expired', 'bootstrap_token has expired');
        if (token.revoked_at !== null) throw deny('token_revoked', 'bootstrap_token has been revoked');
        if (store.get('SELECT 1 AS x FROM tokens WHERE project_id = ? AND consumed_nonce = ?', [projectId, req.nonce])) {
          throw deny('nonce_collision', 'nonce was already used for a registration in this Project');
        }
        const body = store.tx(() => {
          const peers = store.all('SELECT id, name, kind, mesh_ip, public_key FROM nodes WHERE domain_id = ? ORDER BY id LIMIT ?', [domain.id, MAX_PEERS]);
          const name = req.requested_resource_id || req.resource_handle;
          const node = insertNode(store, {domainId: domain.id, projectId, name, kind: 'vm', publicKey: req.public_key}, now);
          for (const p of peers) linkNodes(store, node.id, String(p.id), kidFor(domain.slug, 'initial'));
          store.run('UPDATE tokens SET consumed_at = ?, consumed_nonce = ?, consumed_by_node_id = ? WHERE id = ?', [now, req.nonce, node.id, token.id]);
          const meta = (k: string) => String(store.get('SELECT value FROM meta WHERE key = ?', [k])?.value ?? '');
          return {
            node_id: node.id,
            mesh_ip: node.meshIp,
            signing_public_key: meta('signing_public_key'),
            signing_key_id: meta('signing_key_id'),
            nsk: randomBytes(32).toString('base64'), // shown once; the sandbox keeps no copy
            peer_snapshot: peers.map((p) => ({
              node_id: String(p.id),
              mesh_ip: String(p.mesh_ip),
              public_key: String(p.public_key),
              ...(p.kind === 'bridge' ? {fallback_endpoint: `${String(p.mesh_ip)}:51820`} : {}),
            })),
            domain_mesh_cidr: domain.meshCidr,
          };
        });
        await store.persist();
        return {status: 201, body};
      });
    },
  },
];
