import {TTL_MAX_SECONDS, TTL_MIN_SECONDS} from '../../domain/duration.js';
import {isEnvPrefix, isKind, type TokenKind} from '../../domain/validate.js';
import type {Ctx, Route} from '../app.js';
import {requireOperator} from '../auth.js';
import {keysetPage, parseLimit} from '../cursor.js';
import {isUuid, iso, uuidv7} from '../ids.js';
import {problem} from '../problems.js';
import {hashPlaintext, newPlaintext, TOKEN_COLUMNS, tokenMetadata} from '../tokens.js';
import {projectParam, requireProject} from './projects.js';

const BASE = '/v1/projects/{project_id}/bootstrap-tokens';

type IssueRequest = {kind: TokenKind; env_prefix: string; ttl_seconds: number};

/** The issuance invariants, each failure a 400 whose detail names the field. */
function validateIssue(body: unknown): IssueRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw problem.badRequest('invalid_body', 'request body must be a JSON object with kind, env_prefix and ttl_seconds');
  }
  const b = body as Record<string, unknown>;
  if (!isKind(b.kind)) throw problem.badRequest('invalid_kind', 'kind must be "node" or "bridge"');
  const env = b.env_prefix;
  if (typeof env !== 'string' || !isEnvPrefix(env)) {
    throw problem.badRequest('invalid_env_prefix', 'env_prefix must match ^[a-z]+$ and be 1 to 32 characters');
  }
  const ttl = b.ttl_seconds;
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < TTL_MIN_SECONDS || ttl > TTL_MAX_SECONDS) {
    throw problem.badRequest('invalid_ttl', 'ttl_seconds must be an integer in [300, 86400]');
  }
  return {kind: b.kind, env_prefix: env, ttl_seconds: ttl};
}

function requireToken(ctx: Ctx, projectId: string) {
  const id = ctx.params.id ?? '';
  const row = isUuid(id)
    ? ctx.app.store.get(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE id = ? AND project_id = ?`, [id.toLowerCase(), projectId])
    : undefined;
  if (!row) throw problem.notFound('token_not_found', `no BootstrapToken with id ${id} in Project ${projectId}`);
  return row;
}

/** The four bootstrap-token operations. */
export const tokenRoutes: Route[] = [
  {
    method: 'POST',
    path: BASE,
    handle: async (ctx) => {
      const p = ctx.principal();
      const pid = projectParam(ctx, 'project_id');
      requireOperator(p, `project:${pid}`, 'manage'); // ReBAC before existence: no Project-id oracle
      const project = String(requireProject(ctx.app.store, pid).id);
      const req = validateIssue(await ctx.json());
      const {plaintext, hint} = newPlaintext(req.env_prefix, project, req.kind);
      const hash = await hashPlaintext(plaintext); // only the hash is stored; the plaintext leaves once, below
      const row = await ctx.app.store.mutate(() => {
        const issued = ctx.app.clock.now();
        const id = uuidv7(issued);
        ctx.app.store.run(
          `INSERT INTO tokens (id, project_id, kind, env_prefix, lookup_hint, hash, issued_at, expires_at, issued_by_user_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [id, project, req.kind, req.env_prefix, hint, hash, issued, issued + req.ttl_seconds * 1000, p.id],
        );
        return {id, issued};
      });
      return {
        status: 201,
        headers: {location: `/v1/projects/${project}/bootstrap-tokens/${row.id}`},
        body: {
          token_id: row.id,
          token: plaintext,
          issued_at: iso(row.issued),
          expires_at: iso(row.issued + req.ttl_seconds * 1000),
        },
      };
    },
  },
  {
    method: 'GET',
    path: BASE,
    handle: (ctx) => {
      const p = ctx.principal();
      const project = String(requireProject(ctx.app.store, projectParam(ctx, 'project_id')).id);
      const limit = parseLimit(ctx.url.searchParams.get('limit'));
      const scope = `tokens|${project}`;
      const cursor = ctx.url.searchParams.get('cursor');
      const [at, id] = cursor ? ctx.app.cursors.decode(cursor, p.id, scope, true) : [Number.MAX_SAFE_INTEGER, ''];
      // Newest first; (issued_at, id) is unique, so the keyset never skips or repeats a row.
      const rows = ctx.app.store.all(
        `SELECT ${TOKEN_COLUMNS} FROM tokens WHERE project_id = ? AND (issued_at, id) < (?, ?)
         ORDER BY issued_at DESC, id DESC LIMIT ?`,
        [project, Number(at), cursor ? String(id) : '\uffff', limit + 1],
      );
      return keysetPage(ctx.app.cursors, p.id, scope, rows, limit, tokenMetadata, (r) => [r.issued_at, r.id]);
    },
  },
  {
    method: 'GET',
    path: `${BASE}/{id}`,
    handle: (ctx) => {
      ctx.principal();
      const project = String(requireProject(ctx.app.store, projectParam(ctx, 'project_id')).id);
      return {status: 200, body: tokenMetadata(requireToken(ctx, project))};
    },
  },
  {
    method: 'DELETE',
    path: `${BASE}/{id}`,
    handle: async (ctx) => {
      const p = ctx.principal();
      const pid = projectParam(ctx, 'project_id');
      requireOperator(p, `project:${pid}`, 'manage');
      const project = String(requireProject(ctx.app.store, pid).id);
      await ctx.app.store.mutate(() => {
        const row = requireToken(ctx, project); // read inside the queue: no race with a redeemer
        if (row.consumed_at !== null) {
          throw problem.conflict('token_already_consumed', `token was already consumed at ${iso(Number(row.consumed_at))}; revoking has no effect`);
        }
        if (row.revoked_at !== null) {
          throw problem.conflict('token_already_revoked', `token was already revoked at ${iso(Number(row.revoked_at))}`);
        }
        ctx.app.store.run('UPDATE tokens SET revoked_at = ? WHERE id = ?', [ctx.app.clock.now(), row.id]);
      });
      return {status: 204};
    },
  },
];
