import {Box, Text} from 'ink';
import {useMemo, useState} from 'react';
import {useApi} from '../hooks/ApiProvider.js';
import {useCapture, useScreenActive} from '../hooks/inputLayer.js';
import {matches, type BindingId} from '../hooks/keymap.js';
import {useNavigation} from '../hooks/navigation.js';
import {createNodeView, NODE_SORTS, type NodeRow, type NodeSort} from '../hooks/nodeList.js';
import {FIRST_ROW, moveSelection, resolveSelection, selectedRow, useSyncState, type Selection} from '../hooks/listSelection.js';
import type {ApiError, NodeSummary} from '../hooks/types.js';
import {useKeys, type KeyPress} from '../hooks/useKeys.js';
import {listMoveFor} from '../hooks/listWindow.js';
import {useNodes} from '../hooks/useNodes.js';
import {useTerminalSize} from '../hooks/useTerminalSize.js';
import {NodesTable, type NodesTableProps} from './NodesTable.js';
import {FRAME_CHROME_ROWS, ScreenFrame} from './shared/ScreenFrame.js';
import {SkippedNotice, skippedRows} from './shared/SkippedNotice.js';
import {EmptyView, ErrorView, LoadingView} from './shared/States.js';
import {editText, TextField} from './shared/TextField.js';
import {color} from './shared/theme.js';

type ListState = {
  readonly sel: Selection;
  readonly sort: NodeSort;
  readonly desc: boolean;
  /** The applied `/` filter. */
  readonly filter: string;
  /** The filter being typed; undefined when the field is closed. */
  readonly draft?: string;
};

const LIST_BINDINGS: readonly BindingId[] = [
  'list.up', 'list.down', 'list.pageUp', 'list.pageDown', 'list.first', 'list.last',
  'list.open', 'list.filter', 'list.sort', 'list.reverse', 'list.refresh', 'nav.back',
];
const FILTER_BINDINGS: readonly BindingId[] = ['filter.apply', 'filter.clear'];
// Summary line and table header.
const BODY_CHROME = 2;
const keyOf = (r: NodeRow) => r.id;
const NO_NODES: readonly NodeSummary[] = [];
const INITIAL: ListState = {sel: FIRST_ROW, sort: 'name', desc: false, filter: ''};
// Esc from the preview (or ⏎ on the result) mounts this screen afresh: keep the operator's
// sort, filter and selected node, per connection (tests make a client each).
const remembered = new WeakMap<object, ListState>();

/** Nodes (console-ux.md §7): every node, `/` filter, `s`/`S` sort, Enter → rotation preview. */
export function NodesScreen() {
  const nav = useNavigation();
  const active = useScreenActive();
  const nodes = useNodes();
  const {rows: termRows} = useTerminalSize();
  // One row less when a notice counts nodes the reader skipped (issue 8, tolerant reader).
  const height = Math.max(1, Math.max(3, termRows - FRAME_CHROME_ROWS) - BODY_CHROME - skippedRows(nodes.skipped));
  const [view] = useState(createNodeView);
  const client = useApi();
  const [state, update, getState] = useSyncState<ListState>(() => remembered.get(client) ?? INITIAL);
  useCapture(state.draft !== undefined);
  const list = nodes.status === 'ready' ? nodes.data : NO_NODES;
  // Both render and key handler derive rows from the newest state, so `/fra⏎↓⏎` in one read works.
  const rowsOf = (s: ListState) => view(list, s.sort, s.desc, s.draft ?? s.filter);

  const onKey = (press: KeyPress) => {
    const {name} = press;
    const s = getState();
    if (s.draft !== undefined) {
      if (matches('filter.apply', name)) update((x) => ({...x, filter: x.draft ?? '', draft: undefined, sel: FIRST_ROW}));
      else if (matches('filter.clear', name)) update((x) => ({...x, filter: '', draft: undefined, sel: FIRST_ROW}));
      else update((x) => ({...x, draft: editText(x.draft ?? '', press, 64), sel: FIRST_ROW}));
      return;
    }
    if (matches('list.refresh', name) || (nodes.status === 'error' && matches('error.retry', name))) nodes.reload();
    else if (matches('nav.back', name)) {
      if (s.filter) update((x) => ({...x, filter: '', sel: FIRST_ROW}));
      else nav.back();
    } else if (nodes.status !== 'ready') return;
    else if (matches('list.filter', name)) update((x) => ({...x, draft: x.filter}));
    else if (matches('list.sort', name)) update((x) => ({...x, sort: NODE_SORTS[(NODE_SORTS.indexOf(x.sort) + 1) % NODE_SORTS.length] ?? 'name', desc: false}));
    else if (matches('list.reverse', name)) update((x) => ({...x, desc: !x.desc}));
    else if (matches('list.open', name)) {
      const row = selectedRow(s.sel, rowsOf(s), keyOf, height);
      if (!row) return;
      remembered.set(client, {...s, sel: {...s.sel, key: row.id}});
      nav.push({name: 'rotationPreview', node: row.id});
    } else {
      const move = listMoveFor(name);
      if (move) update((x) => ({...x, sel: moveSelection(x.sel, move, rowsOf(x), keyOf, height)}));
    }
  };
  useKeys(onKey, active);

  const rows = rowsOf(state);
  const at = resolveSelection(state.sel, rows, keyOf, height);
  return (
    <ScreenFrame view="nodes" bindings={state.draft !== undefined ? FILTER_BINDINGS : LIST_BINDINGS}>
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
          sort={state.sort}
          desc={state.desc}
          filter={state.filter}
          draft={state.draft}
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
  readonly draft?: string;
};

/** The Nodes body: loading, error, empty or the table, with a summary line above it. */
export function NodesView(props: NodesViewProps) {
  const {state, draft, filter} = props;
  const applied = draft ?? filter;
  const rows = state.status === 'ready' ? state.rows : undefined;
  // Once per rows array, not on every keypress that re-renders the view.
  const unnamed = useMemo(() => rows?.filter((r) => r.name === undefined).length ?? 0, [rows]);
  if (state.status === 'loading') return <LoadingView what="nodes" />;
  if (state.status === 'error') return <ErrorView error={state.error} hint="r retry · esc back" />;
  const summary = applied
    ? `${state.rows.length} of ${state.total} nodes match "${applied}"`
    : `${state.total} node${state.total === 1 ? '' : 's'}${unnamed ? ` · ${unnamed} without a name (—)` : ''}`;
  return (
    <Box flexDirection="column">
      {draft !== undefined ? (
        <TextField label="/ filter" value={draft} focused note={`${state.rows.length} of ${state.total} match · ⏎ apply · esc clear`} />
      ) : (
        <Text wrap="truncate">
          {summary}
          <Text color={color('ui.dim')}>{props.refreshing ? ' · refreshing…' : ''}</Text>
        </Text>
      )}
      {state.total === 0 ? (
        <EmptyView message="No nodes in this Domain yet." hint="Nodes appear here once they enrol with a bootstrap token · r refresh" />
      ) : state.rows.length === 0 ? (
        <EmptyView message={`No node matches "${applied}".`} hint={draft !== undefined ? 'esc clears the filter' : 'esc clears the filter · / edits it'} />
      ) : (
        <NodesTable rows={state.rows} selected={props.selected} offset={props.offset} height={props.height} width={props.width} sort={props.sort} desc={props.desc} />
      )}
    </Box>
  );
}
