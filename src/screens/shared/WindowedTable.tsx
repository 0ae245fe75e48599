import {Box, Text} from 'ink';
import {memo, useMemo} from 'react';
import {color, stylesEnabled, type Role} from './theme.js';
import {fit} from './text.js';

/** A column of a windowed table. Higher `priority` stays longer when the terminal is narrow. */
export type Column<T> = {
  readonly key: string;
  readonly header: string;
  /** Fixed width in cells, or `flex` to take what is left (at least `minWidth`). */
  readonly width: number | 'flex';
  readonly minWidth?: number;
  /** A flex column stops growing here (a UUID needs 36), so wide terminals keep columns together. */
  readonly maxWidth?: number;
  readonly priority: number;
  readonly align?: 'left' | 'right';
  readonly value: (row: T) => string;
  readonly role?: (row: T) => Role | undefined;
};

type Laid<T> = Column<T> & {readonly w: number};

const MARKER = 2; // "> " marks the selected row without relying on colour or inverse.

/** Drops the lowest-priority columns until the rest fit `total` cells; the flex column absorbs the rest. */
export function layoutColumns<T>(columns: readonly Column<T>[], total: number): Laid<T>[] {
  let cols = [...columns];
  const need = (cs: readonly Column<T>[]) =>
    MARKER + cs.reduce((n, c) => n + (c.width === 'flex' ? (c.minWidth ?? 8) : c.width) + 1, 0) - 1;
  while (cols.length > 1 && need(cols) > total) {
    const lowest = cols.reduce((a, b) => (b.priority < a.priority ? b : a));
    cols = cols.filter((c) => c !== lowest);
  }
  const fixed = need(cols.map((c) => (c.width === 'flex' ? {...c, width: 0, minWidth: 0} : c)));
  return cols.map((c) => ({...c, w: c.width === 'flex' ? Math.min(c.maxWidth ?? Infinity, Math.max(c.minWidth ?? 8, total - fixed)) : c.width}));
}

type RowProps<T> = {readonly row: T; readonly columns: readonly Laid<T>[]; readonly selected: boolean; readonly tick: number};

// Memoised so a ↓ re-renders two rows, not the window; `tick` changes only when
// time-derived cells (relative times, STATE) may have changed.
const Row = memo(function Row<T>({row, columns, selected}: RowProps<T>) {
  const styled = stylesEnabled();
  return (
    <Text inverse={selected && styled} bold={selected && !styled ? false : undefined} wrap="truncate">
      {selected ? '> ' : '  '}
      {columns.map((c, i) => (
        <Text key={c.key} color={c.role ? color(c.role(row) ?? 'ui.dim') : undefined}>
          {(i > 0 ? ' ' : '') + fit(c.value(row), c.w, c.align)}
        </Text>
      ))}
    </Text>
  );
}) as <T>(props: RowProps<T>) => React.ReactElement;

export type WindowedTableProps<T> = {
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
  readonly rowKey: (row: T) => string;
  readonly selected: number;
  readonly offset: number;
  /** Visible body rows (the header line is extra). */
  readonly height: number;
  readonly width: number;
  readonly sortKey?: string;
  readonly sortDesc?: boolean;
  readonly tick?: number;
};

/** A selectable table that renders only the rows inside its window. */
export function WindowedTable<T>(props: WindowedTableProps<T>) {
  const {columns, rows, rowKey, selected, offset, height, width, sortKey, sortDesc, tick = 0} = props;
  const laid = useMemo(() => layoutColumns(columns, width), [columns, width]);
  const visible = rows.slice(offset, offset + height);
  const header = laid
    .map((c) => fit(c.header + (c.key === sortKey ? (sortDesc ? '▼' : '▲') : ''), c.w, c.align))
    .join(' ');
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">{'  ' + header}</Text>
      {visible.map((row, i) => (
        <Row key={rowKey(row)} row={row} columns={laid} selected={offset + i === selected} tick={tick} />
      ))}
    </Box>
  );
}
