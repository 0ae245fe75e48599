import {uuidv7} from './ids.js';
import {problem} from './problems.js';
import type {Row, Store} from './store.js';

/**
 * The Resources a registering Node may bind to (`resource_handle` at `/v1/register`), by
 * Project slug. The sandbox has no Resource API; these stand in for what operators created.
 */
export const DEMO_RESOURCES: Record<string, [handle: string, kind: string][]> = {
  'edge-prod': Array.from({length: 16}, (_, i) => [`edge-router-${String(i + 1).padStart(2, '0')}`, 'vm']),
  'edge-staging': Array.from({length: 4}, (_, i) => [`edge-router-${String(i + 1).padStart(2, '0')}`, 'vm']),
  'core-services': [['db-01', 'vm'], ['db-02', 'vm'], ['api-01', 'vm'], ['api-02', 'vm']],
  'lab-sandbox': [['lab-vm-01', 'worker'], ['lab-vm-02', 'worker']],
};

/** Inserts a Resource into a Project; call inside a transaction. */
export function insertResource(store: Store, projectId: string, handle: string, kind: string, now: number): string {
  const id = uuidv7(now);
  store.run('INSERT INTO resources (id, project_id, handle, kind, created_at) VALUES (?, ?, ?, ?, ?)', [id, projectId, handle, kind, now]);
  return id;
}

/** The Resource named `handle` in the Project, or 404 `resource_not_found` (nothing is consumed). */
export function requireResource(store: Store, projectId: string, handle: string): Row {
  const row = store.get('SELECT id, handle, kind FROM resources WHERE project_id = ? AND handle = ?', [projectId, handle]);
  if (!row) throw problem.notFound('resource_not_found', `no Resource with handle "${handle.slice(0, 128)}" in Project ${projectId}`);
  return row;
}
