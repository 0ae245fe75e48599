import type {TokenKind} from '../domain/validate.js';
import type {ApiClient, ApiResponse} from './client.js';
import {collectAll, getPage, type ListAllOptions, type ListAllResult, type PageQuery} from './paginate.js';
import {
  BootstrapTokenListSchema,
  BootstrapTokenSchema,
  IssuedTokenSchema,
  type BootstrapToken,
  type BootstrapTokenList,
  type IssuedToken,
} from './schemas.js';

/** The issue request body; validate with src/domain before calling. */
export type IssueRequest = {kind: TokenKind; env_prefix: string; ttl_seconds: number};

// Any 2xx carrying a valid issue body is an issued token (decisions.md): a server or proxy
// answering 200 instead of 201 must not make the operator lose the only copy of the plaintext.
const ISSUED_STATUSES = Array.from({length: 100}, (_, i) => 200 + i);

const tokensPath = (projectId: string): string => `/v1/projects/${encodeURIComponent(projectId)}/bootstrap-tokens`;
const tokenPath = (projectId: string, tokenId: string): string => `${tokensPath(projectId)}/${encodeURIComponent(tokenId)}`;

/** POST …/bootstrap-tokens: mints a token; `data.token` is the plaintext, shown once. Any 2xx with a valid body counts. Never retried. */
export function issueBootstrapToken(
  c: ApiClient,
  projectId: string,
  req: IssueRequest,
  opts: {signal?: AbortSignal} = {},
): Promise<ApiResponse<IssuedToken>> {
  return c.request({
    method: 'POST',
    path: tokensPath(projectId),
    // Strict writer: exactly the three contract fields, whatever else the caller's object holds.
    body: {kind: req.kind, env_prefix: req.env_prefix, ttl_seconds: req.ttl_seconds},
    schema: IssuedTokenSchema,
    expect: ISSUED_STATUSES,
    // A retry after a lost response could mint a second live credential.
    retry: false,
    signal: opts.signal,
  });
}

/** GET …/bootstrap-tokens: one page of metadata. */
export function listBootstrapTokens(c: ApiClient, projectId: string, q: PageQuery = {}): Promise<ApiResponse<BootstrapTokenList>> {
  return getPage(c, tokensPath(projectId), BootstrapTokenListSchema, q);
}

/** Every token of a project (pages of 200, at most 100,000), restarting once on a stale cursor. */
export function listAllBootstrapTokens(
  c: ApiClient,
  projectId: string,
  opts: ListAllOptions<BootstrapToken> = {},
): Promise<ListAllResult<BootstrapToken>> {
  return collectAll((cursor, limit, signal) => listBootstrapTokens(c, projectId, {cursor, limit, signal}), opts);
}

/** GET …/bootstrap-tokens/{id}: metadata (never the plaintext). */
export function getBootstrapToken(
  c: ApiClient,
  projectId: string,
  tokenId: string,
  opts: {signal?: AbortSignal} = {},
): Promise<ApiResponse<BootstrapToken>> {
  return c.request({method: 'GET', path: tokenPath(projectId, tokenId), schema: BootstrapTokenSchema, expect: [200], retry: true, signal: opts.signal});
}

/** DELETE …/bootstrap-tokens/{id}: 204 resolves; 409 (already consumed or revoked) throws ApiError status 409. */
export async function revokeBootstrapToken(
  c: ApiClient,
  projectId: string,
  tokenId: string,
  opts: {signal?: AbortSignal} = {},
): Promise<void> {
  // Not retried: a retry after a lost 204 would report a misleading 409.
  await c.request({method: 'DELETE', path: tokenPath(projectId, tokenId), expect: [204], retry: false, signal: opts.signal});
}
