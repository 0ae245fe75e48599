import {sanitize} from '../domain/sanitize.js';
import type {NodeSummary} from './types.js';

/** The em dash the console shows for a field the server omitted (NodeSummary `name`/`kind` usually are). */
export const OMITTED = '—';

/** A node's display name, sanitised; undefined when the server omitted it (or it was only control characters). */
export function nodeName(node: Pick<NodeSummary, 'name'> | undefined): string | undefined {
  const name = sanitize(node?.name ?? '').trim();
  return name === '' ? undefined : name;
}

/** How the console names a node in prose: its name, else its id. */
export function nodeLabel(node: Pick<NodeSummary, 'name'> | undefined, id: string): string {
  return nodeName(node) ?? sanitize(id);
}

/**
 * What the operator may type to confirm a rotation, the one to suggest first: the node's
 * name, or for a nameless node the first 8 characters of its id — or the whole id, which is
 * what an operator pastes.
 */
export function confirmPhrases(node: Pick<NodeSummary, 'name'> | undefined, id: string): readonly string[] {
  const name = nodeName(node);
  return name !== undefined ? [name] : [sanitize(id).slice(0, 8), sanitize(id)];
}

/** Node id → sanitised name, for naming peers in the edge table. */
export function nodeNames(nodes: readonly NodeSummary[] | undefined): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const n of nodes ?? []) {
    const name = nodeName(n);
    if (name !== undefined) names.set(n.id.toLowerCase(), name);
  }
  return names;
}
