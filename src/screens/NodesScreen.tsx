import {Box, Text} from 'ink';
import {useMemo, useState} from 'react';
import {useCapture, useScreenActive} from '../hooks/inputLayer.js';
import type {BindingId} from '../hooks/keymap.js';
import {listScreenKey, listView, positionText, type ListScreenState} from '../hooks/listView.js';
import {matches} from '../hooks/keymap.js';
import {markAll, toggleMark} from '../hooks/marks.js';
import {nodeLabel} from '../hooks/nodeLabel.js';
import {resolveSelection} from '../hooks/listSelection.js';
import {useNavigation, useViewState} from '../hooks/navigation.js';
import {createNodeView, NODE_SORTS, type NodeRow, type NodeSort} from '../hooks/nodeList.js';
import type {ApiError, NodeSummary} from '../hooks/types.js';
import {useKeys} from '../hooks/useKeys.js';
import {useNodes} from '../hooks/useNodes.js';
import {useAutoRefresh} from '../hooks/useAutoRefresh.js';
import {useStaleness, type Staleness} from '../hooks/useStaleness.js';
import {useStatus} from '../hooks/useStatus.js';
import {useTerminalSize} from '../hooks/useTerminalSize.js';
import {NodesTable, type NodesTableProps} from './NodesTable.js';
import {FRAME_CHROME_ROWS, ScreenFrame} from './shared/ScreenFrame.js';
import {SkippedNotice, skippedRows} from './shared/SkippedNotice.js';
import {EmptyView, ErrorView, LoadingView} from './shared/States.js';
import {TextField} from './shared/TextField.js';
import {color} from './shared/theme.js';

const LIST_BINDINGS: readonly BindingId[] = [
  'list.up', 'list.down', 'list.pageUp', 'list.pageDown', 'list.first', 'list.last',
  'list.open', 'list.filter', 'list.sort', 'list.reverse', 'list.refresh', 'list.mark', 'list.markAll', 'nav.back',
];
const FILTER_BINDINGS: readonly BindingId[] = ['filter.apply', 'filter.clear'];
const ERROR_BINDINGS: readonly BindingId[] = ['error.retry', 'nav.back'];
// Summary line and table header.
const BODY_CHROME = 2;
const keyOf = (r: NodeRow) => r.id;
const NO_NODES: readonly NodeSummary[] = [];
/** The list view plus the marks (space, `*`) that Enter turns into a fleet rotation. */
type NodesState = ListScreenState<NodeSort> & {readonly marks?: readonly string[]};
const initial = (): NodesState => ({list: listView<NodeSort>('name'), mode: {kind: 'list'}, marks: []});

/** Nodes (console-ux.md §7): every node, `/` filter, `s`/`S` sort, Enter → rotation preview; with marks, Enter → fleet rotation. */
export function NodesScreen() {
  const nav = useNavigation();
  const showStatus = useStatus();
  const active = useScreenActive();
  const nodes = useNodes();
  const {rows: termRows} = useTerminalSize();
  // One row less when a notice counts nodes the reader skipped (issue 8, tolerant reader).
  const height = Math.max(1, Math.max(3, termRows - FRAME_CHROME_ROWS) - BODY_CHROME - skippedRows(nodes.skipped));
  const [view] = useState(createNodeView);
  const [state, setState] = useViewState<NodesState>(initial);
  const marks = state.marks ?? [];
  const {list: lv} = state;
  const typing = state.mode.kind === 'filter';
  useCapture(typing);
  const refreshMs = useAutoRefresh(nodes.refresh, active && !typing && nodes.status === 'ready');
  const staleness = useStaleness(nodes, refreshMs);
  const list = nodes.status === 'ready' ? nodes.data : NO_NODES;
  const rows = view(list, lv.sort, lv.desc, lv.filter);

  useKeys((press) => {
    const {name} = press;
    if (state.mode.kind === 'list' && nodes.status === 'ready') {
      const cursor = resolveSelection(lv.sel, rows, keyOf, height);
      const row = rows[cursor.index];
      if (matches('list.mark', name)) return row && setState({...state, marks: toggleMark(marks, row.id)});
      if (matches('list.markAll', name)) return setState({...state, marks: markAll(marks, rows.map(keyOf))});
      if (matches('nav.back', name) && marks.length > 0) return setState({...state, marks: []});
      if (matches('list.open', name) && marks.length > 0) {
        const labels = Object.fromEntries(list.filter((n) => marks.includes(n.id)).map((n) => [n.id, nodeLabel(n, n.id)]));
        return nav.push({name: 'fleetRotation', nodes: marks, labels});
      }
    }
    const out = listScreenKey(state, press, {rows, keyOf, height, sorts: NODE_SORTS});
    if (!out) return;
    setState({...out.state, marks});
    const e = out.effect;
    if (e?.kind === 'back') nav.back();
    else if (e?.kind === 'refresh') nodes.reload((r) => r.status === 'ready' && showStatus(`refreshed · ${r.data.length} node${r.data.length === 1 ? '' : 's'}`, 'ok'));
    else if (e?.kind === 'open' && nodes.status === 'ready') nav.push({name: 'rotationPreview', node: e.row.id});
  }, active);

  const at = resolveSelection(lv.sel, rows, keyOf, height);
  const bindings = nodes.status === 'error' ? ERROR_BINDINGS : typing ? FILTER_BINDINGS : LIST_BINDINGS;
  return (
    <ScreenFrame view="nodes" bindings={bindings}>
      {(_bodyRows, columns) => (
        <>
        <SkippedNotice skipped={nodes.skipped} noun="node" />
        <NodesView
          state={nodes.status === 'ready' ? {status: 'ready', rows, total: list.length} : nodes}
          refreshing={nodes.refreshing}
          selected={at.index}
          offset={at.offset}
          height={height}
          width={columns}
          sort={lv.sort}
          desc={lv.desc}
          filter={lv.filter}
          typing={typing}
          marks={marks}
          staleness={staleness}
        />
        </>
      )}
    </ScreenFrame>
  );
}

