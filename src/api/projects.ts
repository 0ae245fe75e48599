import type {ApiClient, ApiResponse} from './client.js';
import {collectAll, getPage, type ListAllOptions, type ListAllResult, type PageQuery} from './paginate.js';
import {ProjectListSchema, ProjectSchema, type Project, type ProjectList} from './schemas.js';

/** GET /v1/projects: one page. */
export function listProjects(c: ApiClient, q: PageQuery = {}): Promise<ApiResponse<ProjectList>> {
  return getPage(c, '/v1/projects', ProjectListSchema, q);
}

/** Every project the caller may read, following `next_cursor`. */
export function listAllProjects(c: ApiClient, opts: ListAllOptions<Project> = {}): Promise<ListAllResult<Project>> {
  return collectAll((cursor, limit, signal) => listProjects(c, {cursor, limit, signal}), opts);
}

/** GET /v1/projects/{id}. */
export function getProject(c: ApiClient, id: string, opts: {signal?: AbortSignal} = {}): Promise<ApiResponse<Project>> {
  return c.request({
    method: 'GET',
    path: `/v1/projects/${encodeURIComponent(id)}`,
    schema: ProjectSchema,
    expect: [200],
    retry: true,
    signal: opts.signal,
  });
}
