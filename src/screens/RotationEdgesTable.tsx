import {useMemo} from 'react';
import {sanitize} from '../domain/sanitize.js';
import type {RotationEdge} from '../hooks/types.js';
import {WindowedTable, type Column, type WindowedTableProps} from './shared/WindowedTable.js';
import {truncate, width as cells} from './shared/text.js';

/** An affected edge as displayed: the peer's name when the node list knows it. */
export type EdgeRow = {readonly peerId: string; readonly peerName?: string; readonly kid: string; readonly wrap: number};

/** Display rows sorted by peer name (named first), then id: the API's edge order is unspecified. */
export function edgeRows(edges: readonly RotationEdge[], names: ReadonlyMap<string, string>): EdgeRow[] {
  const rows = edges.map((e) => ({
    peerId: sanitize(e.peer_node_id),
    peerName: names.get(e.peer_node_id.toLowerCase()),
    kid: sanitize(e.current_kid),
    wrap: e.current_wrap_key_version,
  }));
  const key = (r: EdgeRow) => `${r.peerName === undefined ? '1' : '0'}${(r.peerName ?? '').toLowerCase()}\u0000${r.peerId}`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The edge table's `s` cycle: peer (named first), current kid, wrap key version. */
export const EDGE_SORTS = ['peer', 'kid', 'wrap'] as const;
export type EdgeSort = (typeof EDGE_SORTS)[number];

/** The edges as shown: sorted by `sort` (ties by peer id) and filtered by `/` text over peer name, id and kid. */
export function edgeView(rows: readonly EdgeRow[], sort: EdgeSort, desc: boolean, filter: string): readonly EdgeRow[] {
  const needle = filter.trim().toLowerCase();
  const kept = needle ? rows.filter((r) => `${r.peerName ?? ''}\n${r.peerId}\n${r.kid}`.toLowerCase().includes(needle)) : [...rows];
  if (sort === 'peer') return desc ? kept.reverse() : kept; // edgeRows already orders by peer
  const dir = desc ? -1 : 1;
  const cmp = (a: EdgeRow, b: EdgeRow) => (sort === 'wrap' ? a.wrap - b.wrap : a.kid < b.kid ? -1 : a.kid > b.kid ? 1 : 0);
  return kept.sort((a, b) => dir * cmp(a, b) || (a.peerId < b.peerId ? -1 : 1));
}

// Key ids share a long domain-wide prefix (`did:web:<domain>#psk-…`); the end tells them apart.
function keepEnd(s: string, w: number): string {
  if (cells(s) <= w) return s;
  const reversed = truncate([...s].reverse().join(''), w);
  return [...reversed].reverse().join('');
}

const PEER_ID_FROM = 120; // terminal width from which the full peer id gets its own column

function columnsFor(width: number, rows: readonly EdgeRow[]): Column<EdgeRow>[] {
  const withId = width >= PEER_ID_FROM;
  // Natural widths: no column grows past its longest value (or header), so a wide terminal
  // keeps the table together instead of spreading it out (as Tokens' flex ID column does).
  const longest = (value: (r: EdgeRow) => string, header: string) => rows.reduce((n, r) => Math.max(n, cells(value(r))), header.length);
  const peer = Math.min(24, Math.max(12, Math.floor(width / 4)), Math.max(12, longest((r) => r.peerName ?? r.peerId, 'PEER NODE')));
  // +1: the sort marker (▲/▼) may follow the header.
  const kid = Math.min(longest((r) => r.kid, 'CURRENT KID') + 1, Math.max(10, width - 2 - (peer + 1) - 5 - (withId ? 37 : 0)));
  const cols: Column<EdgeRow>[] = [
    {key: 'peer', header: 'PEER NODE', width: peer, priority: 5, value: (r) => r.peerName ?? r.peerId},
    ...(withId ? [{key: 'peerId', header: 'PEER ID', width: 36, priority: 2, value: (r: EdgeRow) => r.peerId}] : []),
    {key: 'kid', header: 'CURRENT KID', width: kid, priority: 4, value: (r) => keepEnd(r.kid, kid)},
    {key: 'wrap', header: 'WRAP', width: 4, priority: 3, align: 'right', value: (r) => String(r.wrap)},
  ];
  return cols;
}

type EdgesTableProps = Pick<WindowedTableProps<EdgeRow>, 'rows' | 'selected' | 'offset' | 'height' | 'width' | 'sortKey' | 'sortDesc'>;
const rowKey = (r: EdgeRow) => r.peerId;

/** The affected edges, scrollable. A peer without a known name shows its id. */
export function RotationEdgesTable({rows, selected, offset, height, width, sortKey, sortDesc}: EdgesTableProps) {
  const columns = useMemo(() => columnsFor(width, rows), [width, rows]);
  return <WindowedTable columns={columns} rows={rows} rowKey={rowKey} selected={selected} offset={offset} height={height} width={width} sortKey={sortKey} sortDesc={sortDesc} />;
}