export type NodesViewProps = Omit<NodesTableProps, 'rows'> & {
  readonly state: {readonly status: 'loading'} | {readonly status: 'error'; readonly error: ApiError} | {readonly status: 'ready'; readonly rows: readonly NodeRow[]; readonly total: number};
  readonly refreshing: boolean;
  readonly filter: string;
  /** The `/` field is open; the filter applies as it is typed. */
  readonly typing: boolean;
  /** Shown when refresh is off or failing. */
  readonly staleness?: Staleness;
};

/** The Nodes body: loading, error, empty or the table, with a summary line above it. */
export function NodesView(props: NodesViewProps) {
  const {state, typing, filter: applied} = props;
  const rows = state.status === 'ready' ? state.rows : undefined;
  // Once per rows array, not on every keypress that re-renders the view.
  const unnamed = useMemo(() => rows?.filter((r) => r.name === undefined).length ?? 0, [rows]);
  if (state.status === 'loading') return <LoadingView what="nodes" />;
  if (state.status === 'error') return <ErrorView error={state.error} hint="r retry · esc back" />;
  const position = positionText(props.selected, state.rows.length);
  const summary = applied
    ? `${position} · ${state.rows.length} of ${state.total} nodes match "${applied}"`
    : `${position} · ${state.total} node${state.total === 1 ? '' : 's'}${unnamed ? ` · ${unnamed} without a name (—)` : ''}`;
  const marked = props.marks && props.marks.length > 0 ? ` · ${props.marks.length} marked (⏎ rotates them in waves)` : '';
  return (
    <Box flexDirection="column">
      {props.staleness?.failed ? (
        <Text color={color('status.warn')} wrap="truncate">{props.staleness.text}</Text>
      ) : typing ? (
        <TextField label="/ filter" value={applied} focused note={`${state.rows.length} of ${state.total} match · ⏎ keep · esc clear`} />
      ) : (
        <Text wrap="truncate">
          {summary}
          {marked}
          <Text color={color('ui.dim')}>{props.refreshing ? ' · refreshing…' : ''}</Text>
          {props.staleness ? <Text color={color(props.staleness.failed ? 'status.warn' : 'ui.dim')}>{` · ${props.staleness.text}`}</Text> : null}
        </Text>
      )}
      {state.total === 0 ? (
        <EmptyView message="No nodes in this Domain yet." hint="Nodes appear here once they enrol with a bootstrap token · r refresh" />
      ) : state.rows.length === 0 ? (
        <EmptyView message={`No node matches "${applied}".`} hint={typing ? 'esc clears the filter' : 'esc clears the filter · / edits it'} />
      ) : (
        <NodesTable rows={state.rows} selected={props.selected} offset={props.offset} height={props.height} width={props.width} sort={props.sort} desc={props.desc} marks={props.marks} />
      )}
    </Box>
  );
}
