import {useEffect, useRef} from 'react';
import {useCapture, useScreenActive} from '../hooks/inputLayer.js';
import {matches, type BindingId} from '../hooks/keymap.js';
import {useNavigation} from '../hooks/navigation.js';
import {FIRST_ROW, moveSelection, resolveSelection, selectedRow, useSyncState, type Selection} from '../hooks/listSelection.js';
import type {Project} from '../hooks/types.js';
import {useKeys, type KeyPress} from '../hooks/useKeys.js';
import {listMoveFor} from '../hooks/listWindow.js';
import {useProjects} from '../hooks/useProjects.js';
import {useTerminalSize} from '../hooks/useTerminalSize.js';
import {PROJECT_SORTS, projectRows, ProjectsView, type ProjectSort} from './ProjectsView.js';
import {FRAME_CHROME_ROWS, ScreenFrame} from './shared/ScreenFrame.js';
import {EmptyView, ErrorView, LoadingView} from './shared/States.js';
import {editText} from './shared/TextField.js';

type Ui = {readonly sel: Selection; readonly sort: ProjectSort; readonly desc: boolean; readonly filter: string; readonly draft?: string};

const BINDINGS: BindingId[] = ['list.open', 'list.filter', 'list.sort', 'list.refresh', 'list.up', 'list.down', 'list.pageUp', 'list.pageDown', 'list.first', 'list.last', 'list.reverse'];
const NONE: readonly Project[] = [];
const keyOf = (p: Project) => p.id;

/** The first screen: every Project; Enter opens its Tokens. */
export function ProjectsScreen() {
  const nav = useNavigation();
  const size = useTerminalSize();
  const projects = useProjects();
  const items = projects.status === 'ready' ? projects.data : NONE;
  const [ui, update, getUi] = useSyncState<Ui>(() => ({sel: FIRST_ROW, sort: 'slug', desc: false, filter: ''}));
  // Memoised on its inputs and shared by render and the key handler (batched keys see the same rows).
  const memo = useRef<{args: unknown[]; rows: readonly Project[]}>({args: [], rows: NONE});
  const rowsFor = (u: Ui) => {
    const args = [items, u.sort, u.desc, u.filter];
    if (!args.every((a, i) => a === memo.current.args[i])) memo.current = {args, rows: projectRows(items, u.sort, u.desc, u.filter)};
    return memo.current.rows;
  };
  const tableRows = Math.max(1, Math.max(3, size.rows - FRAME_CHROME_ROWS) - 2);
  useCapture(ui.draft !== undefined);
  const yielded = useRef(false);
  useEffect(() => {
    yielded.current = false;
  });

  const onList = ({name}: KeyPress, u: Ui) => {
    const visible = rowsFor(u);
    const move = listMoveFor(name);
    if (move) update((s) => ({...s, sel: moveSelection(s.sel, move, visible, keyOf, tableRows)}));
    else if (matches('list.refresh', name) || (projects.status === 'error' && matches('error.retry', name))) projects.reload();
    else if (matches('list.filter', name)) update((s) => ({...s, draft: s.filter}));
    else if (matches('list.sort', name)) update((s) => ({...s, sort: PROJECT_SORTS[(PROJECT_SORTS.indexOf(s.sort) + 1) % PROJECT_SORTS.length] ?? 'slug', desc: false}));
    else if (matches('list.reverse', name)) update((s) => ({...s, desc: !s.desc}));
    else if (matches('nav.back', name)) (u.filter ? update((s) => ({...s, filter: ''})) : nav.back()); // Esc clears a filter first
    else if (matches('list.open', name)) {
      const row = selectedRow(u.sel, visible, keyOf, tableRows);
      if (row) (yielded.current = true), nav.push({name: 'tokens', project: row.id});
    }
  };

  useKeys((press) => {
    if (yielded.current) return;
    const u = getUi();
    if (u.draft === undefined) return onList(press, u);
    if (press.name === 'return') update((s) => ({...s, filter: (s.draft ?? '').trim(), draft: undefined}));
    else if (press.name === 'escape') update((s) => ({...s, filter: '', draft: undefined}));
    else update((s) => ({...s, draft: editText(s.draft ?? '', press, 64)}));
  }, useScreenActive());

  const visible = rowsFor(ui);
  const at = resolveSelection(ui.sel, visible, keyOf, tableRows);
  return (
    <ScreenFrame view="projects" bindings={BINDINGS}>
      {(body, columns) =>
        projects.status === 'loading' ? <LoadingView what="projects" />
        : projects.status === 'error' ? <ErrorView error={projects.error} hint="r retry" />
        : items.length === 0 ? <EmptyView message="No Projects visible to this principal." hint="r refresh · : command line" />
        : <ProjectsView total={items.length} visible={visible} index={at.index} offset={at.offset} sort={ui.sort} desc={ui.desc} filter={ui.filter} draft={ui.draft} rows={body} columns={columns} />
      }
    </ScreenFrame>
  );
}
