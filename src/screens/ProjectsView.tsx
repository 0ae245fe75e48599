import {Box, Text} from 'ink';
import {sanitize} from '../domain/sanitize.js';
import {utcDay} from '../domain/time.js';
import {positionText} from '../hooks/listView.js';
import type {Staleness} from '../hooks/useStaleness.js';
import {formatCount} from '../domain/count.js';
import type {Project} from '../hooks/types.js';
import type {Column} from './shared/WindowedTable.js';
import {WindowedTable} from './shared/WindowedTable.js';
import {color} from './shared/theme.js';

export const PROJECT_SORTS = ['slug', 'name', 'created'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

// At 80 columns the ID keeps all 36 cells; narrower it truncates with `…`, then
// CREATED and NAME go. Server text is sanitised: names are untrusted.
const COLUMNS: Column<Project>[] = [
  {key: 'slug', header: 'SLUG', width: 14, priority: 10, value: (p) => sanitize(p.slug)},
  {key: 'name', header: 'NAME', width: 15, priority: 4, value: (p) => sanitize(p.name)},
  {key: 'id', header: 'ID', width: 'flex', minWidth: 13, maxWidth: 36, priority: 3, value: (p) => sanitize(p.id)},
  {key: 'created', header: 'CREATED', width: 10, priority: 2, value: (p) => sanitize(utcDay(p.created_at))},
];

const rowKey = (p: Project) => p.id;

/** Sorted and filtered projects (`/` matches slug, name and id). */
export function projectRows(items: readonly Project[], sort: ProjectSort, desc: boolean, filter: string): readonly Project[] {
  const needle = filter.trim().toLowerCase();
  const kept = needle ? items.filter((p) => `${p.slug}\n${p.name}\n${p.id}`.toLowerCase().includes(needle)) : [...items];
  const field = (p: Project) => (sort === 'created' ? p.created_at : sort === 'name' ? p.name.toLowerCase() : p.slug);
  return kept.sort((a, b) => (desc ? -1 : 1) * (field(a) < field(b) ? -1 : field(a) > field(b) ? 1 : 0));
}

export type ProjectsViewProps = {
  readonly total: number;
  readonly visible: readonly Project[];
  readonly index: number;
  readonly offset: number;
  readonly sort: ProjectSort;
  readonly desc: boolean;
  readonly filter: string;
  /** The `/` field is open (the filter applies as it is typed). */
  readonly typing: boolean;
  /** Shown when refresh is off or failing. */
  readonly staleness?: Staleness;
  readonly rows: number;
  readonly columns: number;
};

/** The Projects list: a count/filter line and the windowed table. */
export function ProjectsView(p: ProjectsViewProps) {
  const shown = p.filter ? ` · ${formatCount(p.visible.length)} of ${formatCount(p.total)} match` : ` · ${formatCount(p.total)} projects`;
  const line = p.typing ? `/${p.filter}▏ ⏎ keep · esc clear${shown}` : `${positionText(p.index, p.visible.length)}${p.filter ? ` · filter "${p.filter}"` : ''}${shown}`;
  return (
    <Box flexDirection="column">
      <Text color={p.typing ? color('ui.focus') : color('ui.dim')} wrap="truncate">
        {p.staleness?.failed ? '' : line}
        {p.staleness?.failed ? <Text color={color('status.warn')}>{p.staleness.text}</Text> : p.staleness ? <Text color={color(p.staleness.failed ? 'status.warn' : 'ui.dim')}>{` · ${p.staleness.text}`}</Text> : null}
      </Text>
      {p.visible.length === 0 ? (
        <Text color={color('ui.dim')}>No projects match the filter.</Text>
      ) : (
        <WindowedTable columns={COLUMNS} rows={p.visible} rowKey={rowKey} selected={p.index} offset={p.offset} height={Math.max(1, p.rows - 2)} width={p.columns} sortKey={p.sort} sortDesc={p.desc} />
      )}
    </Box>
  );
}
