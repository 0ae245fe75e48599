import {useMemo} from 'react';
import {useConsoleInfo} from '../hooks/ApiProvider.js';
import {useCapture, useScreenActive} from '../hooks/inputLayer.js';
import {matches, type BindingId} from '../hooks/keymap.js';
import {listScreenKey, listView, type ListMode, type ListView} from '../hooks/listView.js';
import {resolveSelection} from '../hooks/listSelection.js';
import {useNavigation, useViewState} from '../hooks/navigation.js';
import {confirmPhrases, nodeLabel} from '../hooks/nodeLabel.js';
import {useKeys} from '../hooks/useKeys.js';
import {useRotationPreview} from '../hooks/useRotationPreview.js';
import {useStatus} from '../hooks/useStatus.js';
import {useTerminalSize} from '../hooks/useTerminalSize.js';
import {RotationConfirmDialog} from './RotationConfirmDialog.js';
import {EDGE_SORTS, edgeRows, edgeView, type EdgeRow, type EdgeSort} from './RotationEdgesTable.js';
import {RotationPreviewView, summaryRows} from './RotationPreviewView.js';
import {FRAME_CHROME_ROWS, ScreenFrame} from './shared/ScreenFrame.js';

const PREVIEW_BINDINGS: readonly BindingId[] = ['preview.continue', 'list.up', 'list.down', 'list.pageUp', 'list.pageDown', 'list.first', 'list.last', 'list.filter', 'list.sort', 'list.reverse', 'list.refresh', 'nav.back'];
const FILTER_BINDINGS: readonly BindingId[] = ['filter.apply', 'filter.clear'];
const WAIT_BINDINGS: readonly BindingId[] = ['list.refresh', 'nav.back'];
const ERROR_BINDINGS: readonly BindingId[] = ['error.retry', 'nav.back'];
const edgeKey = (r: EdgeRow) => r.peerId;

/** The preview's modes, kept in the navigation stack with the edge table's view. */
type PreviewState = {readonly list: ListView<EdgeSort>; readonly mode: ListMode | {readonly kind: 'confirm'}};
const initial = (): PreviewState => ({list: listView<EdgeSort>('peer'), mode: {kind: 'list'}});

/** Rotation preview (console-ux.md §8) with the typed confirmation (§9) as a modal over it. */
export function RotationPreviewScreen({node}: {readonly node: string}) {
  const nav = useNavigation();
  const showStatus = useStatus();
  const active = useScreenActive();
  const {readOnly} = useConsoleInfo();
  const preview = useRotationPreview(node);
  const [state, setState] = useViewState(initial);
  const {list, mode} = state;
  const data = preview.status === 'ready' ? preview.data : undefined;
  useCapture(mode.kind !== 'list');

  const all = useMemo(() => (data ? edgeRows(data.preview.affected_edges, data.peerNames) : []), [data?.preview, data?.peerNames]); // eslint-disable-line react-hooks/exhaustive-deps
  const edges = useMemo(() => edgeView(all, list.sort, list.desc, list.filter), [all, list.sort, list.desc, list.filter]);
  const {rows: termRows} = useTerminalSize();
  const bodyRows = Math.max(3, termRows - FRAME_CHROME_ROWS);
  const tableHeight = Math.max(1, bodyRows - (data ? summaryRows(data, readOnly) : 0) - 1);
  const at = resolveSelection(list.sel, edges, edgeKey, tableHeight);
  const label = data ? nodeLabel(data.node, data.nodeId) : node;

  useKeys((press) => {
    if (mode.kind === 'confirm') return;
    const {name} = press;
    if (mode.kind === 'list' && (matches('list.refresh', name) || matches('error.retry', name))) return preview.reload();
    if (!data) {
      if (matches('nav.back', name)) nav.back();
      return;
    }
    if (mode.kind === 'list' && matches('preview.continue', name)) {
      if (readOnly) showStatus('READ-ONLY session: rotating is disabled (started with --read-only)', 'warn');
      else setState({...state, mode: {kind: 'confirm'}});
      return;
    }
    const out = listScreenKey({list, mode}, press, {rows: edges, keyOf: edgeKey, height: tableHeight, sorts: EDGE_SORTS});
    if (!out) return;
    setState({list: out.state.list, mode: out.state.mode});
    if (out.effect?.kind === 'back') nav.back();
  }, active && mode.kind !== 'confirm');

  const bindings = data ? (mode.kind === 'filter' ? FILTER_BINDINGS : PREVIEW_BINDINGS) : preview.status === 'error' ? ERROR_BINDINGS : WAIT_BINDINGS;
  return (
    <ScreenFrame view="rotate" bindings={bindings}>
      {(_rows, columns) => (
        <RotationPreviewView
          state={preview}
          nodeLabel={label}
          edges={edges}
          total={all.length}
          selected={at.index}
          offset={at.offset}
          tableHeight={tableHeight}
          width={columns}
          readOnly={readOnly}
          refreshing={preview.refreshing && preview.status === 'ready'}
          sort={list.sort}
          desc={list.desc}
          filter={list.filter}
          typing={mode.kind === 'filter'}
          modal={
            mode.kind === 'confirm' && data ? (
              <RotationConfirmDialog data={data} preview={preview} expected={confirmPhrases(data.node, data.nodeId)} width={columns} onCancel={() => setState({...state, mode: {kind: 'list'}})} />
            ) : undefined
          }
        />
      )}
    </ScreenFrame>
  );
}
