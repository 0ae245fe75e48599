import {sanitize} from '../domain/sanitize.js';
import {nodeName} from './nodeLabel.js';
import type {NodeSummary} from './types.js';

/** The Nodes sort columns in `s` order; name (unnamed last) is the default. */
export const NODE_SORTS = ['name', 'kind', 'id', 'created'] as const;
export type NodeSort = (typeof NODE_SORTS)[number];

/** A list row: the node plus its sanitised, display-ready fields, computed once per load. */
export type NodeRow = {
  readonly node: NodeSummary;
  readonly id: string;
  readonly name?: string;
  readonly kind?: string;
  readonly createdMs: number;
  /** Lower-cased text the `/` filter searches: name, kind, id. */
  readonly haystack: string;
};

/** Builds the rows of a node list. */
export function toNodeRows(nodes: readonly NodeSummary[]): NodeRow[] {
  return nodes.map((node) => {
    const name = nodeName(node);
    const kind = sanitize(node.kind ?? '').trim() || undefined;
    return {node, id: node.id, name, kind, createdMs: Date.parse(node.created_at), haystack: [name, kind, node.id].join(' ').toLowerCase()};
  });
}

// Absent values sort after present ones in either direction: `—` rows are not interesting first.
function byOptional(a: string | undefined, b: string | undefined, desc: boolean): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  const c = a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  return desc ? -c : c;
}

/** Rows sorted by `key`; ties fall back to the id, so the order is stable across refreshes. */
export function sortNodeRows(rows: readonly NodeRow[], key: NodeSort, desc: boolean): NodeRow[] {
  const byId = (a: NodeRow, b: NodeRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const dir = desc ? -1 : 1;
  const cmp = (a: NodeRow, b: NodeRow): number => {
    switch (key) {
      case 'name': return byOptional(a.name, b.name, desc);
      case 'kind': return byOptional(a.kind, b.kind, desc);
      case 'id': return 0;
      case 'created': return dir * (a.createdMs - b.createdMs);
    }
  };
  return [...rows].sort((a, b) => cmp(a, b) || (key === 'id' ? dir : 1) * byId(a, b));
}

/** Rows whose name, kind or id contains `text` (case-insensitive). */
export function filterNodeRows(rows: readonly NodeRow[], text: string): readonly NodeRow[] {
  const needle = text.trim().toLowerCase();
  return needle === '' ? rows : rows.filter((r) => r.haystack.includes(needle));
}


/** A memoised rows → sorted → filtered pipeline, shared by render and the key handler. */
export function createNodeView(): (nodes: readonly NodeSummary[], sort: NodeSort, desc: boolean, filter: string) => readonly NodeRow[] {
  let last: {nodes: readonly NodeSummary[]; rows: NodeRow[]} | undefined;
  let sorted: {rows: NodeRow[]; sort: NodeSort; desc: boolean; out: NodeRow[]} | undefined;
  let filtered: {rows: NodeRow[]; filter: string; out: readonly NodeRow[]} | undefined;
  return (nodes, sort, desc, filter) => {
    if (last?.nodes !== nodes) last = {nodes, rows: toNodeRows(nodes)};
    if (sorted?.rows !== last.rows || sorted.sort !== sort || sorted.desc !== desc) {
      sorted = {rows: last.rows, sort, desc, out: sortNodeRows(last.rows, sort, desc)};
    }
    if (filtered?.rows !== sorted.out || filtered.filter !== filter) filtered = {rows: sorted.out, filter, out: filterNodeRows(sorted.out, filter)};
    return filtered.out;
  };
}
