import {Box, Text} from 'ink';
import {useMemo, type ReactNode} from 'react';
import {TOKEN_STATES} from '../domain/tokenState.js';
import {positionText} from '../hooks/listView.js';
import {MARK_GLYPH} from '../hooks/marks.js';
import type {Staleness} from '../hooks/useStaleness.js';
import {formatCount} from '../domain/count.js';
import {type StateCounts, type StateFilter, type TokenRow, type TokenSort} from '../hooks/tokenRoster.js';
import {color, stateRole} from './shared/theme.js';
import {truncate} from './shared/text.js';
import {WindowedTable} from './shared/WindowedTable.js';
import {tokenColumns} from './tokenColumns.js';

export type TokensViewProps = {
  readonly counts: StateCounts;
  readonly total: number;
  /** Tokens loaded so far while pages still stream in. */
  readonly loading?: number;
  readonly truncated: boolean;
  readonly visible: readonly TokenRow[];
  readonly index: number;
  readonly offset: number;
  readonly sort: TokenSort;
  readonly desc: boolean;
  readonly filter: string;
  /** The `/` field is open; the filter applies as it is typed. */
  readonly typing: boolean;
  /** Shown when refresh is off (after the count) or failing (a banner line). */
  readonly staleness?: Staleness;
  readonly stateFilter: StateFilter;
  readonly now: number;
  readonly rows: number;
  readonly columns: number;
  /** Marked token ids (space, `*`): a count above the table and a glyph on each marked row. */
  readonly marks?: readonly string[];
  /** A modal (issue form, plaintext, revoke confirm) shown in place of the table. */
  readonly modal?: ReactNode;
};

/** Lines above the table: the counts line, plus the filter line when a filter is open or set. */
export function tokensHeadLines(p: Pick<TokensViewProps, 'typing' | 'filter' | 'stateFilter'> & {readonly failed?: boolean}): number {
  return (p.typing || p.filter !== '' || p.stateFilter !== 'all' ? 2 : 1) + (p.failed ? 1 : 0);
}

/** The roster: STATE counts, progress, filters and the windowed table. */
export function TokensView(p: TokensViewProps) {
  const marks = p.marks ?? NO_MARKS;
  const cols = useMemo(() => withMarks(tokenColumns(p.now, p.columns), marks), [p.now, p.columns, marks]);
  const head = tokensHeadLines({...p, failed: p.staleness?.failed});
  const position = positionText(p.index, p.visible.length);
  const marked = marks.length > 0 ? ` · ${formatCount(marks.length)} marked` : '';
  // While pages stream in, the count shown is the rows the counts were made from, so both agree.
  const progress = p.loading !== undefined ? `${position}${marked} · loading ${formatCount(p.total)}/…` : `${position}${marked} · ${formatCount(p.total)} ${p.total === 1 ? 'token' : 'tokens'}${p.truncated ? ' (first 100,000)' : ''}${p.staleness && !p.staleness.failed ? ` · ${p.staleness.text}` : ''}`;
  const filterParts: string[] = [];
  if (p.typing) filterParts.push(`/${p.filter}▏ ⏎ keep · esc clear`);
  else if (p.filter) filterParts.push(`filter "${p.filter}"`);
  if (p.stateFilter !== 'all') filterParts.push(`state: ${p.stateFilter}`);
  if (p.typing || p.filter || p.stateFilter !== 'all') filterParts.push(`${formatCount(p.visible.length)} of ${formatCount(p.total)} shown`);
  return (
    <Box flexDirection="column">
      <CountsLine counts={p.counts} progress={progress} columns={p.columns} />
      {p.staleness?.failed ? <Text color={color('status.warn')} wrap="truncate">{p.staleness.text}</Text> : null}
      {head - (p.staleness?.failed ? 1 : 0) === 2 ? <Text color={color('ui.focus')} wrap="truncate">{truncate(filterParts.join(' · '), p.columns)}</Text> : null}
      {p.modal ?? (p.visible.length === 0 ? (
        <Text color={color('ui.dim')}>{p.total === 0 ? 'No bootstrap tokens yet.' : 'No tokens match the filter (esc in / clears it, f cycles STATE).'}</Text>
      ) : (
        <WindowedTable
          columns={cols}
          rows={p.visible}
          rowKey={rowKey}
          selected={p.index}
          offset={p.offset}
          height={Math.max(1, p.rows - head - 1)}
          width={p.columns}
          sortKey={p.sort}
          sortDesc={p.desc}
          tick={p.now}
        />
      ))}
    </Box>
  );
}

const rowKey = (r: TokenRow) => r.id;
const NO_MARKS: readonly string[] = [];

/** A one-cell mark column in front, only while something is marked (no cell lost otherwise). */
function withMarks(cols: ReturnType<typeof tokenColumns>, marks: readonly string[]): ReturnType<typeof tokenColumns> {
  if (marks.length === 0) return cols;
  const set = new Set(marks);
  return [{key: 'mark', header: ' ', width: 1, priority: 11, value: (r: TokenRow) => (set.has(r.id) ? MARK_GLYPH : ' ')}, ...cols];
}

/**
 * `41/1,204 · 1,204 tokens │ live 3 · expired 1 · consumed 2 · revoked 1`: the position and
 * progress first, always in that order; STATE counts that do not fit drop whole from the end.
 */
function CountsLine({counts, progress, columns}: {readonly counts: StateCounts; readonly progress: string; readonly columns: number}) {
  let shown = TOKEN_STATES.length;
  const width = (n: number) => progress.length + 3 + TOKEN_STATES.slice(0, n).map((s) => `${s} ${formatCount(counts[s])}`).join(' · ').length + (n < TOKEN_STATES.length ? 4 : 0);
  while (shown > 1 && width(shown) > columns) shown--;
  return (
    <Text wrap="truncate">
      <Text color={color('ui.dim')}>{progress + ' │ '}</Text>
      {TOKEN_STATES.slice(0, shown).map((s, i) => (
        <Text key={s}>
          {i > 0 ? ' · ' : ''}
          <Text color={color(stateRole(s))}>{s}</Text> {formatCount(counts[s])}
        </Text>
      ))}
      {shown < TOKEN_STATES.length ? <Text color={color('ui.dim')}> · …</Text> : null}
    </Text>
  );
}
