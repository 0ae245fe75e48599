import type {Route} from '../app.js';
import {keysetPage, parseLimit} from '../cursor.js';
import {iso} from '../ids.js';
import type {Row} from '../store.js';
import {domainFilter} from './projects.js';

/** NodeSummary: `name` / `kind` are omitted (not empty) when the Node has none. */
export function nodeBody(r: Row): Record<string, string> {
  const out: Record<string, string> = {id: String(r.id), domain_id: String(r.domain_id), created_at: iso(Number(r.created_at))};
  if (r.name !== null && r.name !== undefined) out.name = String(r.name);
  if (r.kind !== null && r.kind !== undefined) out.kind = String(r.kind);
  return out;
}

/** GET /v1/nodes: id order (UUIDv7, so creation order), keyset on id. */
export const nodeRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/nodes',
    handle: (ctx) => {
      const p = ctx.principal();
      const limit = parseLimit(ctx.url.searchParams.get('limit'));
      const domain = domainFilter(ctx);
      const scope = `nodes|${domain ?? '*'}`;
      const cursor = ctx.url.searchParams.get('cursor');
      const [after] = cursor ? ctx.app.cursors.decode(cursor, p.id, scope) : [''];
      const rows = ctx.app.store.all(
        `SELECT id, domain_id, name, kind, created_at FROM nodes
         WHERE (? IS NULL OR domain_id = ?) AND id > ? ORDER BY id LIMIT ?`,
        [domain ?? null, domain ?? null, String(after), limit + 1],
      );
      return keysetPage(ctx.app.cursors, p.id, scope, rows, limit, nodeBody, (r) => [r.id]);
    },
  },
];
