import {useMemo} from 'react';
import {MARK_GLYPH} from '../hooks/marks.js';
import {OMITTED} from '../hooks/nodeLabel.js';
import {sanitize} from '../domain/sanitize.js';
import {utcDay} from '../domain/time.js';
import type {NodeRow, NodeSort} from '../hooks/nodeList.js';
import {WindowedTable, type Column, type WindowedTableProps} from './shared/WindowedTable.js';

// NAME absorbs the width; at 80 columns all four fit with the full id (the typed
// confirmation of an unnamed node asks for its first 8 characters). CREATED is a date,
// like on Projects: the minute costs NAME seven cells at 80 columns and helps no choice.
const COLUMNS: readonly Column<NodeRow>[] = [
  {key: 'name', header: 'NAME', width: 'flex', minWidth: 12, maxWidth: 40, priority: 5, value: (r) => r.name ?? OMITTED},
  {key: 'kind', header: 'KIND', width: 8, priority: 2, value: (r) => r.kind ?? OMITTED},
  {key: 'id', header: 'ID', width: 36, priority: 4, value: (r) => r.id},
  {key: 'created', header: 'CREATED', width: 10, priority: 3, value: (r) => sanitize(utcDay(r.node.created_at))},
];

export type NodesTableProps = Pick<WindowedTableProps<NodeRow>, 'rows' | 'selected' | 'offset' | 'height' | 'width'> & {
  readonly sort: NodeSort;
  readonly desc: boolean;
  /** Marked node ids: a one-cell column in front while any is marked. */
  readonly marks?: readonly string[];
};

const rowKey = (r: NodeRow) => r.id;

/** The node list as a windowed table. */
export function NodesTable({rows, selected, offset, height, width, sort, desc, marks}: NodesTableProps) {
  const columns = useMemo(() => {
    if (!marks || marks.length === 0) return COLUMNS;
    const set = new Set(marks);
    return [{key: 'mark', header: ' ', width: 1, priority: 11, value: (r: NodeRow) => (set.has(r.id) ? MARK_GLYPH : ' ')}, ...COLUMNS];
  }, [marks]);
  return <WindowedTable columns={columns} rows={rows} rowKey={rowKey} selected={selected} offset={offset} height={height} width={width} sortKey={sort} sortDesc={desc} />;
}
