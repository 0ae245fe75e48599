import {Box, Text} from 'ink';
import {useState} from 'react';
import {sanitize} from '../domain/sanitize.js';
import {useCapture, useScreenActive} from '../hooks/inputLayer.js';
import {matches, type BindingId} from '../hooks/keymap.js';
import {useNavigation} from '../hooks/navigation.js';
import {utc} from '../domain/time.js';
import {filterEntries, useJournalEntries, type JournalEntry} from '../hooks/useJournalEntries.js';
import {useKeys} from '../hooks/useKeys.js';
import {ScreenFrame} from './shared/ScreenFrame.js';
import {EmptyView, LoadingView} from './shared/States.js';
import {editText} from '../hooks/textEdit.js';
import {TextField} from './shared/TextField.js';
import {color} from './shared/theme.js';
import {truncate} from './shared/text.js';

const KEYS: BindingId[] = ['list.up', 'list.down', 'journal.filter', 'list.refresh', 'nav.back'];
const FILTER_KEYS: BindingId[] = ['filter.apply', 'filter.clear'];

/** `:journal`: every recorded mutation, newest first, with a `/` filter. */
export function JournalScreen() {
  const nav = useNavigation();
  const journal = useJournalEntries();
  const [filter, setFilter] = useState('');
  const [draft, setDraft] = useState<string>();
  const [offset, setOffset] = useState(0);
  useCapture(draft !== undefined);
  useKeys((press) => {
    const {name} = press;
    if (draft !== undefined) {
      if (matches('filter.apply', name)) (setFilter(draft), setDraft(undefined), setOffset(0));
      else if (matches('filter.clear', name)) (setFilter(''), setDraft(undefined), setOffset(0));
      else setDraft(editText(draft, press, 64));
    } else if (matches('nav.back', name)) {
      if (filter) setFilter('');
      else nav.back();
    } else if (matches('journal.filter', name)) setDraft(filter);
    else if (matches('list.refresh', name)) journal.reload();
    else if (matches('list.down', name)) setOffset((o) => o + 1);
    else if (matches('list.up', name)) setOffset((o) => Math.max(0, o - 1));
  }, useScreenActive());

  return (
    <ScreenFrame view="journal" bindings={draft !== undefined ? FILTER_KEYS : KEYS}>
      {(rows, columns) => {
        if (journal.status === 'loading') return <LoadingView what="the journal" />;
        if (journal.status === 'off') return <EmptyView message="The journal is off (--no-journal)." hint="esc back" />;
        if (journal.status === 'error') return <EmptyView message={journal.message} hint="r retry · esc back" />;
        const shown = filterEntries(journal.entries, draft ?? filter);
        const height = Math.max(1, rows - 2);
        const start = Math.min(offset, Math.max(0, shown.length - height));
        return (
          <Box flexDirection="column">
            {draft !== undefined ? (
              <TextField label="/ filter" value={draft} focused note={`${shown.length} of ${journal.entries.length} match`} />
            ) : (
              <Text wrap="truncate">
                {filter ? `${shown.length} of ${journal.entries.length} entries match "${sanitize(filter)}"` : `${journal.entries.length} entries, newest first`}
                <Text color={color('ui.dim')}> · {truncate(journal.path, 60)}{journal.skipped ? ` · ${journal.skipped} unreadable lines skipped` : ''}</Text>
              </Text>
            )}
            {shown.length === 0 ? <EmptyView message={journal.entries.length === 0 ? 'No mutation recorded yet.' : 'No entry matches.'} hint="esc back" /> : (
              <>
                <Text color={color('ui.dim')} wrap="truncate">{'TIME'.padEnd(22)}{'ACTION'.padEnd(8)}{'OUTCOME'.padEnd(17)}{'STATUS'.padEnd(7)}TARGET</Text>
                {shown.slice(start, start + height).map((e, i) => <Line key={`${start + i}`} e={e} width={columns} />)}
              </>
            )}
          </Box>
        );
      }}
    </ScreenFrame>
  );
}

function Line({e, width}: {readonly e: JournalEntry; readonly width: number}) {
  const target = e.targets.token_id ?? e.targets.node_id ?? e.targets.project_id ?? '';
  const role = e.outcome === 'failed' || e.outcome === 'unknown' || e.outcome === 'consumed' ? 'status.error' : 'status.ok';
  const text = `${utc(e.time).padEnd(22)}${e.action.padEnd(8)}`;
  return (
    <Text wrap="truncate">
      {text}<Text color={color(role)}>{sanitize(e.outcome).padEnd(17)}</Text>{String(e.status ?? '-').padEnd(7)}{truncate(sanitize(`${target}${e.subject ? `  ${e.subject}` : ''}`), Math.max(10, width - 54))}
    </Text>
  );
}
