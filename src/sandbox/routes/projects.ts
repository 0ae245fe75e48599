import type {Ctx, Route} from '../app.js';
import {keysetPage, parseLimit} from '../cursor.js';
import {isUuid, iso} from '../ids.js';
import {problem} from '../problems.js';
import type {Row, Store} from '../store.js';

/** The ProjectResponse wire shape. */
export function projectBody(r: Row): Record<string, string> {
  const out: Record<string, string> = {
    id: String(r.id),
    domain_id: String(r.domain_id),
    name: String(r.name),
    slug: String(r.slug),
    description: String(r.description ?? ''),
    created_at: iso(Number(r.created_at)),
    updated_at: iso(Number(r.updated_at)),
  };
  if (r.sub_range_cidr) out.sub_range_cidr = String(r.sub_range_cidr);
  return out;
}

/** The project row, or 404 `project_not_found` (a malformed id cannot name one either). */
export function requireProject(store: Store, id: string): Row {
  const row = isUuid(id) ? store.get('SELECT * FROM projects WHERE id = ?', [id.toLowerCase()]) : undefined;
  if (!row) throw problem.notFound('project_not_found', `no Project with id ${id}`);
  return row;
}

/**
 * The Project id in path segment `{name}`, lowercased; one that is not a non-zero UUID is
 * 400 `invalid_project_id` on every path that takes one (checked before ReBAC: its shape is
 * no secret).
 */
export function projectParam(ctx: Ctx, name: 'id' | 'project_id'): string {
  const id = ctx.params[name] ?? '';
  if (!isUuid(id)) throw problem.badRequest('invalid_project_id', `path {${name}} must be a non-zero UUID`);
  return id.toLowerCase();
}

/** Reads the optional `domain_id` filter; malformed → 400 `invalid_domain_filter`. */
export function domainFilter(ctx: Ctx): string | undefined {
  const raw = ctx.url.searchParams.get('domain_id');
  if (raw === null) return undefined;
  if (!isUuid(raw)) throw problem.badRequest('invalid_domain_filter', 'domain_id must be a UUID');
  return raw.toLowerCase();
}

/** GET /v1/projects (slug order, keyset on (slug, id)) and GET /v1/projects/{id}. */
export const projectRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/projects',
    handle: (ctx) => {
      const p = ctx.principal();
      const limit = parseLimit(ctx.url.searchParams.get('limit'));
      const domain = domainFilter(ctx);
      const scope = `projects|${domain ?? '*'}`;
      const cursor = ctx.url.searchParams.get('cursor');
      const [slug, id] = cursor ? ctx.app.cursors.decode(cursor, p.id, scope) : ['', ''];
      const rows = ctx.app.store.all(
        `SELECT * FROM projects WHERE (? IS NULL OR domain_id = ?) AND (slug, id) > (?, ?)
         ORDER BY slug, id LIMIT ?`,
        [domain ?? null, domain ?? null, String(slug), String(id), limit + 1],
      );
      return keysetPage(ctx.app.cursors, p.id, scope, rows, limit, projectBody, (r) => [r.slug, r.id]);
    },
  },
  {
    method: 'GET',
    path: '/v1/projects/{id}',
    handle: (ctx) => {
      ctx.principal(); // both principals hold `read` on every Project in the Domain
      return {status: 200, body: projectBody(requireProject(ctx.app.store, projectParam(ctx, 'id')))};
    },
  },
];
