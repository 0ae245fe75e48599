import {useMemo} from 'react';
import {ApiError} from '../api/errors.js';
import {sanitize} from '../domain/sanitize.js';
import {isUuid} from '../domain/validate.js';
import {nodeName} from './nodeLabel.js';
import type {Loadable, NodeSummary} from './types.js';
import {useNodes} from './useNodes.js';
import type {RequestState} from './useRequest.js';

/** A node reference resolved to its id; `node` is its summary when the node list has it. */
export type ResolvedNode = {readonly id: string; readonly node?: NodeSummary};

const notFound = (detail: string) =>
  new ApiError({kind: 'http', code: 'node_not_found', title: 'Node not found', detail});

/**
 * Resolves what the operator typed (`:rotate <name|id>`, a row's id) against the node list.
 * A UUID resolves at once, without waiting for the list; a name must match exactly one
 * node (exactly first, then ignoring case), because rotating the wrong node is not undoable.
 */
export function resolveNodeRef(ref: string, nodes: Loadable<readonly NodeSummary[]>): Loadable<ResolvedNode> {
  const wanted = ref.trim();
  const list = nodes.status === 'ready' ? nodes.data : undefined;
  if (isUuid(wanted)) {
    const id = wanted.toLowerCase();
    const node = list?.find((n) => n.id.toLowerCase() === id);
    return {status: 'ready', data: node ? {id, node} : {id}};
  }
  if (nodes.status !== 'ready') return nodes;
  // Operators type what they see: the sanitised name. Exact first, then ignoring case.
  const exact = nodes.data.filter((n) => n.name === wanted || nodeName(n) === wanted);
  const matches = exact.length > 0 ? exact : nodes.data.filter((n) => nodeName(n)?.toLowerCase() === wanted.toLowerCase());
  const shown = JSON.stringify(sanitize(wanted).slice(0, 64));
  const [only, second] = matches;
  if (only && !second) return {status: 'ready', data: {id: only.id.toLowerCase(), node: only}};
  if (only) {
    return {status: 'error', error: notFound(`${matches.length} nodes are named ${shown}; use the node id instead (3 opens the list)`)};
  }
  return {
    status: 'error',
    error: notFound(`no node is named ${shown} among the ${nodes.data.length} you may read; give a name exactly as listed, or the node id`),
  };
}

/** The node list plus `ref` resolved against it. */
export function useNode(ref: string): {readonly nodes: RequestState<readonly NodeSummary[]>; readonly target: Loadable<ResolvedNode>} {
  const nodes = useNodes();
  const list = nodes.status === 'ready' ? nodes.data : undefined;
  const error = nodes.status === 'error' ? nodes.error : undefined;
  // Resolving a name scans (and sanitises) every node: once per list, not on every keypress.
  const target = useMemo(
    () => resolveNodeRef(ref, list ? {status: 'ready', data: list} : error ? {status: 'error', error} : {status: 'loading'}),
    [ref, list, error],
  );
  return {nodes, target};
}
