import {listAllProjects} from '../api/projects.js';
import type {Project} from './types.js';
import {useRequest, type RequestState} from './useRequest.js';

/** Every Project the caller may read (all pages of `ListProjects`). */
export function useProjects(): RequestState<readonly Project[]> {
  return useRequest('projects', async (client, signal) => (await listAllProjects(client, {signal})).items);
}
