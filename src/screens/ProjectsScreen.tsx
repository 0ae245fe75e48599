import {useMemo} from 'react';
import {useScreenActive, useCapture} from '../hooks/inputLayer.js';
import type {BindingId} from '../hooks/keymap.js';
import {listScreenKey, listView, type ListScreenState} from '../hooks/listView.js';
import {resolveSelection} from '../hooks/listSelection.js';
import {useNavigation, useViewState} from '../hooks/navigation.js';
import {formatCount} from '../domain/count.js';
import type {Project} from '../hooks/types.js';
import {useKeys} from '../hooks/useKeys.js';
import {useProjects} from '../hooks/useProjects.js';
import {useAutoRefresh} from '../hooks/useAutoRefresh.js';
import {useStaleness} from '../hooks/useStaleness.js';
import {useStatus} from '../hooks/useStatus.js';
import {useTerminalSize} from '../hooks/useTerminalSize.js';
import {PROJECT_SORTS, projectRows, ProjectsView, type ProjectSort} from './ProjectsView.js';
import {FRAME_CHROME_ROWS, ScreenFrame} from './shared/ScreenFrame.js';
import {EmptyView, ErrorView, LoadingView} from './shared/States.js';

const BINDINGS: BindingId[] = ['list.open', 'list.filter', 'list.sort', 'list.refresh', 'list.up', 'list.down', 'list.pageUp', 'list.pageDown', 'list.first', 'list.last', 'list.reverse'];
const FILTER_BINDINGS: BindingId[] = ['filter.apply', 'filter.clear'];
const ERROR_BINDINGS: BindingId[] = ['error.retry'];
const NONE: readonly Project[] = [];
const keyOf = (p: Project) => p.id;
const initial = (): ListScreenState<ProjectSort> => ({list: listView<ProjectSort>('slug'), mode: {kind: 'list'}});

/** The first screen: every Project; Enter opens its Tokens. */
export function ProjectsScreen() {
  const nav = useNavigation();
  const showStatus = useStatus();
  const size = useTerminalSize();
  const projects = useProjects();
  const items = projects.status === 'ready' ? projects.data : NONE;
  const [state, setState] = useViewState(initial);
  const {list} = state;
  const visible = useMemo(() => projectRows(items, list.sort, list.desc, list.filter), [items, list.sort, list.desc, list.filter]);
  const height = Math.max(1, Math.max(3, size.rows - FRAME_CHROME_ROWS) - 2);
  useCapture(state.mode.kind === 'filter');
  const active = useScreenActive();
  const refreshMs = useAutoRefresh(projects.refresh, active && state.mode.kind === 'list' && projects.status === 'ready');
  const staleness = useStaleness(projects, refreshMs);

  useKeys((press) => {
    const out = listScreenKey(state, press, {rows: visible, keyOf, height, sorts: PROJECT_SORTS});
    if (!out) return;
    setState(out.state);
    const e = out.effect;
    if (e?.kind === 'back') nav.back();
    else if (e?.kind === 'refresh') projects.reload((r) => r.status === 'ready' && showStatus(`refreshed · ${formatCount(r.data.length)} projects`, 'ok'));
    else if (e?.kind === 'open' && projects.status === 'ready') nav.push({name: 'tokens', project: e.row.id});
  }, active);

  const at = resolveSelection(list.sel, visible, keyOf, height);
  const bindings = projects.status === 'error' ? ERROR_BINDINGS : state.mode.kind === 'filter' ? FILTER_BINDINGS : BINDINGS;
  return (
    <ScreenFrame view="projects" bindings={bindings}>
      {(body, columns) =>
        projects.status === 'loading' ? <LoadingView what="projects" />
        : projects.status === 'error' ? <ErrorView error={projects.error} hint="r retry" />
        : items.length === 0 ? <EmptyView message="No Projects visible to this principal." hint="r refresh · : command line" />
        : <ProjectsView total={items.length} visible={visible} index={at.index} offset={at.offset} sort={list.sort} desc={list.desc} filter={list.filter} typing={state.mode.kind === 'filter'} staleness={staleness} rows={body} columns={columns} />
      }
    </ScreenFrame>
  );
}
