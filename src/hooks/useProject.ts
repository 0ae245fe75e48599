import type {ApiClient} from '../api/client.js';
import {ApiError} from '../api/errors.js';
import {getProject, listAllProjects} from '../api/projects.js';
import {isUuid} from '../domain/validate.js';
import type {Project} from './types.js';
import {useRequest, type RequestState} from './useRequest.js';

/** Resolves what an operator typed (`--project`, `:tokens`) — a Project id or a slug — to the Project. */
export async function resolveProject(client: ApiClient, ref: string, signal?: AbortSignal): Promise<Project> {
  const wanted = ref.trim();
  if (isUuid(wanted)) return (await getProject(client, wanted.toLowerCase(), {signal})).data;
  const {items} = await listAllProjects(client, {signal});
  const found = items.find((p) => p.slug === wanted) ?? items.find((p) => p.slug.toLowerCase() === wanted.toLowerCase());
  if (found) return found;
  throw new ApiError({
    kind: 'http',
    status: 404,
    code: 'project_not_found',
    title: 'Project not found',
    detail: `no Project with slug "${wanted.slice(0, 64)}" among the ${items.length} you may read`,
  });
}

/** One Project by id or slug. */
export function useProject(ref: string): RequestState<Project> {
  return useRequest(`project:${ref}`, (client, signal) => resolveProject(client, ref, signal));
}
