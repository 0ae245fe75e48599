import {randomBytes} from 'node:crypto';
import type {Ctx, Route} from '../app.js';
import {isUuid, projectSegment} from '../ids.js';
import {insertNode, kidFor, linkNodes} from '../mesh.js';
import {HttpError, problem} from '../problems.js';
import {requireResource} from '../resources.js';
import {parsePlaintext} from '../tokens.js';
import {requireProject} from './projects.js';

type RegisterRequest = {project_id: string; resource_handle: string; bootstrap_token: string; nonce: string; public_key: string; requested_resource_id?: string};

const MAX_PEERS = 256;
const deny = (code: string, detail: string) => problem.forbidden(code, detail);
// Not a code of its own: the contract lists none for it, and to the redeemer it means the
// same as a used token — this plaintext will never enrol anything; ask for a fresh one.
const unknownPlaintext = () =>
  deny('token_consumed', 'bootstrap_token matches no unredeemed BootstrapToken of this Project (already redeemed, or never issued)');
// The contract keeps 400 for `public_key` shape alone: every other malformed request is a 422.
const invalid = (detail: string) => new HttpError(422, 'invalid_register_request', detail);

/** Application-boundary invariants → 422, each naming the field. */
function validate(body: unknown): RegisterRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('request body must be a JSON RegisterRequest object');
  const b = body as Record<string, unknown>;
  const bad = (field: string, why: string) => invalid(`${field} ${why}`);
  for (const f of ['resource_handle', 'bootstrap_token', 'nonce'] as const) {
    const v = b[f];
    if (typeof v !== 'string' || v.length === 0 || v.length > 4096) throw bad(f, 'must be a string of 1 to 4096 characters');
  }
  if (!parsePlaintext(b.bootstrap_token as string)) {
    throw bad('bootstrap_token', 'must be a BootstrapToken plaintext in the documented psb_<env>_<project>_<kind>_<random> format');
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

/**
 * The token id the plaintext belongs to. The Argon2 checks run outside the mutation queue (an
 * operator's write never waits behind them); the caller re-reads the token's state inside it.
 */
async function matchToken(ctx: Ctx, req: RegisterRequest, projectId: string): Promise<string> {
  const parsed = parsePlaintext(req.bootstrap_token)!;
  // The contract's precedence: kind, project, consumed, expired, revoked, nonce.
  if (parsed.kind !== 'node') {
    throw deny('kind_mismatch', `a ${parsed.kind} token is redeemed at the Bridge bootstrap endpoint, not the Node endpoint`);
  }
  if (parsed.project !== projectSegment(projectId)) throw deny('project_mismatch', 'bootstrap_token was issued for a different Project');
  const candidates = ctx.app.store.all('SELECT id, hash FROM tokens WHERE project_id = ? AND kind = ? AND env_prefix = ? AND lookup_hint = ?', [
    projectId,
    parsed.kind,
    parsed.env,
    parsed.hint,
  ]);
  for (const c of candidates) if (await ctx.app.redemptions.verify(req.bootstrap_token, String(c.hash))) return String(c.id);
  throw unknownPlaintext();
}

/** POST /v1/register: redeem a node BootstrapToken (single use) and enrol a Node. */
export const registerRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/register',
    handle: async (ctx) => {
      const req = validate(await ctx.json(invalid));
      checkPublicKey(req.public_key); // before any consumption: a bad key must not burn the token
      const {store, clock, domain, redemptions} = ctx.app;
      const projectId = String(requireProject(store, req.project_id).id);
      const resource = requireResource(store, projectId, req.resource_handle);
      const ticket = redemptions.admit(ctx.source); // 429 before any hashing for a source that keeps failing
      let failed = true;
      try {
        const tokenId = await matchToken(ctx, req, projectId);
        const body = await store.mutate(() => {
          // Re-read inside the queue: another redeemer or a revoke may have won since the match.
          const token = store.get('SELECT consumed_at, expires_at, revoked_at FROM tokens WHERE id = ?', [tokenId]);
          // Defensive: a row can only vanish if its issue was rolled back, and then no one had its plaintext.
          if (!token) throw unknownPlaintext();
          const now = clock.now();
          if (token.consumed_at !== null) throw deny('token_consumed', 'bootstrap_token has already been redeemed');
          if (now >= Number(token.expires_at)) throw deny('token_expired', 'bootstrap_token has expired');
          if (token.revoked_at !== null) throw deny('token_revoked', 'bootstrap_token has been revoked');
          if (store.get('SELECT 1 AS x FROM tokens WHERE project_id = ? AND consumed_nonce = ?', [projectId, req.nonce])) {
            throw deny('nonce_collision', 'nonce was already used for a registration in this Project');
          }
          const peers = store.all('SELECT id, name, kind, mesh_ip, public_key FROM nodes WHERE domain_id = ? ORDER BY id LIMIT ?', [domain.id, MAX_PEERS]);
          const name = req.requested_resource_id || req.resource_handle;
          const node = insertNode(store, {domainId: domain.id, projectId, name, kind: String(resource.kind), publicKey: req.public_key}, now);
          for (const p of peers) linkNodes(store, node.id, String(p.id), kidFor(domain.slug, 'initial'));
          store.run('UPDATE tokens SET consumed_at = ?, consumed_nonce = ?, consumed_by_node_id = ? WHERE id = ?', [now, req.nonce, node.id, tokenId]);
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
        failed = false;
        return {status: 201, body};
      } catch (e) {
        failed = e instanceof HttpError && e.status === 403;
        throw e;
      } finally {
        ticket.release(failed);
      }
    },
  },
];
